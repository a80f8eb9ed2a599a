#!/usr/bin/env bash
# docs/platform-api.yaml is valid OpenAPI 3.1: Redocly CLI (pinned in package.json, installed by
# scripts/test with npm ci) lints it with its recommended rules; an error or a warning fails.
# Usage: lint_contract.sh SOURCE_DIR
set -euo pipefail
src=$1
redocly=$src/tests/contract/node_modules/.bin/redocly
[[ -x $redocly ]] || { echo "FAIL: Redocly CLI is not installed (scripts/test runs npm ci in tests/contract)"; exit 1; }
out=$(REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1 \
    "$redocly" lint --format stylish "$src/docs/platform-api.yaml" 2>&1) || { echo "$out"; echo "FAIL: the contract does not lint"; exit 1; }
if grep -qiE "warning|error" <<<"$(grep -v 'Deprecation warning' <<<"$out")"; then
    echo "$out"
    echo "FAIL: the linter warns"
    exit 1
fi
echo "PASS: docs/platform-api.yaml is valid OpenAPI 3.1 (Redocly recommended rules, no warnings)"
