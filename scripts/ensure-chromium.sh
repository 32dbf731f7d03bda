#!/usr/bin/env bash
# Make sure headless Chromium is at /usr/bin/chromium for the picture tests and
# `make pictures`. Installs Debian's package when missing and we are root; otherwise says
# so and leaves the tests to skip (CI runs as root, so there it is always installed).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: installing Debian's chromium" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
    exit 0
fi
echo "ensure-chromium: /usr/bin/chromium is missing and cannot be installed here" >&2
