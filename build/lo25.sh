#!/bin/sh
# lo25.sh ROOT OXT RESULTS - Pipecalc on LibreOffice 25.2 (Debian's bookworm-backports), in
# a Debian chroot at ROOT that this script makes the first time (root and debootstrap
# needed; about 1.6 GB and a few minutes): compiles the add-in against the 25.2 SDK (with
# -Werror, as on 7.4), then runs the Calc suite (tests/calc) in 25.2 with OXT, the .oxt built
# on 7.4: one .oxt for both. Appends "build-25.2 P F" and "calc-25.2 P F" to RESULTS.
set -u
ROOT=$1 OXT=$2 RESULTS=$3
SRC=$(cd "$(dirname "$0")/.." && pwd)
PKGS_MAIN="gcc make pkg-config zip unzip gettext libglib2.0-dev libxml2-dev procps python3"
PKGS_25="libreoffice-calc libreoffice-dev python3-uno libreoffice-l10n-de fonts-dejavu-core libreoffice-help-common libreoffice-help-en-us libreoffice-help-de"
phase() { echo "lo25: $1 ($(date +%H:%M:%S))"; }

if [ "$(id -u)" -ne 0 ]; then
    echo "lo25: needs root (debootstrap, chroot); skipped"; exit 1
fi
if [ ! -x "$ROOT/usr/bin/apt-get" ]; then
    phase "making a Debian 12 chroot in $ROOT"
    command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    rm -rf "$ROOT" && mkdir -p "$ROOT"
    debootstrap --variant=minbase bookworm "$ROOT" http://deb.debian.org/debian >"$ROOT.log" 2>&1 ||
        { echo "lo25: debootstrap failed (see $ROOT.log)"; echo "build-25.2 0 1" >>"$RESULTS"; exit 1; }
    echo "deb http://deb.debian.org/debian bookworm-backports main" >"$ROOT/etc/apt/sources.list.d/backports.list"
fi
# what is missing of the packages (all of them in a new chroot; a kept one may lack a newer one)
missing=$(chroot "$ROOT" sh -c "for p in $PKGS_MAIN $PKGS_25; do
    dpkg-query -W -f='\${Status}' \$p 2>/dev/null | grep -q 'install ok installed' || echo \$p; done")
if [ -n "$missing" ]; then
    phase "installing LibreOffice 25.2 and the build tools in the chroot: $(echo $missing)"
    chroot "$ROOT" sh -c "apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PKGS_MAIN &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -t bookworm-backports $PKGS_25" \
        >>"$ROOT.log" 2>&1 || { echo "lo25: installing LibreOffice 25.2 failed (see $ROOT.log)";
                                echo "build-25.2 0 1" >>"$RESULTS"; exit 1; }
fi

# the office needs /proc and /dev inside; unmounted again however the script ends
for m in proc dev; do mountpoint -q "$ROOT/$m" || mount --bind "/$m" "$ROOT/$m"; done
mountpoint -q "$ROOT/dev/pts" || mount -t devpts devpts "$ROOT/dev/pts" 2>/dev/null
trap 'umount "$ROOT/dev/pts" "$ROOT/dev" "$ROOT/proc" 2>/dev/null' EXIT
chroot "$ROOT" /usr/lib/libreoffice/program/soffice --version

# the sources as committed plus what is changed (not build/out), and the 7.4 .oxt
rm -rf "$ROOT/src" && mkdir -p "$ROOT/src"
(cd "$SRC" && git ls-files -co --exclude-standard | grep -v '^build/out/' | tar -cf - -T -) | tar -xf - -C "$ROOT/src"
cp "$OXT" "$ROOT/tmp/pipecalc-7.4.oxt"

phase "compiling against the LibreOffice 25.2 SDK"
if chroot "$ROOT" sh -c 'cd /src && make -j2 oxt' >"$ROOT.build.log" 2>&1; then
    echo "build-25.2 1 0" >>"$RESULTS"; echo "lo25: the 25.2 SDK build is warning-free"
else
    tail -30 "$ROOT.build.log"; echo "build-25.2 0 1" >>"$RESULTS"
fi

rm -f "$ROOT/tmp/results"
phase "the Calc suite in LibreOffice 25.2 with the .oxt built on 7.4"
chroot "$ROOT" sh -c 'cd /src && HOME=/tmp RESULTS=/tmp/results python3 tests/calc/run_tests.py /tmp/pipecalc-7.4.oxt'
if [ -f "$ROOT/tmp/results" ]; then
    sed 's/^calc /calc-25.2 /' "$ROOT/tmp/results" >>"$RESULTS" && rm -f "$ROOT/tmp/results"
else
    echo "calc-25.2 0 1" >>"$RESULTS"
fi
phase "done"
