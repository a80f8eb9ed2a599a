#!/usr/bin/env bash
# The credit blacklist: a patient who booked and paid three visits this morning and came to
# none of them (it is 10:00, the morning pickup window closed at 09:30) tries to book again and
# is refused in the platform's words, on screen in Chinese and English; nothing is charged or
# printed. Run by with_platform.sh --at 10:00 and with_cupsd.sh.
# Usage: blacklisted.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
for _ in 1 2 3; do
    answer=$(platform_command "book +0 310115198506150022 李秀英 morning paid")
    [[ $answer == ok\ * ]] || { echo "FAIL: seeding a missed visit: $answer" >&2; exit 1; }
done
"$(dirname "$0")/run_journey.sh" "$app" blacklisted portrait "$out"
if compgen -G "$LOBBY_PRINTER_OUT/job-*" >/dev/null; then
    echo "FAIL: something was printed for a refused booking" >&2
    exit 1
fi
echo "PASS: the blacklisted patient was refused in plain words"
