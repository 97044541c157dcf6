#!/bin/sh
# Class-data sharing for this copy of Account Linker (docs/performance.md). The launcher's JVM options name
# lib/app/account-linker.jsa, which must be made for the path the app runs from (the JVM checks the class path):
#   lib/class-data.sh dump     makes it from the class list packaging/build.sh recorded (a few seconds, no display)
#   lib/class-data.sh remove   removes it
# Run by the .deb's postinst and prerm, the .rpm's %post, and packaging/build.sh for its own app image; after
# unpacking the portable archive, `lib/class-data.sh dump` makes the app start faster there. Any failure only leaves
# the archive out: the JVM then starts without it, silently.
set -e
lib=$(cd "$(dirname "$0")" && pwd)
list="$lib/app/account-linker.classlist"
archive="$lib/app/account-linker.jsa"
launcher="$lib/../bin/account-linker"
case "${1:-}" in
    dump)
        rm -f "$archive"
        if [ -f "$list" ] && [ -x "$launcher" ]; then
            JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list -XX:SharedArchiveFile=$archive" \
                "$launcher" >/dev/null 2>&1 || rm -f "$archive"
        fi
        ;;
    remove)
        rm -f "$archive"
        ;;
    *)
        echo "usage: $0 dump|remove" >&2
        exit 2
        ;;
esac
