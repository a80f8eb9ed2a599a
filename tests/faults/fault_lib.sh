# Shared by the fault suite's scripts (sourced): a kiosk config aimed at the proxy or the
# platform, running the kiosk, recovering, and the invariants checked after every case.
# Needs with_platform.sh's and with_cupsd.sh's environment, and $app and $out set; sourcing it
# empties $out and writes $out/kiosk.json.
faults="${LOBBY_SOURCE_DIR:?}/tests/faults"

fail() {
    echo "FAIL: $*" >&2
    [[ -f $out/app.log ]] && tail -n 25 "$out/app.log" >&2
    exit 1
}

# seed_bills: 门诊缴费 for 李秀英 (journey bills): a prescription and a blood test, her insurance
# e-voucher, and the insurance's record of her (a personal account of ¥50).
seed_bills() {
    local seeding
    for seeding in "token evoucher YBPZ0002LITOKEN 310115198506150022 李秀英" \
        "bill drugs 310115198506150022 李秀英" "bill blood 310115198506150022 李秀英" \
        "insure 310115198506150022 李秀英 SSC0001 SERIAL01 5000"; do
        [[ $(platform_command "$seeding") == ok* ]] || fail "could not seed: $seeding"
    done
}

# make_config URL: $out/kiosk.json for the platform (or proxy) at URL, journal $out/journal.db.
make_config() {
    python3 - "$faults/kiosk.json" "$out/kiosk.json" "$1" "$out/journal.db" <<'PY'
import json, os, sys
c = json.load(open(sys.argv[1]))
c["platform"].update(base_url=sys.argv[3], ca_bundle=os.environ["LOBBY_PLATFORM_CA"],
                     client_cert=os.environ["LOBBY_PLATFORM_CERT"],
                     client_key=os.environ["LOBBY_PLATFORM_KEY"])
c["devices"]["printer"].update(cups_server=os.environ["CUPS_SERVER"],
                               direct="127.0.0.1:" + os.environ["LOBBY_PRINTER_SIM_PORT"])
c["journal"]["path"] = sys.argv[4]
c["health"] = {"report_path": os.path.join(os.path.dirname(sys.argv[4]), "health.json")}
json.dump(c, open(sys.argv[2], "w"), ensure_ascii=False)
PY
}

# kiosk RUN JOURNEY [ARGS...]: one kiosk run through tests/faults/journeys/JOURNEY.json, its
# screens in $out/RUN; returns the kiosk's status.
kiosk() {
    local run=$1 journey=$2
    shift 2
    "$app" --config "$out/kiosk.json" --size 1080x1920 --journey "$faults/journeys/$journey.json" \
        --screenshot-dir "$out/$run" "$@" >>"$out/stdout.log" 2>>"$out/app.log"
}

# outcome_of DIR: "done" or "error", from the screens a journey left.
outcome_of() {
    if compgen -G "$1/*-done-*.png" >/dev/null; then echo done
    elif compgen -G "$1/*-error-*.png" >/dev/null; then echo error
    else echo none; fi
}

# recover: the faults gone, a kiosk run that settles the journal at start, then serves the next
# patient (identify, menu, leave): the kiosk is back in service.
recover() {
    kiosk recovery idle || fail "the kiosk did not come back after the fault"
}

# revisit: the patient owed a slip (张三丰) comes back; it must be reprinted and settled.
revisit() {
    (($(journal_count reprint) == 1)) || fail "no slip owed to the patient"
    kiosk revisit revisit || fail "the revisit journey failed"
    (($(journal_count reprint) == 0)) || fail "the owed slip was not reprinted"
    compgen -G "$out/revisit/*-menu-*.png" >/dev/null || fail "no menu screenshot at the revisit"
}

# settle: only the start-up reconciliation (kill_random.sh: its next run serves the patients).
settle() {
    kiosk recovery settle || fail "the kiosk did not come back after the kill"
}

# check_invariants [phone-booking-held]: no payment captured twice, every capture backing a
# booking or refunded, nothing held (but a booking made by phone and still unpaid within its
# hold, which is the patient's and not the kiosk's to release, when so told; the audit still
# catches a hold past its expiry), the journal settled. Prints the audit line.
check_invariants() {
    local audit open
    audit=$(platform_command audit)
    echo "$audit" >>"$out/audit.log"
    [[ $audit == ok* ]] || fail "the audit did not run: $audit"
    [[ $audit == *" violations=0" ]] || fail "ledger invariants broken: $audit"
    if [[ ${1:-} == phone-booking-held ]]; then
        local held=0
        [[ $audit =~ held=([0-9]+) ]] && held=${BASH_REMATCH[1]}
        ((held <= 1)) || fail "more than the phone booking is held: $audit"
    else
        [[ $audit != *held=* ]] || fail "a slot is still held after recovery: $audit"
    fi
    open=$(sqlite3 "$out/journal.db" "SELECT COUNT(*) FROM transactions WHERE state = 'open'")
    ((open == 0)) || fail "$open journal transactions still open: $(sqlite3 "$out/journal.db" \
        "SELECT kind, step, phase, outcome FROM transactions WHERE state = 'open'")"
    echo "$audit"
}

# expect_audit WORD...: each word (e.g. "captured=1") is in the audit line.
expect_audit() {
    local audit
    audit=$(tail -n 1 "$out/audit.log")
    for word in "$@"; do
        [[ $audit =~ [:,]$word([, ]|$) ]] || fail "expected $word in: $audit"
    done
}

journal_count() {  # journal_count STATE
    sqlite3 "$out/journal.db" "SELECT COUNT(*) FROM transactions WHERE state = '$1'"
}

# Every case starts from an empty $out and a kiosk config aimed at LOBBY_PLATFORM_URL (the proxy,
# under with_fault_proxy.sh).
rm -rf "${out:?set out before sourcing fault_lib.sh}"
mkdir -p "$out"
make_config "$LOBBY_PLATFORM_URL"
