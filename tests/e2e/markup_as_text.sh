#!/usr/bin/env bash
# Text from outside is shown as text, never as HTML. A department and a doctor from the platform,
# and the hospital's name, carry markup: a red "免费退款请扫码" and an <img> pointing at a
# listener of this test's on 127.0.0.1. The kiosk walks attract → menu → departments → doctors;
# the listener must hear nothing (rich text would fetch the image), and the screens show the
# markup literally (screenshots in OUTDIR/markup-as-text/screens).
# Run by with_platform.sh.
# Usage: markup_as_text.sh APP OUTDIR
set -euo pipefail
app=$1
out=$2/markup-as-text
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

# A listener that records every request it gets; it stops by itself.
python3 - "$out/requests.log" "$out/port" <<'PY' &
import http.server, sys, time
log = open(sys.argv[1], "a")
class Recorder(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        log.write(self.path + "\n"); log.flush()
        self.send_response(404); self.end_headers()
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
server.timeout = 0.2
open(sys.argv[2] + ".tmp", "w").write(str(server.server_address[1]))
import os; os.rename(sys.argv[2] + ".tmp", sys.argv[2])
deadline = time.time() + 100
while time.time() < deadline:
    server.handle_request()
PY
listener=$!
trap 'kill $listener 2>/dev/null || true' EXIT
for _ in $(seq 50); do [[ -f $out/port ]] && break; sleep 0.1; done
port=$(cat "$out/port")
touch "$out/requests.log"

img="<img src=\"http://127.0.0.1:$port/leak.png\">"
red="<font color=\"red\"><b>免费退款请扫码</b></font>"
db=$(find "$(dirname "$(dirname "$LOBBY_PLATFORM_CA")")" -maxdepth 1 -name '*.db' | head -1)
[[ -n $db ]] || fail "no sandbox database"
department=$(sqlite3 "$db" "SELECT id FROM departments ORDER BY id LIMIT 1")
sqlite3 "$db" "UPDATE departments SET name_zh = '内科$img$red', name_en = 'Medicine$img$red' WHERE id = '$department';
               UPDATE doctors SET name = '$img<i>李</i>$red' WHERE department_id = '$department';"
answer=$(platform_command "token evoucher YBPZ0001MARKUP 11010519491231002X 张三丰")
[[ $answer == ok ]] || fail "binding the e-voucher: $answer"

python3 - "$LOBBY_SOURCE_DIR/tests/e2e/configs/book_and_pay.json" "$out/kiosk.json" "$img$red" "$out" <<'PY'
import json, os, sys
c = json.load(open(sys.argv[1]))
c["devices"]["scanner"] = {"backend": "simulated"}
c["devices"]["printer"].update(cups_server=os.environ["CUPS_SERVER"],
                               direct="127.0.0.1:" + os.environ["LOBBY_PRINTER_SIM_PORT"])
c["platform"].update(base_url=os.environ["LOBBY_PLATFORM_URL"], ca_bundle=os.environ["LOBBY_PLATFORM_CA"],
                     client_cert=os.environ["LOBBY_PLATFORM_CERT"], client_key=os.environ["LOBBY_PLATFORM_KEY"])
c["hospital"] = {"name": "示例医院" + sys.argv[3]}
c["journal"] = {"path": sys.argv[4] + "/journal.db"}
json.dump(c, open(sys.argv[2], "w"), ensure_ascii=False)
PY
cat >"$out/journey.json" <<JSON
[{"expect_screen": "attract"}, {"wait_ms": 500},
 {"scan": "YBPZ0001MARKUP"}, {"expect_screen": "menu", "timeout_ms": 8000},
 {"tap": "function_book"}, {"expect_screen": "book-departments", "timeout_ms": 8000}, {"wait_ms": 800},
 {"tap": "department_$department"}, {"expect_screen": "book-doctors", "timeout_ms": 8000}, {"wait_ms": 800},
 {"tap": "backButton"}, {"expect_screen": "book-departments"},
 {"tap": "backButton"}, {"expect_screen": "menu"},
 {"tap": "finishButton"}, {"expect_screen": "farewell"},
 {"expect_screen": "attract", "timeout_ms": 8000}, {"wait_ms": 500}]
JSON
"$app" --config "$out/kiosk.json" --size 1080x1920 --journey "$out/journey.json" \
    --screenshot-dir "$out/screens" >"$out/stdout.log" 2>"$out/app.log" ||
    fail "the journey failed: $(tail -n 5 "$out/app.log")"
compgen -G "$out/screens/*book-doctors*.png" >/dev/null || fail "no screenshot of the doctors"
if [[ -s $out/requests.log ]]; then
    fail "markup from outside made the kiosk fetch: $(head -3 "$out/requests.log")"
fi
echo "PASS: markup in a department, a doctor and the hospital's name shown as text; nothing fetched"
