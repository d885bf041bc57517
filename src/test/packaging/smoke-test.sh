#!/usr/bin/env bash
# Smoke test of the packaged console: starts the jpackage app image on a virtual X display, offline,
# with no real AWS files, waits for its window, takes a screenshot and closes it.
#
#   src/test/packaging/smoke-test.sh [APP_IMAGE]     (default: target/dist/cognito-admin-console)
#
# It builds nothing: make the app image first with `mvn -Papp-image package -DskipTests`.
#
# Debian packages it needs (beyond the app image itself, which brings its own Java runtime):
#   xvfb xauth        the virtual X server and xvfb-run
#   libgtk-3-0        JavaFX draws with GTK 3 (libgtk-3-0t64 on Debian 13 / Ubuntu 24.04)
#   imagemagick       `import`, for the screenshot
#   xdotool           finds the window (else x11-utils: xwininfo)
#
# Writes into target/smoke/ (or $SMOKE_OUT): packaged-app.png (the screen with the console on it),
# app.stdout, app.stderr, console.log (the console's own log) and startup-ms.txt (launch to window
# shown, in milliseconds).
#
# Settings: SMOKE_TIMEOUT (seconds to wait for the window, 60), SMOKE_SETTLE (seconds between the
# window showing and the screenshot, 3), SMOKE_LANG (the app's locale, C.UTF-8), SMOKE_POLL (seconds
# between looks at the app's log, 0.1), SMOKE_JAVA_OPTIONS (more JVM options for the app, none).
#
# Waiting for the window must not take the CPU the start needs (frequent xdotool looks delayed the
# very start they measured; see docs/performance.md), so the script reads the app's own log every
# SMOKE_POLL seconds with bash builtins (no new process), asks xdotool only once the log says the first
# frame is drawn, and otherwise only every second (an app that draws a window but does not log still
# passes).
#
# Exit status: 0 when the window appeared, the app was still running at the screenshot and exited
# after SIGTERM; non-zero otherwise (missing tools 2, early exit 3, no window 4, screenshot 5,
# error in the output 6, no exit after SIGTERM 7).
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
app="${1:-$root/target/dist/cognito-admin-console}"
out="${SMOKE_OUT:-$root/target/smoke}"
launcher="$app/bin/cognito-admin-console"

fail() { echo "smoke-test: $1" >&2; exit "${2:-1}"; }

[ -x "$launcher" ] || fail "no launcher at $launcher; build it with: mvn -Papp-image package -DskipTests" 2
command -v xvfb-run >/dev/null || fail "xvfb-run missing (Debian: apt-get install xvfb xauth)" 2
command -v xauth >/dev/null || fail "xauth missing (Debian: apt-get install xauth)" 2
if [ -x /usr/bin/import ]; then import_cmd=/usr/bin/import; else import_cmd=import; fi
command -v "$import_cmd" >/dev/null || fail "ImageMagick's import missing (Debian: apt-get install imagemagick)" 2
command -v xdotool >/dev/null || command -v xwininfo >/dev/null \
  || fail "neither xdotool nor xwininfo (Debian: apt-get install xdotool)" 2

# A throwaway home: no JavaFX cache, no earlier log; the AWS files and settings written below.
tmp="$(mktemp -d "${TMPDIR:-/tmp}/cognito-smoke.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/cache" "$tmp/state" "$tmp/runtime" "$tmp/aws"
chmod 700 "$tmp/runtime"
# One dummy profile whose endpoint is a closed loopback port, so that nothing reaches AWS: the pool
# list fails with "Cannot reach Cognito", which the console shows as a banner. The keys are the
# example keys from the AWS documentation.
cat >"$tmp/aws/config" <<'EOF'
[profile smoke-test]
region = eu-west-1
endpoint_url = http://127.0.0.1:9
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
EOF
: >"$tmp/aws/credentials"
# The settings of an operator who has used the console before (so a start reads them, as most starts
# do, and the class-data archive trained on this run holds what reading them needs): the last profile,
# region and pool, the window's place and the column widths.
mkdir -p "$tmp/config/cognito-admin-console"
cat >"$tmp/config/cognito-admin-console/settings.json" <<'EOF'
{
  "version" : 1,
  "lastProfile" : "smoke-test",
  "connections" : { "smoke-test" : { "region" : "eu-west-1", "poolId" : "eu-west-1_SmokeTest1" } },
  "window" : { "x" : 0.0, "y" : 0.0, "width" : 1280.0, "height" : 760.0, "maximized" : false },
  "columns" : [ { "id" : "usernameColumn", "width" : 220.0 }, { "id" : "emailColumn", "width" : 240.0 },
    { "id" : "enabledColumn", "width" : 90.0 }, { "id" : "statusColumn", "width" : 180.0 },
    { "id" : "createdColumn", "width" : 140.0 }, { "id" : "modifiedColumn", "width" : 140.0 } ],
  "listUsersPerSecond" : 15,
  "updatesPerSecond" : 10,
  "productionProfiles" : [ ],
  "productionAccounts" : [ ]
}
EOF

mkdir -p "$out"
rm -f "$out/packaged-app.png" "$out/app.stdout" "$out/app.stderr" "$out/console.log" "$out/startup-ms.txt"

export SMOKE_LAUNCHER="$launcher" SMOKE_TMP="$tmp" SMOKE_DIR="$out" SMOKE_IMPORT="$import_cmd"
export SMOKE_TIMEOUT="${SMOKE_TIMEOUT:-60}" SMOKE_SETTLE="${SMOKE_SETTLE:-3}" SMOKE_LANG="${SMOKE_LANG:-C.UTF-8}"
export SMOKE_POLL="${SMOKE_POLL:-0.1}" SMOKE_JAVA_OPTIONS="${SMOKE_JAVA_OPTIONS:-}"

# Everything that talks to the display runs inside one xvfb-run, which sets DISPLAY and the
# XAUTHORITY file it made for that server.
status=0
xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash -c '
  set -u
  log() { echo "smoke-test: $*" >&2; }

  find_window() {
    if command -v xdotool >/dev/null; then
      xdotool search --onlyvisible --name "^Cognito Admin Console\$" 2>/dev/null | head -n 1
    else
      local id
      for id in $(xwininfo -root -tree 2>/dev/null | awk "/\"Cognito Admin Console\"/ {print \$1}"); do
        if xwininfo -id "$id" 2>/dev/null | grep -q "Map State: IsViewable"; then
          echo "$id"; return
        fi
      done
    fi
  }

  # A clean environment: only the display, the locale and the throwaway folders. Java takes its
  # user.home from the password database, not from HOME, hence -Duser.home.
  start_ns=$(date +%s%N)
  env -i \
    PATH=/usr/local/bin:/usr/bin:/bin \
    DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" \
    LANG="$SMOKE_LANG" \
    HOME="$SMOKE_TMP/home" \
    XDG_CONFIG_HOME="$SMOKE_TMP/config" XDG_DATA_HOME="$SMOKE_TMP/data" \
    XDG_CACHE_HOME="$SMOKE_TMP/cache" XDG_STATE_HOME="$SMOKE_TMP/state" \
    XDG_RUNTIME_DIR="$SMOKE_TMP/runtime" \
    NO_AT_BRIDGE=1 \
    AWS_CONFIG_FILE="$SMOKE_TMP/aws/config" \
    AWS_SHARED_CREDENTIALS_FILE="$SMOKE_TMP/aws/credentials" \
    AWS_PROFILE=smoke-test \
    AWS_EC2_METADATA_DISABLED=true \
    JAVA_TOOL_OPTIONS="-Duser.home=$SMOKE_TMP/home${SMOKE_JAVA_OPTIONS:+ $SMOKE_JAVA_OPTIONS}" \
    "$SMOKE_LAUNCHER" >"$SMOKE_DIR/app.stdout" 2>"$SMOKE_DIR/app.stderr" &
  pid=$!

  copy_log() {
    local f
    f=$(find "$SMOKE_TMP" -name console.log 2>/dev/null | head -n 1)
    [ -n "$f" ] && cp "$f" "$SMOKE_DIR/console.log"
  }
  show_output() {
    copy_log
    log "--- app.stderr (last 40 lines) ---"; tail -n 40 "$SMOKE_DIR/app.stderr" >&2
  }

  # Sleeping without a new process: read -t on a pipe that never has data (this shell holds its write end).
  exec 9<> <(:)
  nap() { read -r -t "$1" -u 9 _ || true; }
  app_log="$SMOKE_TMP/data/cognito-admin-console/logs/console.log"
  drawn() {
    local line
    [ -f "$app_log" ] || return 1
    while IFS= read -r line; do
      [[ $line == *"Start-up milestones"* ]] && return 0
    done <"$app_log"
    return 1
  }

  win=""
  looks=0
  deadline=$((SECONDS + SMOKE_TIMEOUT))
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"; rc=$?
      log "the app exited (status $rc) before its window appeared"
      show_output; exit 3
    fi
    if drawn; then
      # The log says drawn; the window must be there too (mapping may trail the log line a little).
      for _ in $(seq 1 20); do
        win=$(find_window)
        [ -n "$win" ] && break
        nap 0.1
      done
      [ -n "$win" ] && break
      log "the app logged its first frame, but no window named \"Cognito Admin Console\" is mapped"
      kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
      show_output; exit 4
    fi
    looks=$((looks + 1))
    if [ $((looks % 10)) -eq 0 ]; then
      win=$(find_window)
      [ -n "$win" ] && break
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "no window named \"Cognito Admin Console\" within $SMOKE_TIMEOUT s"
      kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
      show_output; exit 4
    fi
    nap "$SMOKE_POLL"
  done
  shown_ns=$(date +%s%N)
  startup_ms=$(( (shown_ns - start_ns) / 1000000 ))
  echo "$startup_ms" >"$SMOKE_DIR/startup-ms.txt"
  log "window $win shown ${startup_ms} ms after launch"

  # Let the first frames and the (failing, offline) pool load settle, then photograph the screen.
  sleep "$SMOKE_SETTLE"
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid"; rc=$?
    log "the app exited (status $rc) right after showing its window"
    show_output; exit 3
  fi
  if ! "$SMOKE_IMPORT" -window root "$SMOKE_DIR/packaged-app.png"; then
    log "screenshot failed"
    kill -KILL "$pid" 2>/dev/null; exit 5
  fi
  log "screenshot: $SMOKE_DIR/packaged-app.png"

  # No window manager runs on this display to turn a close request into WM_DELETE_WINDOW, so the
  # app is closed the way a session logout does it: SIGTERM. It must be gone within 20 s.
  kill -TERM "$pid"
  gone=""
  for _ in $(seq 1 200); do
    if ! kill -0 "$pid" 2>/dev/null; then gone=yes; break; fi
    sleep 0.1
  done
  if [ -z "$gone" ]; then
    log "the app still runs 20 s after SIGTERM"
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    show_output; exit 7
  fi
  wait "$pid"; rc=$?
  # 143 = terminated by SIGTERM (the JVM ran its shutdown hooks); 0 = exited by itself.
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 143 ]; then
    log "the app exited with status $rc after SIGTERM"
    show_output; exit 7
  fi
  copy_log

  if grep -E "Exception in Application|Uncaught exception|java\.lang\.[A-Za-z]*Error" \
      "$SMOKE_DIR/app.stdout" "$SMOKE_DIR/app.stderr" "$SMOKE_DIR/console.log" 2>/dev/null >&2; then
    log "errors in the app output (above)"
    exit 6
  fi
  log "OK (exit status $rc after SIGTERM)"
' || status=$?

exit "$status"
