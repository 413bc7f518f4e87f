#!/bin/sh
# Installs the Debian packages Pipecalc needs to build, test and run, when they are missing.
# Prints what it installs, how much, and its progress. Needs root (or sudo) only when
# something is missing. The libreoffice-help-* packages: LibreOffice compiles, indexes and
# shows an extension's F1 help only with its local help installed (tests/calc/test_help.py).
set -e
PKGS="gcc make pkg-config zip unzip gettext libglib2.0-dev libxml2-dev procps
      libreoffice-calc libreoffice-dev libreoffice-l10n-de python3-uno
      xvfb xauth imagemagick xdotool valgrind clang libclang-rt-14-dev fonts-dejavu-core
      libreoffice-help-common libreoffice-help-en-us libreoffice-help-de"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "pipecalc: missing Debian packages:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
# what apt will fetch and unpack with their dependencies, so a long wait is expected
count=$(apt-get install -s --no-install-recommends $missing 2>/dev/null | grep -c '^Inst ' || true)
bytes=$(apt-get install --print-uris -qq --no-install-recommends $missing 2>/dev/null |
        awk '{ s += $3 } END { printf "%d", s / 1048576 }')
echo "pipecalc: installing $count packages with their dependencies (${bytes} MB to download; a few minutes)"
# one line per package set up, numbered, instead of apt's screens of output
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing 2>&1 |
    awk -v n="$count" '/^Setting up / { i++; printf "pipecalc: [%d/%d] %s\n", i, n, $3; fflush() }
                       /^E: / { print; fflush() }'
for p in $missing; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        { echo "pipecalc: $p could not be installed (see apt-get's messages above)"; exit 1; }
done
echo "pipecalc: installed:$missing"
