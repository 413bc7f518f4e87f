#!/bin/sh
# summary.sh RESULTS - adds up the "suite passed failed" lines the test suites wrote and
# prints the closing line; exits non-zero when anything failed or a suite did not report.
results=$1
expected="modules core report table texts asan valgrind imports fuzz calc soak"
# with PIPECALC_LO25 (CI), the LibreOffice 25.2 suites of build/lo25.sh must report too
[ -n "${PIPECALC_LO25:-}" ] && expected="$expected build-25.2 calc-25.2"
passed=0; failed=0
for s in $expected; do
    line=$(grep "^$s " "$results" 2>/dev/null | tail -1)
    if [ -z "$line" ]; then echo "suite $s did not run to completion"; failed=$((failed + 1)); continue; fi
    set -- $line
    passed=$((passed + $2)); failed=$((failed + $3))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
