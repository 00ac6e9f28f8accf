#!/usr/bin/env bash
# Bounded fuzz smoke run, for CI (.ci/run): seeds the corpora, builds every
# target once, runs each for $FUZZ_SECONDS (30 by default) and fails on any
# crash, leak, timeout or out-of-memory. Needs a nightly toolchain; without
# one it prints a loud SKIPPED and succeeds. Installs cargo-fuzz if missing.
#
#   fuzz/smoke.sh                  # from anywhere
#   FUZZ_SECONDS=5 fuzz/smoke.sh   # quicker
set -euo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${FUZZ_SECONDS:-30}"
targets=(response_parse request_parse get_url cli_input verify owned_roundtrip differential)

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "######################################################################"
    echo "## SKIPPED: fuzz smoke run: no nightly toolchain (cargo +nightly).  ##"
    echo "## Install one with: rustup toolchain install nightly --profile minimal"
    echo "######################################################################"
    exit 0
fi
cargo +nightly --version

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz smoke: installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi
cargo fuzz --version

bash "$fuzz_dir/seed-corpus.sh"

cd "$fuzz_dir"
# One build for all targets (the same flags as the runs, so no rebuild).
cargo +nightly fuzz build -O

failed=()
for t in "${targets[@]}"; do
    echo "fuzz smoke: $t for ${seconds}s"
    log="$(mktemp)"
    if cargo +nightly fuzz run -O "$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
        -print_final_stats=1 >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^Done ' "$log" || true
    else
        echo "fuzz smoke: $t FAILED; the end of its log:"
        tail -n 60 "$log"
        failed+=("$t")
    fi
    rm -f "$log"
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz smoke: crashes in: ${failed[*]} (inputs in fuzz/artifacts/<target>/)"
    exit 1
fi
echo "fuzz smoke: ${#targets[@]} targets, ${seconds}s each, no crash"
