#!/usr/bin/env bash
# Runs every benchmark of bench/ on this machine and writes bench/results.md (see bench/README.md).
#   bench/run.sh                      all parts (about 8 minutes on 2 cores)
#   BENCH_RUNS=20 bench/run.sh        more start-up runs per variant (default 10)
#   APP_IMAGE=path bench/run.sh       packaged app: an app-image directory or its launcher (default: looked up in target/installer/)
#   INSTALLER_DIR=dir bench/run.sh    where the packaging build put installers and images (default target/installer/)
# Needs: Java 17 + Maven, and for start-up xvfb-run + libgtk-3-0 (Debian: apt-get install -y xvfb xauth libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=bench/out
WORK=target/bench
RUNS=${BENCH_RUNS:-10}
LOAD_AT_START=$(cut -d" " -f1-3 /proc/loadavg)
INSTALLER_DIR=${INSTALLER_DIR:-target/installer}
mkdir -p "$OUT" "$WORK"
rm -f "$OUT"/*.md "$OUT"/*.csv "$OUT"/*.jsa "$OUT"/*.log

# One part that fails must not lose the others: part runs a command with its output in bench/out/NAME.log; when the
# command fails, the part's section (bench/out/NAME.md) says so with the end of that output, or keeps what the part
# wrote and adds that it failed; the run goes on and ends with exit 1 once results.md is written.
FAILED=()
part() { # $1: NAME, $2: the section's title, then the command
  local name=$1 title=$2 rc
  shift 2
  set +e
  "$@" 2>&1 | tee "$OUT/$name.log" | grep -v 'Unsupported JavaFX configuration\|PlatformImpl startup'
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" = 0 ] && return 0
  FAILED+=("$name")
  if [ ! -s "$OUT/$name.md" ]; then
    printf '## %s\n\n' "$title" > "$OUT/$name.md"
  fi
  {
    echo
    echo "**This part failed** (exit $rc); the other parts ran. The end of its output (bench/out/$name.log):"
    echo
    echo '```'
    tail -n 15 "$OUT/$name.log" | grep -v '^\s*at ' | cut -c1-200
    echo '```'
  } >> "$OUT/$name.md"
}

echo "== build (app jar, test classes, classpaths) =="
mvn -B -q -Pbench -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp-test.txt" -Dmdep.includeScope=test
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp-runtime.txt" -Dmdep.includeScope=runtime
JAR=$(ls target/account-linker-*.jar | grep -Ev -- "-(testkit|tests|sources|javadoc)\.jar$" | head -1)  # the app jar, not the testers' kit
CP_TEST=$(cat "$WORK/cp-test.txt")
CP_RUNTIME=$(cat "$WORK/cp-runtime.txt")
FX_CP=$(tr ':' '\n' < "$WORK/cp-runtime.txt" | grep '/org/openjfx/' | paste -sd:)

echo "== compile bench/src (JMH annotation processing included) =="
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
javac -nowarn -Xlint:none -d "$WORK/classes" -cp "target/classes:target/test-classes:$CP_TEST" \
    $(find bench/src -name '*.java')
jar cf "$WORK/bench.jar" -C "$WORK/classes" .   # AppCDS needs jars, not directories, on the class path

# The packaged app, when the packaging build made one.
LAUNCHER=""
find_launcher() { # $1: an app image directory or a launcher
  if [ -f "$1" ] && [ -x "$1" ]; then echo "$1"; return; fi
  if [ -d "$1/bin" ]; then find "$1/bin" -maxdepth 1 -type f -perm -u+x | head -1; fi
}
if [ -n "${APP_IMAGE:-}" ]; then
  LAUNCHER=$(find_launcher "$APP_IMAGE")
elif [ -d "$INSTALLER_DIR" ]; then
  for dir in "$INSTALLER_DIR"/*/; do
    [ -d "$dir/bin" ] && LAUNCHER=$(find_launcher "$dir") && break
  done
fi
echo "packaged app launcher: ${LAUNCHER:-not built}"
# The app installed from the .deb (apt-get install ./target/installer/*.deb), when it is.
INSTALLED=${INSTALLED:-}
if [ -z "$INSTALLED" ] && command -v dpkg-query >/dev/null; then
  INSTALLED=$(dpkg-query -L account-linker 2>/dev/null | grep '/bin/account-linker$' | head -1 || true)
fi
echo "installed app launcher: ${INSTALLED:-not installed}"

echo "== 1. start-up (Xvfb, GTK glass, $RUNS runs per variant) =="
if command -v xvfb-run >/dev/null; then
  part startup "1. Start-up" xvfb-run -a -s "-screen 0 1920x1080x24" java -Dbench.runs="$RUNS" -Dbench.out="$OUT" \
      -Dbench.fxCp="$FX_CP" -Dbench.benchCp="$WORK/bench.jar" -Dbench.appCp="$JAR:$CP_RUNTIME" \
      -Dbench.appImage="$LAUNCHER" -Dbench.installed="$INSTALLED" -cp "$WORK/bench.jar" dev.accountlinker.bench.StartupBench
else
  printf '## 1. Start-up\n\nnot measured: xvfb-run is missing (apt-get install -y xvfb xauth libgtk-3-0)\n' > "$OUT/startup.md"
fi

# The in-process parts run with the packaged launcher's JVM options (packaging/launcher.options, all but the
# class-data archive, which is made for the installed path): the app as people run it.
read -r -a APP_JVM <<< "$(sed -n 's/^--java-options "\{0,1\}\([^"$]*\)"\{0,1\}$/\1/p' packaging/launcher.options | paste -sd' ' -)"
echo "app JVM options: ${APP_JVM[*]}"
MONOCLE=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true)
BENCH_CP="$WORK/classes:target/classes:target/test-classes:$CP_TEST"

echo "== 2-4. link latency, pulse gaps, memory (Monocle headless, tenant in its own process) =="
part link "2. Link latency, 3. pulse gaps, 4. memory" \
    java "${MONOCLE[@]}" "${APP_JVM[@]}" -Dbench.out="$OUT" -cp "$BENCH_CP" dev.accountlinker.bench.LinkBench

CLICK_RUNS=${CLICK_RUNS:-5}
echo "== 2b. first click on Sign in, fresh JVM each ($CLICK_RUNS × 100 ms after the first frame, $CLICK_RUNS × after the warm-up) =="
rm -f "$OUT/click.csv"
click_runs() {
  for _ in $(seq "$CLICK_RUNS"); do
    for mode in 100 warm; do
      java "${MONOCLE[@]}" "${APP_JVM[@]}" -Dbench.out="$OUT" -cp "$BENCH_CP" dev.accountlinker.bench.ClickBench "$mode" || return
    done
  done
}
part click-runs "2b. The first click on Sign in" click_runs
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) printf "%.0f", a[(NR+1)/2]; else printf "%.0f", (a[NR/2]+a[NR/2+1])/2}'; }
range() { sort -n | awk 'NR==1{min=$1} {max=$1} END {printf "%.0f–%.0f", min, max}'; }
{
  echo "## 2b. The first click on Sign in (Monocle headless, a fresh JVM per click)"
  echo
  echo "The real app and a local tenant in one JVM, started fresh for every click (WebKit starts once per process); $CLICK_RUNS clicks each."
  echo "Click → the login form ready in the WebView (its username field exists). WebKit's ~120 MB native library loads in the"
  echo "background from the first frame (WebKitWarmUp); a click made before it is in opens the window with its spinner and"
  echo "the WebView follows once the library is in. Longest pulse gap = the longest time the JavaFX thread could not draw"
  echo "between the click and the form (WebKit's own start on the JavaFX thread, creating the first WebView)."
  echo
  echo "| click made | click → form, median ms | min–max ms | longest pulse gap, median ms | min–max ms |"
  echo "|---|---:|---:|---:|---:|"
  for mode in warm 100; do
    label="once the warm-up is done (a person reading the screen)"; [ "$mode" = 100 ] && label="100 ms after the first frame"
    rows=$(grep "^$mode," "$OUT/click.csv" || true)
    echo "| $label | $(cut -d, -f3 <<<"$rows" | median) | $(cut -d, -f3 <<<"$rows" | range) | $(cut -d, -f4 <<<"$rows" | median) | $(cut -d, -f4 <<<"$rows" | range) |"
  done
  echo
  echo "Goal: sign-in click → login form ready ≤ 600 ms median: **$( [ "$(grep '^warm,' "$OUT/click.csv" | cut -d, -f3 | median)" -le 600 ] 2>/dev/null && echo met || echo 'not met')** for a click after the warm-up."
} > "$OUT/click.md"
[ -s "$OUT/click-runs.md" ] && cat "$OUT/click-runs.md" >> "$OUT/click.md"
cat "$OUT/click.md"

echo "== 6. links under the Free-plan rate limit (in-process tenant) =="
part rate "6. Linking under Auth0's Free-plan rate limit" \
    java "${MONOCLE[@]}" "${APP_JVM[@]}" -Dbench.out="$OUT" -Dbench.rateLimited=true -Dbench.warmupCycles=0 \
    -Dbench.cycles="${RATE_CYCLES:-8}" -cp "$BENCH_CP" dev.accountlinker.bench.LinkBench

echo "== 5. installer and image sizes =="
{
  echo "## 5. Installer and image sizes"
  echo
  echo "From the packaging build's output (\`$INSTALLER_DIR\`, or APP_IMAGE / INSTALLER_DIR)."
  echo
  echo "| artefact | size MB |"
  echo "|---|---:|"
  found=0
  if [ -d "$INSTALLER_DIR" ]; then
    for f in "$INSTALLER_DIR"/*.deb "$INSTALLER_DIR"/*.rpm "$INSTALLER_DIR"/*.msi "$INSTALLER_DIR"/*.exe "$INSTALLER_DIR"/*.dmg "$INSTALLER_DIR"/*.pkg; do
      [ -f "$f" ] || continue
      echo "| installer $(basename "$f") | $(awk -v b="$(stat -c %s "$f")" 'BEGIN{printf "%.1f", b/1048576}') |"; found=1
    done
    for d in "$INSTALLER_DIR"/*/; do
      [ -d "$d/bin" ] || continue
      echo "| app image $(basename "$d")/ | $(du -sb "$d" | awk '{printf "%.1f", $1/1048576}') |"; found=1
    done
  fi
  if [ -n "${APP_IMAGE:-}" ] && [ -d "$APP_IMAGE" ]; then
    echo "| app image $APP_IMAGE | $(du -sb "$APP_IMAGE" | awk '{printf "%.1f", $1/1048576}') |"; found=1
  fi
  [ "$found" = 1 ] || echo "| installer, app image | not built |"
  echo "| app jar $(basename "$JAR") (without dependencies) | $(awk -v b="$(stat -c %s "$JAR")" 'BEGIN{printf "%.2f", b/1048576}') |"
  echo "| runtime dependencies on the class path (JavaFX, auth0, Jackson, OkHttp…) | $(tr ':' '\n' <<<"$CP_RUNTIME" | xargs du -cb | tail -1 | awk '{printf "%.1f", $1/1048576}') |"
} > "$OUT/sizes.md"
cat "$OUT/sizes.md"

echo "== JMH: pure parts (1 fork, 3 warm-up + 5 measurement iterations of 1 s) =="
part jmh-run "JMH" java -cp "$WORK/classes:target/classes:$CP_TEST" org.openjdk.jmh.Main PureBenchmarks -rf csv -rff "$OUT/jmh.csv" >/dev/null
tail -5 "$OUT/jmh-run.log"
{
  echo "## JMH: the pure parts of linking"
  echo
  echo "\`bench/src/dev/accountlinker/bench/jmh/PureBenchmarks.java\`: 1 fork, 3 warm-up and 5 measurement iterations of 1 s, average time."
  echo "Metadata merge of the demo accounts' metadata (alice + alice.g: additions, conflicts, a nested object); ID token validation"
  echo "(RS256 signature, iss/aud/exp/nonce, iat/auth_time) through IdTokenValidator with a JwkProvider that returns a fixed key."
  echo
  echo "| benchmark | µs/op | ± error (99.9 %) |"
  echo "|---|---:|---:|"
  [ -f "$OUT/jmh.csv" ] && tail -n +2 "$OUT/jmh.csv" | tr -d '"' | awk -F, '{n=$1; sub(/.*\./,"",n); printf "| %s | %.2f | %.2f |\n", n, $5, $6}'
  [ -s "$OUT/jmh-run.md" ] && tail -n +2 "$OUT/jmh-run.md"
} > "$OUT/jmh.md"

echo "== results =="
{
  echo "# Benchmark results"
  echo
  echo "Produced by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). What is measured and how: [bench/README.md](README.md)."
  echo "These are measurements of one machine, not pass/fail limits."
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores available |"
  echo "| memory | $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) |"
  echo "| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r) |"
  echo "| Java | $(java -version 2>&1 | sed -n 2p) |"
  echo "| JavaFX | $(grep -m1 '<javafx.version>' pom.xml | sed -E 's/.*>(.*)<.*/\1/') (jars on the class path) |"
  echo "| display | start-up: Xvfb $(dpkg-query -W -f='${Version}' xvfb 2>/dev/null || echo '?') with the GTK glass, software rendering; everything else: Monocle headless, prism.order=sw |"
  echo
  echo "Load average when the run started: ${LOAD_AT_START:-$(cut -d' ' -f1-3 /proc/loadavg)} (1, 5, 15 min; 2 cores, shared)."
  echo
  if [ "${#FAILED[@]}" -gt 0 ]; then
    echo "**Parts that failed: ${FAILED[*]}** (each one's section says how); the other parts are complete."
    echo
  fi
  for section in startup link click rate sizes jmh; do
    if [ -f "$OUT/$section.md" ]; then cat "$OUT/$section.md"; else echo "## $section: not run"; fi
    echo
  done
  cat bench/not-met.md  # what was tried for the goals not met, written by hand
} > bench/results.md
echo "wrote bench/results.md"
if [ "${#FAILED[@]}" -gt 0 ]; then
  echo "parts that failed: ${FAILED[*]}" >&2
  exit 1
fi
