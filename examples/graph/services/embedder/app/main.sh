#!/bin/sh
echo "embedding with $(ls /opt/ml/models | tr "\n" " ")"
