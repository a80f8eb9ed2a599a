"""The platform contract (docs/platform-api.yaml) as something a test can hold a reply against:
which operation a method and path are, whether a reply's status and content type are documented
for it, and whether its body fits the documented schema (JSON Schema 2020-12, as OpenAPI 3.1
uses it). Shared by check_traffic.py and test_contract.py."""
import json
import re

import jsonschema
import yaml


RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("date-time")
def is_date_time(value):
    # jsonschema checks date-time only with an extra package; the contract's form is checked here.
    return not isinstance(value, str) or bool(RFC3339.match(value))


class Contract:
    def __init__(self, path):
        with open(path, encoding="utf-8") as file:
            self.document = yaml.safe_load(file)
        self.operations = []  # (method, compiled path pattern, template, operation)
        for template, item in self.document["paths"].items():
            pattern = "^" + re.sub(r"\{[^}]+\}", r"[^/]+", template) + "$"
            for method, operation in item.items():
                if method in ("get", "put", "post", "delete", "patch"):
                    self.operations.append((method.upper(), re.compile(pattern), template, operation))
        self.resolver = jsonschema.RefResolver(base_uri="", referrer=self.document)

    def operation(self, method, path):
        """(template, operation) for a request, or (None, None) when the contract has none."""
        matches = [(t, o) for m, p, t, o in self.operations if m == method and p.match(path)]
        # A literal segment beats a parameter: /v1/bookings/{id} must not swallow a fixed path.
        matches.sort(key=lambda match: match[0].count("{"))
        return matches[0] if matches else (None, None)

    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            _, node = self.resolver.resolve(node["$ref"])
        return node

    def problems(self, method, path, status, content_type, body):
        """What is wrong with one reply; empty when the contract documents it exactly."""
        if method == "":
            # Bytes that were no HTTP request at all (a connection cut mid-request): the
            # contract's answer is 400 invalid_request.
            if status != 400 or not content_type.startswith("application/json"):
                return [f"a request that was not HTTP → {status} {content_type}: not 400 JSON"]
            error = self.resolve({"$ref": "#/components/schemas/Error"})
            validator = jsonschema.Draft202012Validator(error, resolver=self.resolver)
            return [f"a request that was not HTTP → 400: {e.message}" for e in validator.iter_errors(body)]
        template, operation = self.operation(method, path)
        if operation is None:
            return [f"{method} {path}: no such operation in the contract"]
        where = f"{method} {template} → {status}"
        documented = operation.get("responses", {})
        response = documented.get(str(status))
        if response is None:
            return [f"{where}: status {status} is not documented (documented: {', '.join(documented)})"]
        response = self.resolve(response)
        content = response.get("content")
        media = (content_type or "").split(";")[0].strip()
        if not content:
            if media and status not in (204, 304):
                return [f"{where}: documented without a body, but the reply has {media}"]
            return []
        if media not in content:
            return [f"{where}: content type {media or 'none'} is not documented ({', '.join(content)})"]
        schema = content[media].get("schema")
        if schema is None or media != "application/json":
            return []
        if body == "<not JSON>":
            return [f"{where}: the body is not JSON"]
        validator = jsonschema.Draft202012Validator(
            schema, resolver=self.resolver, format_checker=FORMATS)
        return [f"{where}: {'/'.join(map(str, error.absolute_path)) or 'body'}: {error.message}"
                for error in validator.iter_errors(body)]


def load_traffic(path):
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]
