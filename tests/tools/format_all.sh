#!/usr/bin/env bash
# Formats every C++ file of ours in place (the clang_format test checks the same set).
set -euo pipefail
cd "$(dirname "$0")/../.."
find kiosk drivers provisioning sim tests bench -type f \( -name '*.cpp' -o -name '*.h' \) \
    -not -path '*/corpus/*' -print0 | xargs -0 clang-format -i
