#!/usr/bin/env bash
# The printer runs out of paper before anyone comes: the kiosk must withdraw the functions that
# print before a patient starts. Run by with_cupsd.sh.
# Usage: printer_out_of_paper.sh APP OUTDIR
set -euo pipefail
echo "state paper_out" >"$LOBBY_PRINTER_SIM_CONTROL"
exec "$(dirname "$0")/run_journey.sh" "$1" printer_out_of_paper portrait "$2"
