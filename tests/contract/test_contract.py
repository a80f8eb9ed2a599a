#!/usr/bin/python3
"""Property-based contract test: for every operation in docs/platform-api.yaml, Hypothesis makes
requests (well-formed ones built from the request schema, broken ones: fields dropped or of the
wrong type, arbitrary JSON, ids of every shape, a missing Idempotency-Key, a patient's session,
another or none, no client certificate)
and every reply of the sandbox must be documented: its status for that operation, its content
type and its body's schema. Deterministic (derandomized), so CI sees the same requests each run.
Also: a body over 64 KiB and a 50,000-deep array are refused without harm. Run by
with_platform.sh (which then checks the whole run's traffic again).
Usage: test_contract.py CONTRACT [EXAMPLES_PER_OPERATION]"""
import http.client
import json
import os
import re
import ssl
import sys
import urllib.parse
import uuid

from hypothesis import HealthCheck, given, settings, strategies as st

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from contract import Contract  # noqa: E402

contract = Contract(sys.argv[1])
examples = int(sys.argv[2]) if len(sys.argv) > 2 else 60
base = urllib.parse.urlparse(os.environ["LOBBY_PLATFORM_URL"])


def context(with_certificate):
    tls = ssl.create_default_context(cafile=os.environ["LOBBY_PLATFORM_CA"])
    if with_certificate:
        tls.load_cert_chain(os.environ["LOBBY_PLATFORM_CERT"], os.environ["LOBBY_PLATFORM_KEY"])
    return tls


TERMINAL, ANONYMOUS = context(True), context(False)


def send(method, path, body=None, headers=None, certificate=True, raw=None):
    connection = http.client.HTTPSConnection(base.hostname, base.port, timeout=10,
                                             context=TERMINAL if certificate else ANONYMOUS)
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    connection.request(method, path, body=data, headers=all_headers)
    reply = connection.getresponse()
    payload = reply.read()
    connection.close()
    content_type = reply.getheader("Content-Type", "")
    parsed = None
    if content_type.startswith("application/json"):
        try:
            parsed = json.loads(payload)
        except ValueError:
            parsed = "<not JSON>"
    return reply.status, content_type, parsed


def key():
    return {"Idempotency-Key": str(uuid.uuid4())}


# Real ids first, so that requests reach past "not found" into the rules.
_, _, departments = send("GET", "/v1/departments")
department_ids = [d["id"] for d in departments]
_, _, doctors = send("GET", f"/v1/departments/{department_ids[0]}/doctors")
doctor_ids = [d["id"] for d in doctors]
def texted_code(phone):
    """The code in the last text the platform sent to `phone` (its outbox is the phone)."""
    code = ""
    with open(os.environ["LOBBY_SMS_OUTBOX"], encoding="utf-8") as outbox:
        for line in outbox:
            text = json.loads(line)
            if text["phone"] == phone:
                code = re.search(r"[0-9]{6}", text["text"]).group(0)
    return code


_, _, sent = send("POST", "/v1/sms/verifications", {"phone": "13800138000", "purpose": "register"})
_, _, patient = send("POST", "/v1/patients",
                     {"kind": "id_card", "id_number": "11010519491231002X", "name": "张三丰",
                      "phone": "13800138000", "verification_id": sent.get("verification_id", ""),
                      "sms_code": texted_code("13800138000")}, key())
if not (isinstance(patient, dict) and "id" in patient):
    _, _, patient = send("POST", "/v1/patients/identify",
                         {"kind": "id_card", "id_number": "11010519491231002X", "name": "张三丰"})
patient_id, session = patient["id"], patient["session_token"]
as_patient = {"Patient-Session": session}
slice_ids, booking_ids, payment_ids, keys = [], [], [], []
for doctor in doctor_ids[:3]:
    _, _, sessions = send("GET", f"/v1/doctors/{doctor}/schedule?from=2000-01-01&to=2100-01-01")
    slice_ids += [s["id"] for session in sessions for s in session["slices"]][:4]
for slice_id in slice_ids[:2]:
    headers = key()
    status, _, booking = send("POST", "/v1/bookings", {"patient_id": patient_id, "slice_id": slice_id},
                              {**headers, **as_patient})
    if status == 201:
        booking_ids.append(booking["id"])
        keys.append(headers["Idempotency-Key"])
        _, _, payment = send("POST", f"/v1/bookings/{booking['id']}/payments", {"method": "wechat"},
                            {**key(), **as_patient})
        if isinstance(payment, dict) and "id" in payment:
            payment_ids.append(payment["id"])

REAL_IDS = department_ids + doctor_ids + slice_ids + booking_ids + payment_ids + [patient_id]
KNOWN = {
    "/v1/departments/{id}": department_ids,
    "/v1/doctors/{id}": doctor_ids,
    "/v1/bookings/{id}": booking_ids,
    "/v1/payments/{id}": payment_ids,
    "/v1/patients/{id}": [patient_id],
    "/v1/idempotency/{key}": keys,
    "/v1/scenes/{group}": ["default"],
}

# Ids as a hostile or broken client might send them: any text but '/' (which would be another
# path, not another id), percent-encoded.
any_id = st.text(alphabet=st.characters(blacklist_characters="/", blacklist_categories=("Cs",)),
                 min_size=1, max_size=24)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**64) | st.floats(allow_nan=False) |
    st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


def from_schema(schema):
    schema = contract.resolve(schema)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        return st.fixed_dictionaries(
            {name: from_schema(s) for name, s in properties.items() if name in required},
            optional={name: from_schema(s) for name, s in properties.items() if name not in required})
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {})), max_size=3)
    if kind == "string":
        if schema.get("format") == "date":
            return st.dates().map(str)
        return st.text(max_size=30) | st.sampled_from(
            ["11010519491231002X", "张三丰", "13800138000"] + REAL_IDS)
    if kind == "integer":
        return st.integers(-10**6, 10**13)
    if kind == "boolean":
        return st.booleans()
    return json_values


def broken(strategy):
    """Well-formed bodies, and the same with a field dropped or replaced by any JSON value."""
    def mutate(pair):
        body, (action, value) = pair
        if not isinstance(body, dict) or not body:
            return body
        body = dict(body)
        victim = sorted(body)[len(body) // 2]
        if action == "drop":
            del body[victim]
        else:
            body[victim] = value
        return body
    mutations = st.tuples(strategy, st.tuples(st.sampled_from(["drop", "replace"]), json_values)).map(mutate)
    return st.one_of(strategy, strategy, mutations, json_values)


def exercise_for(method, template, parameters, body_strategy):
    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def exercise(data):
        path = template
        query = {}
        headers = {}
        for parameter in parameters:
            name, where = parameter["name"], parameter["in"]
            if where == "path":
                prefix = template[:template.index("{" + name + "}") + len(name) + 2]
                known = KNOWN.get(prefix, [])
                choice = st.sampled_from(known) | any_id if known else any_id
                value = data.draw(choice, label=name)
                path = path.replace("{" + name + "}", urllib.parse.quote(value, safe=""))
            elif where == "query":
                valid = from_schema(parameter.get("schema", {}))
                if data.draw(st.integers(0, 9), label=f"{name}?") > 0:
                    query[name] = data.draw(valid | st.text(max_size=12), label=name)
            elif where == "header" and name == "Idempotency-Key":
                if data.draw(st.integers(0, 9), label="key?") > 0:
                    headers[name] = str(uuid.uuid4())
            elif where == "header" and name == "Patient-Session":
                choice = data.draw(st.integers(0, 3), label="session?")
                if choice > 0:
                    headers[name] = session if choice > 1 else data.draw(
                        st.text(alphabet="abcdefS0123456789", max_size=40), label="token")
        if query:
            path += "?" + urllib.parse.urlencode(query)
        body = data.draw(body_strategy, label="body") if body_strategy is not None else None
        certificate = data.draw(st.integers(0, 14), label="certificate?") > 0
        status, content_type, reply = send(method, path, body, headers, certificate)
        problems = contract.problems(method, urllib.parse.unquote(path.split("?")[0]), status,
                                     content_type, reply)
        assert not problems, "\n".join(problems)
    return exercise


failures = []
operations = 0
for method, _, template, operation in contract.operations:
    operations += 1
    parameters = [contract.resolve(p) for p in operation.get("parameters", [])]
    request_body = operation.get("requestBody")
    body_strategy = None
    if request_body and "application/json" in request_body["content"]:
        body_strategy = broken(from_schema(request_body["content"]["application/json"]["schema"]))
    elif request_body:
        body_strategy = json_values  # a package upload: the terminal's bytes are refused anyway
    try:
        exercise_for(method, template, parameters, body_strategy)()
    except AssertionError as error:
        failures.append(f"{method} {template}: {error}")

# Bounds: nothing large or deep reaches a parser, and the sandbox is still there afterwards.
status, _, reply = send("POST", "/v1/terminals/self/heartbeat", raw=b"[" * 70_000 + b"]" * 70_000)
if status != 413 or reply.get("code") != "too_large":
    failures.append(f"a 140 KB body: {status} {reply}")
status, _, reply = send("POST", "/v1/terminals/self/heartbeat", raw=b"[" * 20_000 + b"]" * 20_000)
if status != 400 or reply.get("code") != "invalid_request":
    failures.append(f"a 20,000-deep array: {status} {reply}")
status, _, _ = send("POST", "/v1/terminals/enroll", raw=b"{" * 30_000, certificate=False)
if status != 400:
    failures.append(f"30,000 open braces without a certificate: {status}")
if send("GET", "/v1/departments")[0] != 200:
    failures.append("the sandbox stopped answering after the bounds were tried")

if failures:
    print("FAIL:\n" + "\n".join(failures))
    sys.exit(1)
print(f"PASS: {operations} operations × {examples} generated requests each, every reply as documented; "
      "oversized and deeply nested bodies refused")
