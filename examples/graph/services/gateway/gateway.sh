#!/bin/sh
echo "gateway on $(cat /opt/platform/runtime-version)"
