#!/bin/sh
# run-fuzz.sh DIR SECONDS MODE NAME... - runs each harness DIR/fuzz_NAME for SECONDS on
# its seed corpus tests/fuzz/corpus/NAME (plus DIR/corpus/NAME, where new inputs go),
# prints its executions, and counts a harness that finds a crash, leak, timeout or broken
# invariant as failed. Appends "fuzz passed failed" to $RESULTS like run-tap.sh.
# MODE smoke runs quietly (make check); long keeps the logs in DIR/logs.
dir=$1; secs=$2; mode=$3; shift 3
passed=0; failed=0
mkdir -p "$dir/logs"
for name in "$@"; do
    bin="$dir/fuzz_$name"; work="$dir/corpus/$name"; log="$dir/logs/$name.log"
    mkdir -p "$work"
    "$bin" -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$dir/$name-" "$work" "tests/fuzz/corpus/$name" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ "$rc" -eq 0 ]; then
        echo "ok   fuzz_$name: ${execs:-?} executions in ${secs}s"; passed=$((passed + 1))
    else
        echo "FAIL fuzz_$name (exit $rc), log $log:"; grep -a -E -A12 'INVARIANT|ERROR:|runtime error' "$log" | head -30
        echo "     reproduce: $bin $(ls -t "$dir/$name-"* 2>/dev/null | head -1)"
        failed=$((failed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
echo "fuzz $passed $failed" >> "${RESULTS:-build/out/results}"
[ "$failed" -eq 0 ]
