# Shared by scripts/test and scripts/demo: installs what the project needs, configures and builds.
# Sourced, not run.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() { printf '[lobby] %s\n' "$*" >&2; }

# Installs the Debian packages listed in scripts/packages/*.txt that are missing.
# Quiet when everything is already there.
ensure_packages() {
    local lists=("$@") wanted=() missing=() pkg
    for list in "${lists[@]}"; do
        while read -r pkg; do
            [[ -z "$pkg" || "$pkg" == \#* ]] && continue
            wanted+=("$pkg")
        done <"$repo_root/scripts/packages/$list.txt"
    done
    for pkg in "${wanted[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    ((${#missing[@]} == 0)) && return 0
    log "installing ${#missing[@]} Debian packages: ${missing[*]}"
    local sudo=""
    ((EUID != 0)) && sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Installs the npm tools the tests use (tests/contract: the OpenAPI linter), exactly as locked.
ensure_npm_tools() {
    local dir="$repo_root/tests/contract"
    [[ -x $dir/node_modules/.bin/redocly ]] && return 0
    log "installing the contract linter (npm ci in tests/contract)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

# Configures the preset's build dir once, then builds it incrementally.
configure_and_build() {
    local preset=$1
    local build_dir="$repo_root/build/$preset"
    cd "$repo_root"
    if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
        log "configuring ($preset)"
        cmake --preset "$preset" >/dev/null
    fi
    log "building ($preset)"
    cmake --build --preset "$preset" -j "${LOBBY_JOBS:-2}"
}
