#!/bin/sh
echo "ranking with $(cat /opt/platform/runtime-version)"
