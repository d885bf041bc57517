#!/usr/bin/env bash
# Start-up benchmark of the packaged console: launches the app image BENCH_RUNS times (5) through the
# smoke test (a fresh virtual X display, a throwaway home, no reachable AWS), and prints for each run
# the app's own milestones in ms since launch (the last, "first frame", is when the window has been
# drawn once), the time until the smoke test saw the window mapped (once the log says it is drawn), and the
# medians of both, and of the CPU time the JVM spent until its first frame (steadier than the clock when
# other work shares the machine; it leaves out the launcher's own child processes).
#
#   src/test/packaging/startup-bench.sh [APP_IMAGE]   (default: target/dist/cognito-admin-console)
#   mvn -Pbench-startup                               (builds the app image without tests, then this)
#
# Beside each launch of the app it launches two floor windows (dev.cognitoconsole.startup.FloorWindow, compiled
# here against the app image's own runtime with the JDK's javac, class-data archives trained for them,
# the app's JVM options): one with the control types of the console's main window and no console logic,
# and one with a single label. They are timed the same way, so the gap between the console and the first
# floor is what the console itself adds to its start; the floors are what JavaFX costs on this machine.
#
# It prints figures and asserts none: it fails only when a launch fails (the smoke test's status).
# The load average is printed before and after, as timings on a shared machine move with it.
#
# Settings: BENCH_RUNS (5), BENCH_OUT (target/startup-bench), BENCH_JAVA_OPTIONS (JVM options added to
# every launch, e.g. "-XX:TieredStopAtLevel=1" to compare), BENCH_FLOOR (1; 0 launches the app only), plus
# the smoke test's own (SMOKE_LANG, SMOKE_TIMEOUT, SMOKE_SETTLE: 5 here).
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

# The floor windows: compiled against the app's runtime, run with its java and JVM options (the launcher's
# configuration, less its class-data archive and $APPDIR entries), each with a class-data archive of its own.
floor="${BENCH_FLOOR:-1}"
floor_dir="$out/floor"
javac_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
jar_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
if [ "$floor" = 1 ] && ! { command -v "$javac_cmd" >/dev/null && command -v "$jar_cmd" >/dev/null; }; then
  echo "startup-bench: no javac/jar (a JDK) found, so no floor windows; the app's figures follow alone"
  floor=0
fi
floor_java="$app/lib/runtime/bin/java"
floor_options=()
# Read from the cfg file's [JavaOptions] section.
while IFS= read -r option; do
  case "$option" in
    *SharedArchiveFile*|*'$APPDIR'*|"") ;;
    *) floor_options+=("$option") ;;
  esac
done < <(sed -n 's/^java-options=//p' "$app/lib/app/cognito-admin-console.cfg" 2>/dev/null)
floor_launch() { # kind, extra JVM option -> the floor's milestones line on stdout
  local home
  home="$(mktemp -d "${TMPDIR:-/tmp}/cognito-floor.XXXXXX")"
  # xvfb-run sets DISPLAY and XAUTHORITY for the command; the rest of the environment is emptied, as the
  # smoke test does for the app.
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash -c 'exec env -i PATH=/usr/local/bin:/usr/bin:/bin \
    DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" "$@"' floor \
    LANG="${SMOKE_LANG:-C.UTF-8}" HOME="$home" NO_AT_BRIDGE=1 \
    "$floor_java" "${floor_options[@]}" ${BENCH_JAVA_OPTIONS:-} "$2" -Duser.home="$home" -Dfloor.kind="$1" \
    -cp "$floor_dir/floor.jar" dev.cognitoconsole.startup.FloorWindow 2>>"$floor_dir/stderr" \
    | sed -n 's/^Start-up milestones (ms since launch): //p'
  rm -rf "$home"
}
if [ "$floor" = 1 ]; then
  mkdir -p "$floor_dir/classes"
  "$javac_cmd" --system "$app/lib/runtime" -d "$floor_dir/classes" \
    "$root/src/test/java/dev/cognitoconsole/startup/FloorWindow.java" \
    "$root/src/main/java/dev/cognitoconsole/startup/StartupClock.java" \
    "$root/src/main/java/dev/cognitoconsole/common/DeferredListComboBoxSkin.java"
  "$jar_cmd" cf "$floor_dir/floor.jar" -C "$floor_dir/classes" .
  for kind in controls label; do
    floor_launch "$kind" "-XX:ArchiveClassesAtExit=$floor_dir/$kind.jsa" >/dev/null
    [ -f "$floor_dir/$kind.jsa" ] || { echo "startup-bench: the $kind floor's class-data archive was not written:" >&2;
      tail -n 20 "$floor_dir/stderr" >&2; exit 1; }
  done
fi
floor_controls=()
floor_label=()
gaps=()

frames=()
mapped=()
cpus=()
for i in $(seq 1 "$runs"); do
  run="$out/run-$i"
  # The smoke test waits 5 s after the window shows, then takes its screenshot: nothing measured. It
  # watches the app's log with bash builtins, so that the watching does not slow the start it measures.
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
  if [ "$floor" = 1 ]; then
    for kind in controls label; do
      line=$(floor_launch "$kind" "-XX:SharedArchiveFile=$floor_dir/$kind.jsa")
      [ -n "$line" ] || { echo "startup-bench: the $kind floor window did not start:" >&2;
        tail -n 20 "$floor_dir/stderr" >&2; exit 1; }
      printf 'startup-bench: run %d: floor (%s): %s\n' "$i" "$kind" "$line"
      first=${line##*first frame }
      first=${first%% *}
      if [ "$kind" = controls ]; then
        floor_controls+=("$first")
        gaps+=("$(( frames[-1] - first ))")
      else
        floor_label+=("$first")
      fi
    done
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
echo "startup-bench: median launch to first frame: $(median "${frames[@]}") ms (runs: ${frames[*]})"
echo "startup-bench: median CPU time of the app until its first frame: $(median "${cpus[@]}") ms (runs: ${cpus[*]})"
echo "startup-bench: median launch to window seen mapped: $(median "${mapped[@]}") ms (runs: ${mapped[*]})"
if [ "$floor" = 1 ]; then
  echo "startup-bench: median launch to first frame of the floor with the console's controls: $(median "${floor_controls[@]}") ms (runs: ${floor_controls[*]})"
  echo "startup-bench: median launch to first frame of the floor with one label: $(median "${floor_label[@]}") ms (runs: ${floor_label[*]})"
  echo "startup-bench: median of what the console adds to the controls floor, per run: $(median "${gaps[@]}") ms (runs: ${gaps[*]})"
fi
echo "startup-bench: load average after: $(load)"
