#!/bin/sh
# check-texts.sh [--tap] - the texts suite of `make check` (make test-texts), in TAP:
#   the template po/pipecalc.pot is what xgettext extracts from addin/ today (make pot), and
#   every po/<lang>.po translates each of its msgids and nothing else: msgfmt -c
#   --check-format (each translation takes its English's printf arguments, plural forms as
#   the header says), no fuzzy, untranslated or obsolete entry, msgcmp both ways.
# TEXTS_OUT (default build/out/po) receives the fresh template; VERSION (default: the
# Makefile's) names the package.
# check-texts.sh --same-pot A B: exit 0 when templates A and B differ at most in their date.
same_pot() {
    [ -f "$1" ] && [ -f "$2" ] || return 1
    a=$(mktemp); b=$(mktemp)
    sed '/^"POT-Creation-Date:/d' "$1" >"$a"
    sed '/^"POT-Creation-Date:/d' "$2" >"$b"
    cmp -s "$a" "$b"; rc=$?
    rm -f "$a" "$b"
    return $rc
}
if [ "$1" = "--same-pot" ]; then same_pot "$2" "$3"; exit; fi

out=${TEXTS_OUT:-build/out/po}
pot=$out/pipecalc.pot
mkdir -p "$out"
n=0
# check DESCRIPTION COMMAND...: one TAP line; the command's output only when it fails
check() {
    what=$1; shift
    n=$((n + 1))
    log=$(mktemp)
    if "$@" >"$log" 2>&1; then
        echo "ok $n - $what"
    else
        echo "not ok $n - $what"
        sed 's/^/# /' "$log"
    fi
    rm -f "$log"
}

up_to_date() {
    same_pot po/pipecalc.pot "$pot" && return 0
    echo "po/pipecalc.pot differs from the texts in addin/: run make pot (and translate the new texts)"
    diff -u po/pipecalc.pot "$pot" | grep -v '^[-+]"POT-Creation-Date:' | head -60
    return 1
}

# msgfmt's checks, and its statistics name no fuzzy or untranslated entry
msgfmt_clean() {
    stats=$(msgfmt -c --check-format --statistics -o /dev/null "$1" 2>&1) || { echo "$stats"; return 1; }
    echo "$stats"
    ! echo "$stats" | grep -q 'fuzzy\|untranslated'
}

language_is() {
    lang=$(sed -n 's/^"Language: *\([^\\]*\)\\n"$/\1/p' "$1")
    [ "$lang" = "$2" ] || { echo "$1 says Language: \"$lang\", its name says $2"; return 1; }
}

no_obsolete() {
    ! grep -n '^#~' "$1"
}

check "xgettext extracts the template from addin/ without a warning" sh build/pot.sh "$pot" "$VERSION"
check "po/pipecalc.pot is up to date (make pot)" up_to_date
for po in po/*.po; do
    lang=$(basename "$po" .po)
    check "$po: msgfmt -c --check-format, nothing fuzzy or untranslated" msgfmt_clean "$po"
    check "$po: its Language header is $lang" language_is "$po" "$lang"
    check "$po: translates every msgid of the template" msgcmp "$po" "$pot"
    check "$po: has no msgid the template lacks" msgcmp --use-untranslated --use-fuzzy "$pot" "$po"
    check "$po: has no obsolete (#~) entries" no_obsolete "$po"
done
echo "1..$n"
