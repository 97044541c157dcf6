#!/usr/bin/env bash
# Builds Account Linker's installers with the JDK's own jlink and jpackage (JDK 17+).
#
#   packaging/build.sh [--dry-run] [--os linux|windows|macos] [--settings FILE] [TYPE...]
#     TYPE: app-image deb rpm portable (Linux); app-image msi msi-per-user exe portable (Windows);
#           app-image dmg pkg portable (macOS). Default: app-image and this OS's installers (Linux: deb, and rpm if
#           rpmbuild is here; Windows: msi and msi-per-user; macOS: dmg and pkg), no portable archive.
#     portable                       the app image as an archive to unpack anywhere (Linux .tar.gz, Windows and
#                                    macOS .zip), without the class-data archive (made for this folder only)
#     msi-per-user                   an .msi that installs for the current user only, without administrator rights
#     --dry-run                      prints every command (jlink, jpackage, and the steps around them) instead of
#                                    running it, one per line, words quoted where needed; nothing is built
#     --os OS                        the commands for OS (with --dry-run only: installers are built on their own OS)
#     --settings FILE                an organisation's build: FILE (installer settings, see
#                                    packaging/installer-settings.example.properties) goes into the app image as
#                                    lib/app/installer.properties; the app reads it below the user's own settings file
#                                    and above the demo. Checked first: a file the app could not use stops the build.
# Usually run through Maven, which compiles and copies the runtime jars first: mvn -B -Ppackage package
# (with -Dinstaller.settings=FILE for --settings FILE, -Dinstaller.types="..." for TYPE...).
# Run directly after `mvn -B process-classes` (it needs target/classes and target/lib).
#
# Output: target/installer/: the installers, named with the OS and the architecture where jpackage leaves them out
# (Account-Linker-0.1.0-macos-arm64.dmg), the portable archive, and the app-image folder (account-linker/ on Linux,
# "Account Linker/" on Windows, "Account Linker.app" on macOS).
# Steps: 1. the app jar from target/classes, every jar stored uncompressed (packaging/StoreJars.java);
# 2. a trimmed runtime (jlink: packaging/runtime-modules, no debug info, man pages or headers, with the JDK's
# default CDS archive) with JavaFX's modules linked in from its platform jars in target/lib, so JavaFX runs as named
# modules, the supported way (no "unnamed module" warning) while the app and its other libraries stay on the class
# path; 3. jpackage with the options of packaging/jpackage.options + packaging/<os>/jpackage.options (+ the
# launcher's packaging/launcher.options + packaging/<os>/launcher.options), and for the installers (made from the
# app image) packaging/<os>/installer.options + packaging/<os>/<type>.options. The options files hold one option (and
# its value, double-quoted when it has spaces) per line, # for comments; they are read here and passed inline, so a
# dry run shows every option. Linux: the menu entry and icons are files of the packages in /usr/share (see
# linux_share below), and the class-data archive is made after install (lib/class-data.sh).
# Environment: APP_VERSION (default: the pom's version), DEST (default target/installer), JPACKAGE/JLINK/JAR,
# ARCH (default: this machine's, x64 or arm64), JPACKAGE_OPTS (extra jpackage options for every call, e.g.
# --verbose), INSTALLER_SETTINGS (as --settings), CDS=no (no class list, Linux).
# macOS signing (Developer ID, jpackage's own): MAC_SIGNING_KEY_USER_NAME (the team part of the certificates'
# names, "Developer ID Application: <this>"), MAC_SIGNING_KEYCHAIN (optional). Unset: an unsigned build, said so.
# Windows signing is the release workflow's, between the app image and the .msi (see .github/workflows/release.yml).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
die() { echo "packaging/build.sh: $*" >&2; exit 1; }

settings=${INSTALLER_SETTINGS:-}
dry_run=no
target_os=
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --settings) [ $# -ge 2 ] || die "--settings needs a FILE"; settings=$2; shift 2 ;;
    --settings=*) settings=${1#--settings=}; shift ;;
    --dry-run) dry_run=yes; shift ;;
    --os) [ $# -ge 2 ] || die "--os needs linux, windows or macos"; target_os=$2; shift 2 ;;
    --os=*) target_os=${1#--os=}; shift ;;
    -h|--help) usage 0 ;;
    -*) die "unknown option $1 (see packaging/build.sh --help)" ;;
    *) args+=("$1"); shift ;;
  esac
done
# A relative FILE is the caller's, not the project folder's.
if [ -n "$settings" ] && [ "${settings#/}" = "$settings" ]; then settings="$PWD/$settings"; fi
set -- ${args[@]+"${args[@]}"}
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux) host_os=linux ;;
  Darwin) host_os=macos ;;
  MINGW*|MSYS*|CYGWIN*) host_os=windows ;;
  *) host_os=unknown ;;
esac
os=${target_os:-$host_os}
case "$os" in
  linux) default_types="app-image deb rpm" ;;
  macos) default_types="app-image dmg pkg" ;;
  windows) default_types="app-image msi msi-per-user" ;;
  *) die "unsupported OS '$os' (linux, windows, macos)" ;;
esac
[ "$os" = "$host_os" ] || [ "$dry_run" = yes ] \
  || die "--os $os needs --dry-run: $os installers are built on $os (see .github/workflows/release.yml)"

# Git Bash on Windows: no rewriting of arguments that look like POSIX paths (jlink's "glob:/javafx.*/*.dll").
if [ "$host_os" = windows ]; then
  export MSYS_NO_PATHCONV=1 MSYS2_ARG_CONV_EXCL='*'
  if [ -n "$settings" ] && command -v cygpath >/dev/null; then settings=$(cygpath -m "$settings"); fi
fi

case "${ARCH:-$(uname -m)}" in
  x86_64|amd64|x64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) arch=${ARCH:-$(uname -m)} ;;
esac

# --- Running or printing commands -------------------------------------------------------------------------------

quote() { # one word, single-quoted unless it is made of plain characters only
  case "$1" in
    '') printf "''" ;;
    *[!A-Za-z0-9_@%+=:,./-]*) printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
    *) printf '%s' "$1" ;;
  esac
}
show() { local line='' word; for word in "$@"; do line="$line $(quote "$word")"; done; echo "${line# }"; }
run() { if [ "$dry_run" = yes ]; then show "$@"; else "$@"; fi; }
step() { echo "== $*"; }

java_bin() { # the JDK tool named $1: $JAVA_HOME/bin first, then the PATH; its plain name for another OS's dry run
  if [ "$os" != "$host_os" ]; then echo "$1"; return; fi
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"
  elif command -v "$1" >/dev/null; then command -v "$1"
  elif [ "$dry_run" = yes ]; then echo "$1"
  else die "$1 not found (needs a JDK 17+)"; fi
}
JPACKAGE=${JPACKAGE:-$(java_bin jpackage)}
JLINK=${JLINK:-$(java_bin jlink)}
JAR=${JAR:-$(java_bin jar)}
JAVA=$(java_bin java)

# The words of an options file (one option per line, double quotes around a value with spaces, # comments) appended
# to the array named $1. xargs splits them as jpackage splits an @argfile, and expands nothing ($APPDIR stays).
options=()
read_options() { # FILE: into "options"; a missing file adds nothing
  options=()
  [ -f "$1" ] || return 0
  local content word
  content=$(grep -v '^[[:space:]]*#' "$1" || true)
  [ -n "${content//[[:space:]]/}" ] || return 0
  while IFS= read -r -d '' word; do options+=("$word"); done < <(printf '%s\n' "$content" | xargs printf '%s\0')
}

read -r -a types <<< "$*"  # also one argument "app-image deb" (from Maven's -Dinstaller.types)
if [ ${#types[@]} -eq 0 ] || [ "${types[*]}" = default ]; then read -r -a types <<< "$default_types"; fi

# jpackage wants a plain numeric version: 0.1.0-SNAPSHOT becomes 0.1.0.
version=${APP_VERSION:-$(awk '/<artifactId>account-linker<\/artifactId>/ { found = 1; next }
  found && /<version>/ { sub(/.*<version>/, ""); sub(/<\/version>.*/, ""); print; exit }' pom.xml)}
version=${version%%-*}
[[ $version =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$version' is not numeric (x.y.z)"

if [ "$dry_run" = no ]; then
  [ -d target/classes ] && [ -d target/lib ] || die "target/classes or target/lib is missing: run mvn -B -Ppackage package (or mvn -B process-classes first)"
fi

work=target/jpackage
dest=${DEST:-target/installer}
[ "$dry_run" = yes ] || mkdir -p "$work" "$dest"
[ "$dry_run" = no ] || step "dry run for $os ($arch), version $version: the commands, not run"

read_options packaging/jpackage.options; shared_options=(${options[@]+"${options[@]}"})
read_options "packaging/$os/jpackage.options"; os_options=(${options[@]+"${options[@]}"})
app_name=
for ((i = 0; i < ${#os_options[@]}; i++)); do
  [ "${os_options[$i]}" = --name ] && app_name=${os_options[$((i + 1))]}
done
[ -n "$app_name" ] || die "packaging/$os/jpackage.options names no --name"
app_image="$dest/$app_name"
[ "$os" = macos ] && app_image="$dest/$app_name.app"
# Installers jpackage names without the OS and architecture get them (two macOS .dmg would clash in one release).
file_base="${app_name// /-}-$version-$os-$arch"

# macOS signing: jpackage signs the app image and the .dmg/.pkg itself (Developer ID Application / Installer).
sign_options=()
if [ "$os" = macos ]; then
  if [ -n "${MAC_SIGNING_KEY_USER_NAME:-}" ]; then
    sign_options=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_KEY_USER_NAME")
    [ -z "${MAC_SIGNING_KEYCHAIN:-}" ] || sign_options+=(--mac-signing-keychain "$MAC_SIGNING_KEYCHAIN")
    step "macOS signing: Developer ID of \"$MAC_SIGNING_KEY_USER_NAME\""
  else
    step "macOS signing skipped: MAC_SIGNING_KEY_USER_NAME is not set (an unsigned build: Gatekeeper asks before the first start)"
  fi
fi

# --- The app jar, the runtime -----------------------------------------------------------------------------------

if [ -n "$settings" ]; then
  step "installer settings $settings"
  [ "$dry_run" = yes ] || [ -f "$settings" ] || die "installer settings $settings: no such file"
  classpath_separator=:; [ "$os" = windows ] && classpath_separator=';'
  # The app's own rules: the same message a user would get, but now, at build time.
  run "$JAVA" -cp "target/classes${classpath_separator}target/lib/*" dev.accountlinker.launch.InstallerSettingsCheck "$settings" \
    || die "installer settings $settings cannot be used (see above)"
fi

step "app jar ($version)"
run rm -rf "$work/input" "$work/javafx"
run mkdir -p "$work/input" "$work/javafx"
run "$JAR" --create --file "$work/input/account-linker-$version.jar" --main-class dev.accountlinker.Launcher -C target/classes .
if [ "$dry_run" = yes ]; then
  echo "# target/lib/*.jar: JavaFX's platform jars into $work/javafx, the other libraries into $work/input"
else
  for jar in target/lib/*.jar; do
    case "${jar##*/}" in
      # JavaFX: the platform jars (javafx-web-21.0.11-linux.jar...) are modules and go into the runtime; their empty
      # companions without a classifier (automatic modules "javafx.webEmpty") are left out. grep without -q reads
      # the whole listing (no broken pipe under pipefail).
      javafx-*) if "$JAR" --list --file "$jar" | tr -d '\r' | grep -x 'module-info.class' >/dev/null; then cp "$jar" "$work/javafx/"; fi ;;
      *) cp "$jar" "$work/input/" ;;
    esac
  done
  [ -n "$(ls "$work/javafx")" ] || die "no JavaFX platform jars (module-info.class) in target/lib"
fi
# Stored, not deflated: the installers' own compression (xz, cab, dmg) then does far better (docs/packaging.md).
run "$JAVA" packaging/StoreJars.java "$work"/input/*.jar
installer_options=()
if [ -n "$settings" ]; then
  run cp "$settings" "$work/input/installer.properties"
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
native_dir="$runtime/lib"; [ "$os" = windows ] && native_dir="$runtime/bin"
if [ "$dry_run" = yes ]; then
  run rm -rf "$runtime"
  run "$JLINK" --module-path "$work/javafx" --add-modules "$modules" "${jlink_options[@]}" --output "$runtime"
  echo "# JavaFX's native libraries (*.so, *.dylib, *.dll at the root of its platform jars) into $native_dir"
else
  stamp="$modules ${jlink_options[*]} $("$JLINK" --version) $(ls "$work/javafx" | paste -sd' ' -)"
  if [ ! -f "$runtime/release" ] || [ "$(cat "$work/runtime.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$runtime"
    "$JLINK" --module-path "$work/javafx" --add-modules "$modules" "${jlink_options[@]}" --output "$runtime"
    rm -rf "$work/natives" && mkdir -p "$work/natives"
    for jar in "$work/javafx"/*.jar; do
      libraries=$("$JAR" tf "$jar" | tr -d '\r' | grep -E '^[^/]+\.(so|dylib|dll)$' || true)
      [ -z "$libraries" ] || (cd "$work/natives" && "$JAR" xf "$OLDPWD/$jar" $libraries)
    done
    [ -n "$(ls "$work/natives")" ] || die "no native libraries in JavaFX's platform jars"
    cp "$work/natives"/* "$native_dir/"
    echo "$stamp" > "$work/runtime.stamp"
  fi
fi

read -r -a extra <<< "${JPACKAGE_OPTS:-}"
common=(${extra[@]+"${extra[@]}"} ${shared_options[@]+"${shared_options[@]}"} "${os_options[@]}" --app-version "$version")

# --- The app image ----------------------------------------------------------------------------------------------

build_app_image() {
  step "app-image → $app_image"
  read_options packaging/launcher.options; local launcher_options=(${options[@]+"${options[@]}"})
  read_options "packaging/$os/launcher.options"; launcher_options+=(${options[@]+"${options[@]}"})
  run rm -rf "$app_image"
  run "$JPACKAGE" --type app-image "${common[@]}" --dest "$dest" "${launcher_options[@]}" --input "$work/input" \
    --main-jar "account-linker-$version.jar" --main-class dev.accountlinker.Launcher --runtime-image "$runtime" \
    ${installer_options[@]+"${installer_options[@]}"} ${sign_options[@]+"${sign_options[@]}"}
  if [ "$os" = linux ]; then
    run cp packaging/linux/class-data.sh "$app_image/lib/class-data.sh"
    run chmod 755 "$app_image/lib/class-data.sh"
    record_class_list
  fi
  return 0
}

# Class-data sharing (Linux; docs/performance.md). The launcher's options name an archive lib/app/account-linker.jsa
# (packaging/linux/launcher.options). It must be made for the path the app runs from (Java 17 checks the class
# path), so: here, a training run of the app image records which classes a start loads (first frame, demo tenant,
# WebKit's library) into lib/app/account-linker.classlist, which every package carries; the .deb's postinst and the
# .rpm's %post dump the archive from it where the package was installed (lib/class-data.sh dump); this script
# dumps it for the app image itself, after the installers are made (they must not carry an archive made for this
# folder). A missing, stale or foreign archive is ignored by the JVM without a word (the app then starts without
# class sharing). CDS=no skips all of it.
class_list="lib/app/account-linker.classlist"
record_class_list() {
  [ "${CDS:-yes}" = no ] && { echo "== class list: skipped (CDS=no)"; return 0; }
  if [ "$dry_run" = yes ]; then
    echo "# class list: a training run of $app_image/bin/$app_name --demo (under xvfb-run without a display) with -XX:DumpLoadedClassList → $app_image/$class_list"
    return 0
  fi
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

# --- Linux: the menu entry and icons, files of the packages -----------------------------------------------------

# Debian and Fedora packages ship their menu entry in /usr/share/applications and their icons in the hicolor theme;
# dpkg's and rpm's triggers then update the menu and the icon cache. jpackage's own menu entry instead calls
# xdg-desktop-menu from the postinst ("No writable system menu directory found" on a machine without a menu), so it
# is not asked for (no --linux-shortcut): build.sh stages the files here, adds them to the .deb after jpackage made
# it, and the .rpm's spec (packaging/linux/account-linker.spec) installs them.
desktop_id=dev.accountlinker.AccountLinker
read_options packaging/linux/installer.options; linux_package=
for ((i = 0; i < ${#options[@]}; i++)); do
  [ "${options[$i]}" = --linux-package-name ] && linux_package=${options[$((i + 1))]}
done
deb_arch() { case "$arch" in x64) echo amd64 ;; *) echo "$arch" ;; esac; }
rpm_arch() { case "$arch" in x64) echo x86_64 ;; arm64) echo aarch64 ;; *) echo "$arch" ;; esac; }
linux_share="$work/linux-share"
stage_linux_share() {
  step "menu entry and icons → $linux_share/usr/share"
  run rm -rf "$linux_share"
  run mkdir -p "$linux_share/usr/share/applications" "$linux_share/usr/share/icons/hicolor/scalable/apps"
  run cp "packaging/linux/$desktop_id.desktop" "$linux_share/usr/share/applications/$desktop_id.desktop"
  run cp icons/account-linker.svg "$linux_share/usr/share/icons/hicolor/scalable/apps/$desktop_id.svg"
  local png size
  for png in icons/png/account-linker-*.png; do
    size=${png##*-}; size=${size%.png}
    run mkdir -p "$linux_share/usr/share/icons/hicolor/${size}x$size/apps"
    run cp "$png" "$linux_share/usr/share/icons/hicolor/${size}x$size/apps/$desktop_id.png"
  done
  run chmod -R u=rwX,go=rX "$linux_share"
}

# The .deb jpackage made, with the staged files added to its data, "Recommends: xdg-utils" (the system browser
# sign-in opens the browser with xdg-open; nothing at install needs it) and xz compression (Ubuntu's dpkg-deb defaults to zstd, which dpkg before
# 1.21.18, Debian 11's, cannot read).
add_share_to_deb() { # $1: the .deb
  local deb=$1 root="$work/deb-root"
  step "menu entry and icons into $deb"
  run rm -rf "$root"
  run dpkg-deb --raw-extract "$deb" "$root"
  run cp -R "$linux_share/usr" "$root/"
  # jpackage's own preinst and postrm only list their arguments. Without a postrm (and with no conffiles) dpkg
  # forgets the package on `apt remove`, instead of keeping it as "config-files" until a purge.
  run rm -f "$root/DEBIAN/preinst" "$root/DEBIAN/postrm"
  if [ "$dry_run" = yes ]; then
    echo "# $root/DEBIAN/control: Installed-Size recounted, Recommends: xdg-utils; DEBIAN/md5sums for every file"
  else
    local size; size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
    sed -i -e "s/^Installed-Size:.*/Installed-Size: $size/" -e '/^Recommends:/d' -e '/^Depends:/a Recommends: xdg-utils' \
      "$root/DEBIAN/control"
    (cd "$root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort | xargs -d '\n' md5sum) \
      > "$root/DEBIAN/md5sums"
  fi
  run dpkg-deb --root-owner-group -Zxz --build "$root" "$deb"
  run rm -rf "$root"
}

# The app image's own class-data archive, made after the installers (the same command as the packages' scripts).
dump_archive() { # $1: app image
  [ "$dry_run" = yes ] || [ -f "$1/$class_list" ] || return 0
  step "class-data archive for $1 (valid at this path only)"
  if [ "$dry_run" = yes ]; then show "$1/lib/class-data.sh" dump; return 0; fi
  "$1/lib/class-data.sh" dump
  [ -f "$1/lib/app/account-linker.jsa" ] || echo "== no class-data archive (the app starts without class sharing)" >&2
}

# --- The installers ---------------------------------------------------------------------------------------------

# jpackage writes into a folder of its own per type; the file is then moved to $dest under its final name.
package() { # TYPE: jpackage --type $1 (or msi for msi-per-user) from the app image, with that type's options
  local type=$1 jpackage_type=$1 out="$work/out/$1"
  [ "$type" = msi-per-user ] && jpackage_type=msi
  read_options "packaging/$os/installer.options"; local options_for_type=(${options[@]+"${options[@]}"})
  read_options "packaging/$os/$type.options"; options_for_type+=(${options[@]+"${options[@]}"})
  step "$type"
  run rm -rf "$out"
  run mkdir -p "$out"
  if [ "$type" = rpm ]; then
    # rpmbuild's default payload here is gzip (97 MB); xz, as the .deb uses, gives about the .deb's size. The spec
    # installs the staged menu entry and icons from %{account_linker_share}.
    run mkdir -p "$work/rpm-home"
    if [ "$dry_run" = yes ]; then
      echo "# $work/rpm-home/.rpmmacros: %_binary_payload w6.xzdio, %account_linker_share $PWD/$linux_share"
    else
      printf '%%_binary_payload w6.xzdio\n%%account_linker_share %s\n' "$PWD/$linux_share" > "$work/rpm-home/.rpmmacros"
    fi
    run env HOME="$PWD/$work/rpm-home" "$JPACKAGE" --type rpm "${common[@]}" --dest "$out" "${options_for_type[@]}" \
      --app-image "$app_image"
  elif [ "$type" = deb ]; then
    # Uncompressed here: add_share_to_deb packs it again, with xz (one compression instead of two).
    run env DPKG_DEB_COMPRESSOR_TYPE=none "$JPACKAGE" --type deb "${common[@]}" --dest "$out" "${options_for_type[@]}" \
      --app-image "$app_image"
  else
    run "$JPACKAGE" --type "$jpackage_type" "${common[@]}" --dest "$out" ${options_for_type[@]+"${options_for_type[@]}"} \
      --app-image "$app_image" ${sign_options[@]+"${sign_options[@]}"}
  fi
  # jpackage's own file name: Debian's and Fedora's naming (with the architecture) is kept, the others get the OS and
  # the architecture. A real run takes the file jpackage made.
  local extension=$jpackage_type made name
  case "$type" in
    deb) made="$out/${linux_package}_$version-1_$(deb_arch).deb"; name=$(basename "$made") ;;
    rpm) made="$out/$linux_package-$version-1.$(rpm_arch).rpm"; name=$(basename "$made") ;;
    msi-per-user) made="$out/$app_name-$version.msi"; name="$file_base-per-user.msi" ;;
    *) made="$out/$app_name-$version.$extension"; name="$file_base.$extension" ;;
  esac
  if [ "$dry_run" = no ]; then
    made=$(ls -t "$out"/*."$extension" | head -1)
    case "$type" in deb|rpm) name=$(basename "$made") ;; esac
  fi
  run mv "$made" "$dest/$name"
  if [ "$type" = deb ]; then
    add_share_to_deb "$dest/$name"
    if [ "$dry_run" = no ]; then
      depends=$(dpkg-deb -f "$dest/$name" Depends | tr -d ' ')
      [[ ",$depends," == *",libgtk-3-0,"* ]] || die "$dest/$name does not depend on libgtk-3-0: $depends"
      # Installing needs no xdg-utils (dpkg -i left the package unconfigured without it): Recommends only.
      [[ ",$depends," != *",xdg-utils,"* ]] || die "$dest/$name depends on xdg-utils: $depends"
      echo "== $dest/$name: Depends names libgtk-3-0, not xdg-utils"
    fi
  fi
}

portable() {
  step "portable archive of $app_image"
  case "$os" in
    linux)
      # Without the class-data archive: it is made for the build folder, and ignored anywhere else.
      run tar -C "$dest" --exclude "$(basename "$app_image")/lib/app/account-linker.jsa" -czf "$dest/$file_base.tar.gz" \
        "$(basename "$app_image")" ;;
    macos)
      # ditto keeps the bundle's symbolic links, permissions and signature (what notarization wants of a zip).
      run ditto -c -k --keepParent "$app_image" "$dest/$file_base.zip" ;;
    windows)
      run rm -f "$dest/$file_base.zip"
      run "$JAR" --create --no-manifest --file "$dest/$file_base.zip" -C "$dest" "$(basename "$app_image")" ;;
  esac
}

[ "$os" = linux ] && stage_linux_share
for type in "${types[@]}"; do
  case "$os:$type" in
    *:app-image) build_app_image ;;
    linux:rpm|linux:deb|windows:msi|windows:msi-per-user|windows:exe|macos:dmg|macos:pkg)
      if [ "$type" = rpm ] && [ "$dry_run" = no ] && ! command -v rpmbuild >/dev/null; then
        echo "== rpm skipped: rpmbuild is not installed (Debian: apt-get install rpm)"; continue
      fi
      [ "$dry_run" = yes ] || [ -d "$app_image" ] || build_app_image
      # Made for this folder only: never shipped (dumped again below).
      [ "$os" = linux ] && run rm -f "$app_image/lib/app/account-linker.jsa"
      # Packaged from the app-image, so every installer holds exactly what was checked there.
      package "$type" ;;
    *:portable)
      [ "$dry_run" = yes ] || [ -d "$app_image" ] || build_app_image
      portable ;;
    *) die "unknown type '$type' for $os (linux: app-image deb rpm portable; windows: app-image msi msi-per-user exe portable; macos: app-image dmg pkg portable)" ;;
  esac
done
if [ "$os" = linux ] && { [ "$dry_run" = yes ] || [ -d "$app_image" ]; }; then dump_archive "$app_image"; fi
if [ "$dry_run" = yes ]; then step "dry run: nothing was built"; else step "done: $(cd "$dest" && ls -d -- * | paste -sd' ' -)"; fi
