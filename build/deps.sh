#!/bin/sh
# Installs the Debian packages Pipecalc needs to build, test and run, when they are missing.
# Prints what it installs. Needs root (or sudo) only when something is missing.
set -e
PKGS="gcc make pkg-config zip unzip gettext libglib2.0-dev libxml2-dev
      libreoffice-calc libreoffice-dev libreoffice-l10n-de python3-uno
      xvfb xauth imagemagick xdotool valgrind clang libclang-rt-14-dev fonts-dejavu-core"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "pipecalc: installing missing Debian packages:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "pipecalc: installed:$missing"
