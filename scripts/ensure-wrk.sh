#!/usr/bin/env bash
# Make sure Debian's `wrk` (the HTTP load generator of bench/web.py) is installed.
# Idempotent; installs as root from Debian's packages when it is missing.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
    exit 0
fi
echo "ensure-wrk: installing wrk" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq wrk >/dev/null
