#!/usr/bin/env bash
# Proves that the no_std crates of the workspace build without `std`.
#
#   ci/nostd-check.sh            # from anywhere
#
# (a) builds ci/nostd-check, a `#![no_std]` crate with its own
#     `#[panic_handler]` that links every crate of CRATES with
#     default-features = false: if anything pulls `std` in, the build fails
#     with "duplicate lang item in crate `std`: `panic_impl`";
# (b) fails if `cargo tree -e features` shows a `std` feature enabled on any
#     crate of the graph (e.g. `der feature "std"`), which (a) alone would
#     miss for crates whose `std` feature does not link std.
#
# To check another crate: add it to CRATES below, to [dependencies] of
# ci/nostd-check/Cargo.toml (path = "../../crates/<name>",
# default-features = false) and as `extern crate <name> as _;` in
# ci/nostd-check/src/lib.rs.
set -euo pipefail

CRATES=(ocsp-types ocsp-request ocsp-verify ocsp-responder)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
manifest=ci/nostd-check/Cargo.toml
target_dir="${NOSTD_TARGET_DIR:-target/nostd}"

# Resolve the same versions as the workspace.
cp Cargo.lock ci/nostd-check/Cargo.lock

status=0
for crate in "${CRATES[@]}"; do
    if ! grep -Eq "^${crate} = \{ path = \"../../crates/${crate}\", default-features = false" "$manifest"; then
        echo "nostd-check: $crate is in CRATES but not a default-features = false path dependency in $manifest" >&2
        status=1
    fi
    if ! grep -Eq "^extern crate ${crate//-/_} as _;" ci/nostd-check/src/lib.rs; then
        echo "nostd-check: $crate is in CRATES but not linked (extern crate ${crate//-/_} as _;) in ci/nostd-check/src/lib.rs" >&2
        status=1
    fi
done
[ "$status" -eq 0 ] || exit "$status"

echo "nostd-check: building ${CRATES[*]} without std"
if ! cargo build --manifest-path "$manifest" --target-dir "$target_dir"; then
    echo "nostd-check: FAILED: the no_std build does not compile (a duplicate panic_impl lang item means something links std)" >&2
    status=1
fi

echo "nostd-check: looking for std features in the dependency graph"
tree="$(cargo tree --manifest-path "$manifest" -e features -e normal --prefix none)"
if std_lines="$(grep -E 'feature "std"' <<<"$tree")"; then
    echo "nostd-check: FAILED: a std feature is enabled:" >&2
    sort -u <<<"$std_lines" >&2
    echo "nostd-check: what enables it:" >&2
    cargo tree --manifest-path "$manifest" -e features -e normal \
        -i "$(head -n1 <<<"$std_lines" | awk '{print $1}')" >&2 || true
    status=1
fi

if [ "$status" -ne 0 ]; then
    exit "$status"
fi
echo "nostd-check: OK (${CRATES[*]} build as no_std, no std feature enabled)"
