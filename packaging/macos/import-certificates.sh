#!/usr/bin/env bash
# macOS signing in the release workflow: imports the Developer ID certificates (Application, for the app and the
# .dmg, and Installer, for the .pkg) into a temporary keychain that codesign and productsign may use without asking,
# and names that keychain for packaging/build.sh (MAC_SIGNING_KEYCHAIN, through $GITHUB_ENV).
#   MACOS_CERTIFICATE_P12=<base64 .p12> MACOS_CERTIFICATE_PASSWORD=... packaging/macos/import-certificates.sh
# The secrets come from the environment only; none is printed. The keychain's own password is random.
set -euo pipefail
: "${MACOS_CERTIFICATE_P12:?MACOS_CERTIFICATE_P12 is not set}" "${MACOS_CERTIFICATE_PASSWORD:?MACOS_CERTIFICATE_PASSWORD is not set}"

keychain="${RUNNER_TEMP:-$(mktemp -d)}/account-linker-signing.keychain-db"
keychain_password=$(openssl rand -base64 24)
p12=$(mktemp)
trap 'rm -f "$p12"' EXIT
printf '%s' "$MACOS_CERTIFICATE_P12" | base64 --decode > "$p12"

security create-keychain -p "$keychain_password" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$keychain_password" "$keychain"
security import "$p12" -k "$keychain" -f pkcs12 -P "$MACOS_CERTIFICATE_PASSWORD" \
  -T /usr/bin/codesign -T /usr/bin/productsign -T /usr/bin/security
security set-key-partition-list -S apple-tool:,apple:,codesign: -s -k "$keychain_password" "$keychain" >/dev/null
# The new keychain first in the search list, the others kept.
existing=()
while IFS= read -r line; do existing+=("$(echo "$line" | sed -e 's/^ *"//' -e 's/"$//')"); done < <(security list-keychains -d user)
security list-keychains -d user -s "$keychain" ${existing[@]+"${existing[@]}"}

identities=$(security find-identity -v -p codesigning "$keychain")
echo "$identities" | grep -q 'Developer ID Application' || { echo "no Developer ID Application certificate in MACOS_CERTIFICATE_P12" >&2; exit 1; }
echo "$identities" | grep -c 'Developer ID' | sed 's/^/Developer ID identities imported: /'
[ -z "${GITHUB_ENV:-}" ] || echo "MAC_SIGNING_KEYCHAIN=$keychain" >> "$GITHUB_ENV"
