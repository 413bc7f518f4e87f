#!/bin/sh
# run-tap.sh SUITE PROGRAM... - runs g_test programs with TAP output, prints failures,
# and appends "SUITE passed failed" to $RESULTS (default build/out/results) for the closing summary.
suite=$1; shift
passed=0; failed=0
for prog in "$@"; do
    log=$(mktemp)
    ${VALGRIND:-} "$prog" --tap >"$log" 2>&1
    rc=$?
    p=$(grep -c '^ok ' "$log")
    f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # a crash or abort counts as a failure
    if [ "$f" -ne 0 ]; then echo "FAILED in $prog:"; grep -v '^ok ' "$log" | tail -40; fi
    passed=$((passed + p)); failed=$((failed + f))
    rm -f "$log"
done
echo "$suite: $passed passed, $failed failed"
echo "$suite $passed $failed" >> "${RESULTS:-build/out/results}"
[ "$failed" -eq 0 ]
