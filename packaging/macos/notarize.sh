#!/usr/bin/env bash
# Notarizes macOS release files with Apple's notary service and staples the ticket (the release workflow's
# notarize job, which can be rerun on its own):
#   APPLE_ID=... APPLE_TEAM_ID=... APPLE_APP_PASSWORD=... packaging/macos/notarize.sh FILE...
#   .dmg, .pkg   submitted, waited for, the ticket stapled to the file
#   .zip         (the portable app) submitted; then the app inside gets the ticket and is zipped again
# A pattern that matched no file (dist/*.pkg) is skipped. The credentials come from the environment only (an
# app-specific password, not the Apple ID's own); none is printed. Apple's log is printed when it refuses a file.
set -euo pipefail
: "${APPLE_ID:?APPLE_ID is not set}" "${APPLE_TEAM_ID:?APPLE_TEAM_ID is not set}" "${APPLE_APP_PASSWORD:?APPLE_APP_PASSWORD is not set}"

credentials=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
done_any=no
for file in "$@"; do
  [ -f "$file" ] || { echo "skipped: $file (no such file)"; continue; }
  echo "== notarizing $file"
  xcrun notarytool submit "$file" "${credentials[@]}" --wait --timeout 45m --output-format json > "$work/result.json"
  status=$(plutil -extract status raw -o - "$work/result.json")
  id=$(plutil -extract id raw -o - "$work/result.json")
  if [ "$status" != Accepted ]; then
    echo "Apple's notary service answered $status for $file (submission $id):" >&2
    xcrun notarytool log "$id" "${credentials[@]}" >&2 || true
    exit 1
  fi
  case "$file" in
    *.dmg|*.pkg)
      xcrun stapler staple "$file"
      xcrun stapler validate "$file" ;;
    *.zip)
      rm -rf "$work/unzipped" && mkdir "$work/unzipped"
      ditto -x -k "$file" "$work/unzipped"
      for app in "$work/unzipped"/*.app; do xcrun stapler staple "$app"; done
      rm -f "$file"
      (cd "$work/unzipped" && ditto -c -k --keepParent ./*.app "$OLDPWD/$file") ;;
  esac
  done_any=yes
done
[ "$done_any" = yes ] || { echo "no file to notarize" >&2; exit 1; }
