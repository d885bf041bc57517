#!/usr/bin/env bash
# Start-up benchmark of the packaged console: launches the app image BENCH_RUNS times (5) through the
# smoke test (a fresh virtual X display, a throwaway home, no reachable AWS), and prints for each run
# the app's own milestones in ms since launch (the last, "first frame", is when the window has been
# drawn once), the time until the smoke test saw the window mapped (it looks every 0.1 s), and the
# medians of both, and of the CPU time the JVM spent until its first frame (steadier than the clock when
# other work shares the machine; it leaves out the launcher's own child processes).
#
#   src/test/packaging/startup-bench.sh [APP_IMAGE]   (default: target/dist/cognito-admin-console)
#   mvn -Pbench-startup                               (builds the app image without tests, then this)
#
# It prints figures and asserts none: it fails only when a launch fails (the smoke test's status).
# The load average is printed before and after, as timings on a shared machine move with it.
#
# Settings: BENCH_RUNS (5), BENCH_OUT (target/startup-bench), BENCH_JAVA_OPTIONS (JVM options added to
# every launch, e.g. "-XX:TieredStopAtLevel=1" to compare), plus the smoke test's own (SMOKE_LANG,
# SMOKE_TIMEOUT, SMOKE_SETTLE: 5 here).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
app="${1:-$root/target/dist/cognito-admin-console}"
runs="${BENCH_RUNS:-5}"
out="${BENCH_OUT:-$root/target/startup-bench}"

load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "startup-bench: $runs launches of $app"
echo "startup-bench: load average before: $(load) ($(nproc) cores)"
rm -rf "$out"; mkdir -p "$out"
frames=()
mapped=()
cpus=()
for i in $(seq 1 "$runs"); do
  run="$out/run-$i"
  # The smoke test waits 5 s after the window shows (time for the first frame's log line even at load
  # 12 on two cores), then takes its screenshot: nothing measured. Looking for the window more often
  # than every 0.1 s (a new xdotool each time) slows the start it measures: at 20 ms, by half.
  SMOKE_OUT="$run" SMOKE_SETTLE="${SMOKE_SETTLE:-5}" SMOKE_JAVA_OPTIONS="${BENCH_JAVA_OPTIONS:-}" \
    bash "$here/smoke-test.sh" "$app" 2>"$run.stderr" \
    || { cat "$run.stderr" >&2; echo "startup-bench: launch $i failed" >&2; exit 1; }
  mapped+=("$(cat "$run/startup-ms.txt")")
  milestones=$(sed -n 's/.*Start-up milestones (ms since launch): //p' "$run/console.log" 2>/dev/null | head -n 1)
  if [ -z "$milestones" ]; then
    echo "startup-bench: run $i: window seen mapped at ${mapped[-1]}; no milestones logged before it was closed"
    continue
  fi
  frame=${milestones##*first frame }
  frames+=("${frame%% *}")
  cpu=${milestones##*(cpu }
  cpus+=("${cpu%)}")
  printf 'startup-bench: run %d: %s; window seen mapped at %s\n' "$i" "$milestones" "${mapped[-1]}"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
echo "startup-bench: median launch to first frame: $(median "${frames[@]}") ms (runs: ${frames[*]})"
echo "startup-bench: median CPU time of the app until its first frame: $(median "${cpus[@]}") ms (runs: ${cpus[*]})"
echo "startup-bench: median launch to window seen mapped: $(median "${mapped[@]}") ms (runs: ${mapped[*]})"
echo "startup-bench: load average after: $(load)"
