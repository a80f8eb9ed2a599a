#!/usr/bin/env bash
# kioskctl enroll against the sandbox: a one-time token and a CSR made on the kiosk become the
# terminal's client certificate; files and modes as promised; no second enrollment without
# --force; a spent or wrong token is refused; the new certificate is what the platform then
# requires. Run by with_platform.sh.
# Usage: kioskctl_enroll.sh KIOSKCTL
set -euo pipefail
kioskctl=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

token=$(platform_command "enroll-token KIOSK-NEW-0002" | awk '/^ok /{print $2}')
[[ -n $token ]] || fail "no enrollment token from the platform"
dir="$work/enrollment"
"$kioskctl" enroll --platform "$LOBBY_PLATFORM_URL" --token "$token" --ca "$LOBBY_PLATFORM_CA" \
    --terminal-id KIOSK-NEW-0002 --dir "$dir" --unit-dropin "$work/unit.d" >"$work/out" 2>&1 ||
    { cat "$work/out" >&2; fail "enroll failed"; }
# The unit's network fence: nothing but loopback and the platform (and resolvers).
grep -qx "IPAddressDeny=any" "$work/unit.d/network.conf" || fail "the drop-in denies nothing: $(cat "$work/unit.d/network.conf")"
grep -qx "IPAddressAllow=127.0.0.1" "$work/unit.d/network.conf" || fail "the platform's address is not allowed"
grep -qx "\[Service\]" "$work/unit.d/network.conf" || fail "the drop-in has no [Service] section"
[[ $(stat -c %a "$dir") == 700 ]] || fail "the enrollment directory is $(stat -c %a "$dir"), not 700"
[[ $(stat -c %a "$dir/client.key") == 600 ]] || fail "the key is $(stat -c %a "$dir/client.key"), not 600"
openssl x509 -in "$dir/client.pem" -noout -subject | grep -q "CN *= *KIOSK-NEW-0002" ||
    fail "the certificate is not for KIOSK-NEW-0002"
openssl pkey -in "$dir/client.key" -noout -text | grep -q "prime256v1\|P-256" || fail "the key is not P-256"
# The certificate belongs to the key made here.
[[ $(openssl x509 -in "$dir/client.pem" -noout -pubkey) == $(openssl pkey -in "$dir/client.key" -pubout) ]] ||
    fail "the certificate is not for the terminal's key"

# No second enrollment without --force; the spent token is refused even with it; so is a wrong one.
if "$kioskctl" enroll --platform "$LOBBY_PLATFORM_URL" --token "$token" --ca "$LOBBY_PLATFORM_CA" \
    --terminal-id KIOSK-NEW-0002 --dir "$dir" 2>"$work/err"; then fail "enrolled twice"; fi
grep -q "already enrolled" "$work/err" || fail "no 'already enrolled' message: $(cat "$work/err")"
if "$kioskctl" enroll --platform "$LOBBY_PLATFORM_URL" --token "$token" --ca "$LOBBY_PLATFORM_CA" \
    --terminal-id KIOSK-NEW-0002 --dir "$dir" --force 2>"$work/err"; then fail "a spent token worked"; fi
grep -q "enrollment_refused" "$work/err" || fail "the spent token's refusal: $(cat "$work/err")"
if "$kioskctl" enroll --platform "$LOBBY_PLATFORM_URL" --token not-a-token --ca "$LOBBY_PLATFORM_CA" \
    --terminal-id KIOSK-OTHER --dir "$work/other" 2>/dev/null; then fail "a wrong token worked"; fi
[[ ! -e "$work/other/client.pem" ]] || fail "a refused enrollment left a certificate"

# The platform serves the enrolled terminal and refuses a caller with no certificate.
code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$dir/ca.pem" --cert "$dir/client.pem" \
    --key "$dir/client.key" "$LOBBY_PLATFORM_URL/v1/departments")
[[ $code == 200 ]] || fail "the enrolled terminal got HTTP $code"
body=$(curl -s --cacert "$dir/ca.pem" "$LOBBY_PLATFORM_URL/v1/departments")
grep -q certificate_required <<<"$body" || fail "a caller without a certificate got: $body"
echo "PASS: enrolled KIOSK-NEW-0002"
