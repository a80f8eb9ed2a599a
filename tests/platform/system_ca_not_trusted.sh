#!/usr/bin/env bash
# The platform is trusted only through the configured CA, never through the system's trust
# store: an impostor whose CA sits in /etc/ssl/certs (here a private mount namespace puts it
# there, so this machine's store is never touched) is refused by the kiosk's client, while curl
# with the system's defaults trusts it in the same namespace (the premise holds).
# Usage: system_ca_not_trusted.sh KIOSKCTL
set -euo pipefail
kioskctl=$1
work=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
if ! unshare -m true 2>/dev/null; then echo "SKIP: no mount namespaces here"; exit 0; fi

cd "$work"
make_ca() {  # NAME
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=$1" \
        -keyout "$1.key" -out "$1.pem" 2>/dev/null
}
make_ca impostor-ca
make_ca platform-ca
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
    -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\n' >san.ext
openssl x509 -req -in server.csr -CA impostor-ca.pem -CAkey impostor-ca.key -CAcreateserial \
    -days 2 -extfile san.ext -out server.pem 2>/dev/null
mkdir store && cp impostor-ca.pem store/ && cp impostor-ca.pem store/ca-certificates.crt && openssl rehash store 2>/dev/null || c_rehash store >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
openssl s_server -accept "127.0.0.1:$port" -cert server.pem -key server.key -www -quiet \
    </dev/null >server.log 2>&1 &
server=$!
for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done

cat >kiosk.json <<JSON
{"schema_version": 1, "terminal": {"id": "KIOSK-PIN-0001"},
 "platform": {"base_url": "https://127.0.0.1:$port", "ca_bundle": "$work/platform-ca.pem",
              "client_cert": "", "client_key": ""},
 "journal": {"path": "$work/journal.db"}, "scene": {"state_dir": "$work/scene", "trust_dir": "$work/trust"}}
JSON
unshare -m sh -c "mount --bind '$work/store' /etc/ssl/certs &&
    curl -sS -o /dev/null -w '%{http_code}' https://127.0.0.1:$port/ >curl.out 2>curl.err;
    '$kioskctl' status --config kiosk.json --json >status.json 2>&1" || true
[[ $(cat curl.out) == 200 ]] || fail "the premise fails: curl did not trust the impostor through the store ($(cat curl.out))"
python3 - status.json <<'PY' || fail "the kiosk's client trusted the impostor: $(cat status.json)"
import json, sys
check = next(c for c in json.load(open(sys.argv[1]))["checks"] if c["name"] == "platform")
assert not check["ok"] and "not trusted" in check["detail"], check
PY
echo "PASS: an impostor vouched for by a CA in the system store is refused; curl trusted it"
