#!/usr/bin/env bash
# Builds Account Linker's installers with the JDK's own jlink and jpackage (JDK 17+).
#
#   packaging/build.sh [--settings FILE] [TYPE...]
#                                    TYPE: app-image deb rpm (Linux), msi exe (Windows), dmg pkg (macOS)
#                                    default: this OS's installers (Linux: app-image, deb, and rpm if rpmbuild is here)
#   --settings FILE                  an organisation's build: FILE (installer settings, see
#                                    packaging/installer-settings.example.properties) goes into the app image as
#                                    lib/app/installer.properties; the app reads it below the user's own settings file
#                                    and above the demo. Checked first: a file the app could not use stops the build.
# Usually run through Maven, which compiles and copies the runtime jars first: mvn -B -Ppackage package
# (with -Dinstaller.settings=FILE for --settings FILE)
# Run directly after `mvn -B process-classes` (it needs target/classes and target/lib).
#
# Output: target/installer/ (installers, and the app-image folder account-linker/ on Linux).
# Steps: 1. the app jar from target/classes, every jar stored uncompressed (packaging/StoreJars.java);
# 2. a trimmed runtime (jlink: packaging/runtime-modules, no debug info, man pages or headers, with the JDK's
# default CDS archive) with JavaFX's modules linked in from its platform jars in target/lib, so JavaFX runs as named
# modules, the supported way (no "unnamed module" warning) while the app and its other libraries stay on the class path; 3. jpackage with packaging/jpackage.options + packaging/<os>/jpackage.options, and for
# the installers (made from the app-image) packaging/<os>/installer.options + packaging/<os>/<type>.options.
# A .deb is checked to depend on libgtk-3-0.
# Environment: APP_VERSION (default: the pom's version), DEST (default target/installer), JPACKAGE/JLINK/JAR,
# JPACKAGE_OPTS (extra jpackage options for every call, e.g. --verbose), INSTALLER_SETTINGS (as --settings).
set -euo pipefail

settings=${INSTALLER_SETTINGS:-}
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --settings) [ $# -ge 2 ] || { echo "packaging/build.sh: --settings needs a FILE" >&2; exit 2; }; settings=$2; shift 2 ;;
    --settings=*) settings=${1#--settings=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
# A relative FILE is the caller's, not the project folder's.
if [ -n "$settings" ] && [ "${settings#/}" = "$settings" ]; then settings="$PWD/$settings"; fi
set -- ${args[@]+"${args[@]}"}
cd "$(dirname "$0")/.."

die() { echo "packaging/build.sh: $*" >&2; exit 1; }
step() { echo "== $*"; }

java_bin() { # the JDK tool named $1: $JAVA_HOME/bin first, then the PATH
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"; else command -v "$1" || die "$1 not found (needs a JDK 17+)"; fi
}
JPACKAGE=${JPACKAGE:-$(java_bin jpackage)}
JLINK=${JLINK:-$(java_bin jlink)}
JAR=${JAR:-$(java_bin jar)}

case "$(uname -s)" in
  Linux) os=linux; default_types="app-image deb rpm" ;;
  Darwin) os=macos; default_types="app-image dmg" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; default_types="app-image msi" ;;
  *) die "unsupported OS $(uname -s)" ;;
esac
read -r -a types <<< "$*"  # also one argument "app-image deb" (from Maven's -Dinstaller.types)
if [ ${#types[@]} -eq 0 ] || [ "${types[*]}" = default ]; then read -r -a types <<< "$default_types"; fi

# jpackage wants a plain numeric version: 0.1.0-SNAPSHOT becomes 0.1.0.
version=${APP_VERSION:-$(sed -n '0,/<artifactId>account-linker<\/artifactId>/d; s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)}
version=${version%%-*}
[[ $version =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$version' is not numeric (x.y.z)"

[ -d target/classes ] && [ -d target/lib ] || die "target/classes or target/lib is missing: run mvn -B -Ppackage package (or mvn -B process-classes first)"

work=target/jpackage
dest=${DEST:-target/installer}
mkdir -p "$work" "$dest"

if [ -n "$settings" ]; then
  step "installer settings $settings"
  [ -f "$settings" ] || die "installer settings $settings: no such file"
  # The app's own rules: the same message a user would get, but now, at build time.
  "$(java_bin java)" -cp "target/classes:target/lib/*" dev.accountlinker.launch.InstallerSettingsCheck "$settings" \
    || die "installer settings $settings cannot be used (see above)"
fi

step "app jar ($version)"
rm -rf "$work/input" "$work/javafx" && mkdir -p "$work/input" "$work/javafx"
"$JAR" --create --file "$work/input/account-linker-$version.jar" --main-class dev.accountlinker.Launcher -C target/classes .
for jar in target/lib/*.jar; do
  case "${jar##*/}" in
    # JavaFX: the platform jars (javafx-web-21.0.11-linux.jar...) are modules and go into the runtime; their empty
    # companions without a classifier (automatic modules "javafx.webEmpty") are left out. grep without -q reads the
    # whole listing (no broken pipe under pipefail).
    javafx-*) if "$JAR" --list --file "$jar" | grep -x 'module-info.class' >/dev/null; then cp "$jar" "$work/javafx/"; fi ;;
    *) cp "$jar" "$work/input/" ;;
  esac
done
[ -n "$(ls "$work/javafx")" ] || die "no JavaFX platform jars (module-info.class) in target/lib"
# Stored, not deflated: the installers' own compression (xz, cab, dmg) then does far better (docs/packaging.md).
"$(java_bin java)" packaging/StoreJars.java "$work/input"/*.jar
installer_options=()
if [ -n "$settings" ]; then
  cp "$settings" "$work/input/installer.properties"
  # jpackage's launcher replaces $APPDIR with the image's lib/app folder.
  installer_options=(--java-options '-Daccountlinker.installerSettings=$APPDIR/installer.properties')
fi

step "runtime (jlink)"
modules=$(grep -v '^#' packaging/runtime-modules | grep . | paste -sd, -)
runtime="$work/runtime"
# Reused while the module list and the JDK are the same (jlink takes a few seconds). No --compress: the
# installers compress lib/modules much better themselves (xz: 10 MB uncompressed vs 22 MB with --compress=2).
# JavaFX's native libraries leave its modules for the runtime's own library folder (bin\ on Windows), where JavaFX
# loads them directly: left inside a module, JavaFX inflates and checksums each one on every start and copies it
# into ~/.openjfx/cache; for WebKit's 120 MB library that cost ~0.7 s when the first login page opened
# (docs/performance.md).
jlink_options=(--strip-debug --no-header-files --no-man-pages --generate-cds-archive
  "--exclude-resources=glob:/javafx.*/*.so,glob:/javafx.*/*.dylib,glob:/javafx.*/*.dll")
stamp="$modules ${jlink_options[*]} $("$JLINK" --version) $(ls "$work/javafx" | paste -sd' ' -)"
if [ ! -f "$runtime/release" ] || [ "$(cat "$work/runtime.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$runtime"
  "$JLINK" --module-path "$work/javafx" --add-modules "$modules" "${jlink_options[@]}" --output "$runtime"
  native_dir="$runtime/lib"; [ "$os" = windows ] && native_dir="$runtime/bin"
  rm -rf "$work/natives" && mkdir -p "$work/natives"
  for jar in "$work/javafx"/*.jar; do
    libraries=$("$JAR" tf "$jar" | grep -E '^[^/]+\.(so|dylib|dll)$' || true)
    [ -z "$libraries" ] || (cd "$work/natives" && "$JAR" xf "$OLDPWD/$jar" $libraries)
  done
  [ -n "$(ls "$work/natives")" ] || die "no native libraries in JavaFX's platform jars"
  cp "$work/natives"/* "$native_dir/"
  echo "$stamp" > "$work/runtime.stamp"
fi

read -r -a extra <<< "${JPACKAGE_OPTS:-}"
common=(${extra[@]+"${extra[@]}"} @packaging/jpackage.options @"packaging/$os/jpackage.options" --app-version "$version" --dest "$dest")
app_name=$(sed -n 's/^--name "\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "packaging/$os/jpackage.options")
app_image="$dest/$app_name"
[ "$os" = macos ] && app_image="$dest/$app_name.app"

build_app_image() {
  step "app-image → $app_image"
  rm -rf "$app_image"
  local launcher_options=(@packaging/launcher.options)
  [ -f "packaging/$os/launcher.options" ] && launcher_options+=(@"packaging/$os/launcher.options")
  "$JPACKAGE" --type app-image "${common[@]}" "${launcher_options[@]}" --input "$work/input" \
    --main-jar "account-linker-$version.jar" --main-class dev.accountlinker.Launcher --runtime-image "$runtime" \
    ${installer_options[@]+"${installer_options[@]}"}
  [ "$os" = linux ] && record_class_list
  return 0
}

# Class-data sharing (Linux; docs/performance.md). The launcher's options name an archive lib/app/account-linker.jsa
# (packaging/linux/jpackage.options). It must be made for the path the app runs from (Java 17 checks the class
# path), so: here, a training run of the app image records which classes a start loads (first frame, demo tenant,
# WebKit's library) into lib/app/account-linker.classlist, which every installer carries; the .deb's postinst dumps
# the archive from it where the package was installed; this script dumps it for the app image itself, after the
# installers are made (they must not carry an archive made for this folder). A missing, stale or foreign archive is
# ignored by the JVM without a word (the app then starts without class sharing). CDS=no skips all of it.
class_list="lib/app/account-linker.classlist"
record_class_list() {
  [ "${CDS:-yes}" = no ] && { echo "== class list: skipped (CDS=no)"; return 0; }
  local display=()
  if [ -z "${DISPLAY:-}" ]; then
    if command -v xvfb-run >/dev/null; then display=(xvfb-run -a); else
      echo "== class list: skipped (no display and no xvfb-run): the app starts without class sharing"; return 0; fi
  fi
  step "class list (a training run of the app image, under ${display[*]:-\$DISPLAY})"
  local tmp; tmp=$(mktemp -d)
  local launcher="$app_image/bin/$app_name"
  # An empty user settings folder: the demo tenant, and nothing written into the builder's own settings.
  XDG_CONFIG_HOME="$tmp" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$tmp/classlist -Daccountlinker.startupMarker=$tmp/marker" \
    timeout 120 ${display[@]+"${display[@]}"} bash -c '
      "$1" --demo >"$2/log" 2>&1 & app=$!
      for _ in $(seq 600); do   # up to 60 s: first frame, services up, WebKit library in
        grep -q services- "$2/marker" 2>/dev/null && grep -q webkit-warm "$2/marker" 2>/dev/null && break
        kill -0 $app 2>/dev/null || break
        sleep 0.1
      done
      sleep 1; kill $app 2>/dev/null; wait $app' _ "$launcher" "$tmp" || true
  if grep -q services-ready "$tmp/marker" 2>/dev/null && [ -s "$tmp/classlist" ]; then
    cp "$tmp/classlist" "$app_image/$class_list"
    echo "== class list: $(grep -vc '^#' "$tmp/classlist") classes"
  else
    echo "== class list: the training run did not start ($(cat "$tmp/marker" 2>/dev/null | paste -sd' ' -)); no class sharing" >&2
    cat "$tmp/log" >&2 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
dump_archive() { # $1: app image; the same command as the .deb's postinst
  [ -f "$1/$class_list" ] || return 0
  step "class-data archive for $1 (valid at this path only)"
  rm -f "$1/lib/app/account-linker.jsa"
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$1/$class_list -XX:SharedArchiveFile=$1/lib/app/account-linker.jsa" \
    "$1/bin/$app_name" >"$work/cds-dump.log" 2>&1 || { rm -f "$1/lib/app/account-linker.jsa"; echo "== no archive (see $work/cds-dump.log)" >&2; }
}

for type in "${types[@]}"; do
  case "$type" in
    app-image) build_app_image ;;
    rpm)
      if ! command -v rpmbuild >/dev/null; then
        echo "== rpm skipped: rpmbuild is not installed (Debian: apt-get install rpm)"; continue
      fi ;&
    deb|msi|exe|dmg|pkg)
      [ -d "$app_image" ] || build_app_image
      rm -f "$app_image/lib/app/account-linker.jsa"  # made for this folder only: never shipped (dumped again below)
      step "$type"
      # Packaged from the app-image, so every installer holds exactly what was checked there.
      per_type=(); [ -f "packaging/$os/$type.options" ] && per_type=(@"packaging/$os/$type.options")
      if [ "$type" = rpm ]; then
        # rpmbuild's default payload here is gzip (97 MB); xz, as the .deb uses, gives about the .deb's size.
        mkdir -p "$work/rpm-home" && echo '%_binary_payload w6.xzdio' > "$work/rpm-home/.rpmmacros"
        HOME="$PWD/$work/rpm-home" "$JPACKAGE" --type rpm "${common[@]}" @"packaging/$os/installer.options" \
          ${per_type[@]+"${per_type[@]}"} --app-image "$app_image"
      else
        "$JPACKAGE" --type "$type" "${common[@]}" @"packaging/$os/installer.options" ${per_type[@]+"${per_type[@]}"} \
          --app-image "$app_image"
      fi
      if [ "$type" = deb ]; then
        deb=$(ls -t "$dest"/*.deb | head -1)
        depends=$(dpkg-deb -f "$deb" Depends)
        [[ ", $depends," == *", libgtk-3-0,"* ]] || die "$deb does not depend on libgtk-3-0: $depends"
        echo "== $deb: Depends names libgtk-3-0"
      fi
      ;;
    *) die "unknown type '$type' (app-image deb rpm msi exe dmg pkg)" ;;
  esac
done
[ "$os" = linux ] && [ -d "$app_image" ] && dump_archive "$app_image"
step "done: $(cd "$dest" && ls -d -- * | paste -sd' ' -)"
