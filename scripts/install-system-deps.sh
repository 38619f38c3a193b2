#!/usr/bin/env bash
# Install the Debian packages the tests need when they are missing: Chromium for the
# browser tests, Java 17 for Spark local mode, poppler for PDF pages, pango for WeasyPrint.
# Needs root (CI runs as root); prints what it would need otherwise.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "seismo: system packages missing (${need[*]}); install them with apt-get as root" >&2
  exit 0
fi
echo "seismo: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
