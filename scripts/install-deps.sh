#!/bin/sh
# Install the Debian packages yusuan needs, when missing.  Idempotent; runs
# apt-get only for what dpkg does not already have.
set -e
PKGS="build-essential pkg-config libutf8proc-dev libzip-dev libexpat1-dev
 libxml2-dev libpoppler-glib-dev libxlsxwriter-dev libsqlite3-dev libcmocka-dev valgrind
 qpdf
 poppler-utils chromium libreoffice-writer-nogui libreoffice-calc-nogui
 fonts-noto-cjk"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
