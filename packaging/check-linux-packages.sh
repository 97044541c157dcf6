#!/usr/bin/env bash
# Installs Account Linker's .deb (and its .rpm, where rpm is installed) as a person would, checks what the packages
# promise, starts the installed app, removes the package again and lists what is left. Run as root on a machine
# where account-linker is not installed (it refuses otherwise), after packaging/build.sh deb rpm:
#   sudo packaging/check-linux-packages.sh [DIR]      DIR: where the packages are (default: target/installer)
# The release workflow runs it on its Linux runners. For each package it checks that:
#   - `apt install ./…deb` (`rpm -i …rpm`) installs it, and nothing calls xdg-desktop-menu;
#   - the menu entry /usr/share/applications/dev.accountlinker.AccountLinker.desktop is one of the package's files
#     and valid (desktop-file-validate), its icon is in /usr/share/icons/hicolor/<size>x<size>/apps at every size;
#   - the class-data archive was made for the install path, and the installed app maps it (-Xshare:on refuses to
#     start otherwise); with a display (or xvfb-run) the app opens its window, classes loaded from the archive;
#   - on a desktop of the caller's (DISPLAY, with a window manager): the first window's content is 900 × 620 on a
#     fresh profile (SCREENSHOT=FILE.png keeps a picture of it), and closing it with Alt+F4 quits the app;
#   - `apt remove` (`rpm -e`) leaves nothing in /opt, /usr/share/applications or the icon theme, and dpkg forgets
#     the package: the person's own files (settings in ~/.config/account-linker, the log in
#     ~/.local/state/account-linker, here in a scratch home) are all that is left, and they are listed.
# lintian's verdict on the .deb is printed where lintian is installed (for information: a jpackage .deb in /opt
# is not a Debian archive package). Exit status: 0 when every check passed, 1 otherwise, 2 when it cannot run.
set -euo pipefail

dir=${1:-target/installer}
package=account-linker
install_dir=/opt/account-linker
desktop_id=dev.accountlinker.AccountLinker
desktop_file=/usr/share/applications/$desktop_id.desktop
icon_sizes="16 24 32 48 64 128 256 512"
archive=$install_dir/lib/app/account-linker.jsa
launcher=$install_dir/bin/account-linker

failures=0
ok() { echo "  ok    $*"; }
bad() { echo "  FAIL  $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi; }

[ "$(id -u)" = 0 ] || { echo "check-linux-packages.sh: needs root (sudo)" >&2; exit 2; }
deb=$(ls -t "$dir"/${package}_*.deb 2>/dev/null | head -1 || true)
rpm_file=$(ls -t "$dir"/$package-*.rpm 2>/dev/null | head -1 || true)
[ -n "$deb" ] || [ -n "$rpm_file" ] || { echo "check-linux-packages.sh: no $package .deb or .rpm in $dir" >&2; exit 2; }
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok' \
    || { command -v rpm >/dev/null && rpm -q "$package" >/dev/null 2>&1; } || [ -e "$install_dir" ]; then
  echo "check-linux-packages.sh: $package is installed here already ($install_dir): not touching it" >&2; exit 2
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Everything a package may leave behind, less the caches the system's triggers rewrite (the menu's and the icons').
snapshot() {
  find /opt /usr/share/applications /usr/share/icons/hicolor "/usr/share/doc/$package" -xdev 2>/dev/null \
    | grep -v -E '/(icon-theme\.cache|mimeinfo\.cache|desktop\.cache)$' | LC_ALL=C sort || true
}

installed_checks() { # $1: how the package lists its files (a command)
  local files=$1 size
  check "the menu entry $desktop_file is the package's" sh -c "$files | grep -qx '$desktop_file'"
  if command -v desktop-file-validate >/dev/null; then
    local verdict; verdict=$(desktop-file-validate "$desktop_file" 2>&1 || echo "invalid")
    if [ -z "$verdict" ]; then ok "desktop-file-validate: no error, no warning"; else bad "desktop-file-validate: $verdict"; fi
  else
    echo "  --    desktop-file-validate is not installed (apt-get install desktop-file-utils): not validated"
  fi
  check "the menu entry starts $launcher" grep -qx "Exec=$launcher" "$desktop_file"
  check "the menu entry's icon is the theme's $desktop_id" grep -qx "Icon=$desktop_id" "$desktop_file"
  for size in $icon_sizes; do
    check "icon ${size}x$size" sh -c "$files | grep -qx '/usr/share/icons/hicolor/${size}x$size/apps/$desktop_id.png'"
  done
  check "icon scalable (SVG)" test -f "/usr/share/icons/hicolor/scalable/apps/$desktop_id.svg"
  check "no menu entry of jpackage's own in $install_dir/lib" sh -c "! ls $install_dir/lib/*.desktop"
  check "the class-data archive was made after install ($archive)" test -s "$archive"
  # -Xshare:on: the JVM refuses to start when it cannot map the archive the launcher names.
  local version
  version=$(env -u DISPLAY JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" --version 2>&1 | grep -v '^Picked up' || true)
  if [[ $version == "Account Linker "* ]]; then ok "the installed app maps its archive (-Xshare:on): $version"
  else bad "the installed app with -Xshare:on: $version"; fi
  start_app
}

# The installed app as a person starts it, with a scratch home: its window, the demo tenant, classes from the archive.
start_app() {
  local display=() home="$scratch/home" marker="$scratch/marker" log="$scratch/class-load.log"
  rm -rf "$home" "$marker" "$log"; mkdir -p "$home"
  if [ -z "${DISPLAY:-}" ]; then
    if command -v xvfb-run >/dev/null; then display=(xvfb-run -a); else
      echo "  --    no display and no xvfb-run: the window was not opened"; return 0; fi
  fi
  # Java takes user.home from the password database, not from HOME: both are set, so that the app's settings and
  # log go to the scratch home and never to the caller's own.
  env -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    JAVA_TOOL_OPTIONS="-Duser.home=$home -Xshare:on -Xlog:class+load=info:file=$log -Daccountlinker.startupMarker=$marker" \
    setsid ${display[@]+"${display[@]}"} "$launcher" --demo >"$scratch/app.out" 2>&1 &
  local app=$! waited=0
  while [ $waited -lt 900 ] && kill -0 $app 2>/dev/null && ! grep -q services-ready "$marker" 2>/dev/null; do
    sleep 0.1; waited=$((waited + 1))
  done
  if grep -q first-frame "$marker" 2>/dev/null && grep -q services-ready "$marker" 2>/dev/null; then
    local shared all
    shared=$(grep -c 'source: shared objects file' "$log" || true)
    all=$(grep -c 'source: ' "$log" || true)
    ok "the installed app opened its window on the demo tenant ($(tr '\n' ' ' < "$marker" | sed 's/ $//'))"
    if [ "${shared:-0}" -gt 1000 ]; then ok "$shared of $all classes came from the class-data archives"
    else bad "only ${shared:-0} of $all classes came from the class-data archives"; fi
    [ ${#display[@]} -gt 0 ] || on_the_desktop $app
  else
    bad "the installed app did not open its window: $(cat "$marker" 2>/dev/null) $(cat "$scratch/app.out")"
  fi
  if kill -0 $app 2>/dev/null; then kill -TERM -- -$app 2>/dev/null || kill $app 2>/dev/null || true; fi
  wait $app 2>/dev/null || true
}

# On the caller's desktop (DISPLAY, with a window manager): the first window's size on a fresh profile, a screenshot
# (SCREENSHOT=FILE.png), then the window closed as a person closes it (Alt+F4, the window manager's close), so that
# the app saves its window's place in the person's settings folder on the way out.
on_the_desktop() { # $1: the app's process
  local app=$1 window='' geometry='' tries=0
  command -v xdotool >/dev/null && command -v xwininfo >/dev/null \
    || { echo "  --    xdotool or xwininfo is not installed: the window was not measured"; return 0; }
  while [ $tries -lt 100 ] && [ -z "$window" ]; do
    window=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
    [ -n "$window" ] || { sleep 0.1; tries=$((tries + 1)); }
  done
  [ -n "$window" ] || { bad "no visible window of the app (pid $app) on $DISPLAY"; return 0; }
  # The window asks again for its size while it opens (ui/MainWindowSize): wait for 900 × 620, 10 s at most.
  tries=0
  while [ $tries -lt 100 ]; do
    geometry=$(xwininfo -id "$window" | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }')
    [ "$geometry" = 900x620 ] && break
    sleep 0.1; tries=$((tries + 1))
  done
  local screen; screen=$(xwininfo -root | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }')
  if [ "$geometry" = 900x620 ]; then ok "the first window's content is 900x620 on a fresh profile (screen $screen)"
  else bad "the first window's content is $geometry, not 900x620 (screen $screen)"; fi
  if [ -n "${SCREENSHOT:-}" ] && command -v import >/dev/null; then
    import -window root "$SCREENSHOT" && echo "  --    screenshot: $SCREENSHOT"
  fi
  xdotool windowactivate --sync "$window" key --clearmodifiers alt+F4 2>/dev/null || true
  tries=0
  while [ $tries -lt 200 ] && kill -0 "$app" 2>/dev/null; do sleep 0.1; tries=$((tries + 1)); done
  if kill -0 "$app" 2>/dev/null; then bad "the app did not quit when its window was closed (Alt+F4)"
  else ok "closing the window (Alt+F4) quits the app"; fi
}

leftovers() { # $1: the snapshot before install
  local after="$scratch/after"
  snapshot > "$after"
  local left; left=$(comm -13 "$1" "$after")
  if [ -z "$left" ]; then ok "nothing left in /opt, /usr/share/applications, /usr/share/icons/hicolor, /usr/share/doc/$package"
  else bad "left behind:"; printf '%s\n' "$left" | sed 's/^/          /'; fi
  local gone; gone=$(comm -23 "$1" "$after")
  [ -z "$gone" ] || { bad "gone that was there before:"; printf '%s\n' "$gone" | sed 's/^/          /'; }
  if [ -d "$scratch/home" ]; then
    echo "  --    the person's own files, which no package removes (here in a scratch home):"
    (cd "$scratch/home" && find . -mindepth 1 -not -type d | LC_ALL=C sort | while IFS= read -r file; do
      case "$file" in
        ./.config/account-linker/*) whose="Account Linker's settings" ;;
        ./.local/state/account-linker/*) whose="Account Linker's log" ;;
        ./.cache/dconf/*) whose="GTK's settings cache" ;;
        # jpackage's launcher asks rpm which package it came from; Debian's rpm keeps its database in the home.
        ./.rpmdb/*) whose="rpm's database (jpackage's launcher queries rpm where rpm is installed)" ;;
        *) whose="?" ;;
      esac
      echo "          ~/${file#./}   ($whose)"
    done)
  fi
}

if [ -n "$deb" ]; then
  echo "== $deb"
  before="$scratch/before-deb"; snapshot > "$before"
  export DEBIAN_FRONTEND=noninteractive
  deb_path=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
  if apt-get install -y "$deb_path" > "$scratch/apt-install.log" 2>&1; then ok "apt install ./$(basename "$deb")"
  else bad "apt install ./$(basename "$deb")"; tail -20 "$scratch/apt-install.log"; fi
  if grep -qi 'xdg-desktop-menu\|xdg-icon-resource' "$scratch/apt-install.log"; then
    bad "the install called xdg-desktop-menu: $(grep -i xdg- "$scratch/apt-install.log" | head -3)"
  else ok "nothing called xdg-desktop-menu or xdg-icon-resource"; fi
  check "Depends names libgtk-3-0" sh -c "dpkg-query -W -f='\${Depends}' $package | grep -q 'libgtk-3-0'"
  check "Recommends xdg-utils (the system browser sign-in)" sh -c "dpkg-query -W -f='\${Recommends}' $package | grep -q xdg-utils"
  check "Depends does not name xdg-utils (dpkg -i works without it)" \
    sh -c "! dpkg-query -W -f='\${Depends}' $package | grep -q xdg-utils"
  check "xz compression (readable by every dpkg)" sh -c "ar t '$deb_path' | grep -qx data.tar.xz"
  installed_checks "dpkg-query -L $package"
  if command -v lintian >/dev/null; then
    echo "  --    lintian (information): $(lintian --no-tag-display-limit "$deb_path" 2>/dev/null | cut -d' ' -f1-3 | sort | uniq -c | sort -rn | head -12 | sed 's/^ *//' | paste -sd';' - | sed 's/;/; /g')"
  fi
  if apt-get remove -y "$package" > "$scratch/apt-remove.log" 2>&1; then ok "apt remove $package"
  else bad "apt remove $package"; tail -20 "$scratch/apt-remove.log"; fi
  check "dpkg forgot the package (not kept as config-files until a purge)" \
    sh -c "! dpkg-query -W -f='\${Status}' $package 2>/dev/null | grep -q config-files"
  leftovers "$before"
fi

if [ -n "$rpm_file" ]; then
  if ! command -v rpm >/dev/null; then
    echo "== $rpm_file: rpm is not installed here (apt-get install rpm): not checked"
  else
    echo "== $rpm_file"
    before="$scratch/before-rpm"; snapshot > "$before"
    rpm_options=(--nodeps)  # its Requires name Fedora's packages (gtk3), which a Debian machine's rpm database lacks
    [ -f /etc/debian_version ] && rpm_options+=(--force-debian)
    if rpm -i "${rpm_options[@]}" "$rpm_file" > "$scratch/rpm-install.log" 2>&1; then ok "rpm -i $(basename "$rpm_file")"
    else bad "rpm -i $(basename "$rpm_file")"; cat "$scratch/rpm-install.log"; fi
    if grep -qi 'xdg-desktop-menu\|xdg-icon-resource' "$scratch/rpm-install.log"; then bad "the install called xdg-desktop-menu"
    else ok "nothing called xdg-desktop-menu or xdg-icon-resource"; fi
    check "Requires names gtk3" sh -c "rpm -q --requires $package | grep -qx gtk3"
    check "Requires does not name xdg-utils (Recommends does)" \
      sh -c "! rpm -q --requires $package | grep -qx xdg-utils && rpm -q --recommends $package | grep -qx xdg-utils"
    check "the class-data archive is the package's (%ghost, removed with it)" sh -c "rpm -qf '$archive' | grep -q '^$package-'"
    installed_checks "rpm -ql $package"
    if rpm -e "${rpm_options[@]}" "$package" > "$scratch/rpm-remove.log" 2>&1; then ok "rpm -e $package"
    else bad "rpm -e $package"; cat "$scratch/rpm-remove.log"; fi
    leftovers "$before"
  fi
fi

if [ $failures -eq 0 ]; then echo "== every check passed"; else echo "== $failures checks failed"; exit 1; fi
