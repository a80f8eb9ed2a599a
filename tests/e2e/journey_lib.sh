# Shared by the journeys against the sandbox platform (tests/e2e/NAME.sh, run by
# with_platform.sh and with_cupsd.sh): seeding the platform, walking the journey on a kiosk of
# $LOBBY_ORIENTATION (portrait unless set), and collecting what the printer simulator printed.

# seed COMMAND: a sandbox command that must answer "ok ..."; prints the answer's words after ok.
seed() {
    local answer
    answer=$(platform_command "$1")
    [[ $answer == ok* ]] || { echo "FAIL: seeding the platform ($1): $answer" >&2; exit 1; }
    echo "${answer#ok }"
}

# walk JOURNEY APP OUTDIR: runs the journey; $journey_out is then its output folder.
walk() {
    orientation=${LOBBY_ORIENTATION:-portrait}
    journey_out=$3/$1-$orientation
    "$(dirname "${BASH_SOURCE[0]}")/run_journey.sh" "$2" "$1" "$orientation" "$3"
}

# collect_slips COUNT WHAT: copies the printed jobs next to the screenshots and sets $slips (the
# text of each); exactly COUNT must have been printed.
collect_slips() {
    local jobs
    shopt -s nullglob
    jobs=("$LOBBY_PRINTER_OUT"/job-*)
    slips=("$LOBBY_PRINTER_OUT"/job-*.txt)
    shopt -u nullglob
    ((${#jobs[@]} == 0)) || cp "${jobs[@]}" "$journey_out/"
    ((${#slips[@]} == $1)) || { echo "FAIL: expected $1 $2, got ${#slips[@]}" >&2; exit 1; }
}

# check_audit WHAT WORD...: the platform's ledger audit holds each word (e.g. "captured=1 ");
# sets $audit. WHAT says what went wrong otherwise.
check_audit() {
    local what=$1 word
    shift
    audit=$(seed audit)
    for word in "$@"; do
        [[ $audit == *"$word"* ]] || { echo "FAIL: $what: $audit" >&2; exit 1; }
    done
}

# collect_a4 COUNT WHAT: copies what the A4 printer (ippeveprinter, with_cupsd.sh --a4) saved
# next to the screenshots and sets $printed (the PDFs, in job order); exactly COUNT.
collect_a4() {
    shopt -s nullglob
    printed=("$LOBBY_A4_OUT"/job-*.pdf)
    shopt -u nullglob
    ((${#printed[@]} == $1)) || { echo "FAIL: expected $1 $2, got ${#printed[@]}" >&2; exit 1; }
    ((${#printed[@]} == 0)) || cp "${printed[@]}" "$journey_out/"
}
