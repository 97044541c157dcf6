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
INSTALLER_DIR=${INSTALLER_DIR:-target/installer}
mkdir -p "$OUT" "$WORK"
rm -f "$OUT"/*.md "$OUT"/*.csv "$OUT"/*.jsa "$OUT"/startup-children.log

echo "== build (app jar, test classes, classpaths) =="
mvn -B -q -Pbench -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp-test.txt" -Dmdep.includeScope=test
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp-runtime.txt" -Dmdep.includeScope=runtime
JAR=$(ls target/account-linker-*.jar | head -1)
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
  xvfb-run -a -s "-screen 0 1920x1080x24" java -Dbench.runs="$RUNS" -Dbench.out="$OUT" \
      -Dbench.fxCp="$FX_CP" -Dbench.benchCp="$WORK/bench.jar" -Dbench.appCp="$JAR:$CP_RUNTIME" \
      -Dbench.appImage="$LAUNCHER" -Dbench.installed="$INSTALLED" -cp "$WORK/bench.jar" dev.accountlinker.bench.StartupBench
else
  printf '## 1. Start-up\n\nnot measured: xvfb-run is missing (apt-get install -y xvfb xauth libgtk-3-0)\n' > "$OUT/startup.md"
fi

echo "== 2-4. link latency, pulse gaps, memory (Monocle headless) =="
java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
    -Dbench.out="$OUT" -cp "$WORK/classes:target/classes:target/test-classes:$CP_TEST" dev.accountlinker.bench.LinkBench \
    2>&1 | grep -v 'Unsupported JavaFX configuration\|PlatformImpl startup'

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
java -cp "$WORK/classes:target/classes:$CP_TEST" org.openjdk.jmh.Main PureBenchmarks -rf csv -rff "$OUT/jmh.csv" | tail -5
{
  echo "## JMH: the pure parts of linking"
  echo
  echo "\`bench/src/dev/accountlinker/bench/jmh/PureBenchmarks.java\`: 1 fork, 3 warm-up and 5 measurement iterations of 1 s, average time."
  echo "Metadata merge of the demo accounts' metadata (alice + alice.g: additions, conflicts, a nested object); ID token validation"
  echo "(RS256 signature, iss/aud/exp/nonce, iat/auth_time) through IdTokenValidator with a JwkProvider that returns a fixed key."
  echo
  echo "| benchmark | µs/op | ± error (99.9 %) |"
  echo "|---|---:|---:|"
  tail -n +2 "$OUT/jmh.csv" | tr -d '"' | awk -F, '{n=$1; sub(/.*\./,"",n); printf "| %s | %.2f | %.2f |\n", n, $5, $6}'
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
  for part in startup link sizes jmh; do
    cat "$OUT/$part.md"
    echo
  done
} > bench/results.md
echo "wrote bench/results.md"
