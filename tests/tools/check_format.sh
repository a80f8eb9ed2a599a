#!/usr/bin/env bash
# Fails when any C++ file of ours is not clang-format clean (.clang-format at the top).
set -euo pipefail
root=$1
cd "$root"
mapfile -t files < <(find kiosk drivers provisioning sim tests bench \
    -type f \( -name '*.cpp' -o -name '*.h' \) -not -path '*/corpus/*' | sort)
((${#files[@]} > 0)) || { echo "no C++ files found under $root" >&2; exit 1; }
clang-format --dry-run --Werror "${files[@]}"
echo "${#files[@]} C++ files formatted"
