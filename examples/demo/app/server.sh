#!/bin/sh
echo "demo service $(cat /etc/build-info)"
