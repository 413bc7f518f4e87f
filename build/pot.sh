#!/bin/sh
# pot.sh OUT.pot VERSION - extracts every text Pipecalc shows from the C sources under addin/
# (and the F1 help's own texts, build/gen-help.c)
# into a gettext template (README: Texts and languages). The keywords are the calls whose
# string literals are English texts a user reads:
#   _(), N_(), tx()                     addin/text/tx.h
#   tx_n(singular, plural, n)           counted texts
#   pc_fail(..., format, ...)           the core's reasons (translated by tx() through the hook
#   pc_fail_n(..., sing, plural, ...)   in core/pc_status.h), and the argument names the core
#   pc_status_translate(name)           quotes through "%s" and translates itself: the literal
#   pc_optional_number(t, arg, name)    names passed to pc_status_translate directly or
#   pc_bayes_check_cells(t, arg, name)  through these two helpers (pc_args.c, pc_bayes.c)
# Locations are file names only, so the template changes when a text does, not when a line
# moves. Any xgettext warning (e.g. a format cut by a macro such as G_GSIZE_FORMAT, whose
# value the lookup by English text could never match) fails.
set -e
out=$1
version=${2:-$(sed -n "s/^VERSION *:= *//p" Makefile)}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# shellcheck disable=SC2046
xgettext --language=C --from-code=UTF-8 --no-wrap --add-location=file --add-comments=TRANSLATORS: \
    --package-name=pipecalc --package-version="$version" \
    --copyright-holder="the Pipecalc authors" --msgid-bugs-address="https://pipecalc.org" \
    --keyword --keyword=_ --keyword=N_ --keyword=tx --keyword=tx_n:1,2 \
    --keyword=pc_fail:5 --keyword=pc_fail_n:6,7 --keyword=pc_status_translate \
    --keyword=pc_optional_number:3 --keyword=pc_bayes_check_cells:3 \
    --flag=pc_fail:5:c-format --flag=pc_fail_n:6:c-format --flag=pc_fail_n:7:c-format \
    --flag=_:1:pass-c-format --flag=tx:1:pass-c-format \
    --flag=tx_n:1:pass-c-format --flag=tx_n:2:pass-c-format \
    --flag=g_strdup_printf:1:c-format --flag=g_snprintf:3:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    -o "$out" $(find addin -name '*.c' | LC_ALL=C sort) build/gen-help.c 2>"$log" || { cat "$log" >&2; exit 1; }
if [ -s "$log" ]; then
    cat "$log" >&2
    echo "pot.sh: xgettext warned (above): fix the texts it names" >&2
    rm -f "$out"
    exit 1
fi
