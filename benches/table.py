#!/usr/bin/env python3
"""Prints the tables of docs/PERFORMANCE.md from criterion's estimates.

    cargo bench --features peers --bench parse  -- --warm-up-time 1 --measurement-time 3
    cargo bench --features peers --bench verify -- --warm-up-time 1 --measurement-time 3
    python3 benches/table.py            # reads target/criterion

Each figure is criterion's point estimate of the time per iteration (the
slope of the linear regression when criterion computed one, else the
mean), so the tables and ratios come from the bench run itself. A missing
estimate prints as "-".
"""

import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CRITERION = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "criterion")


def estimate(group, function):
    """Seconds per iteration for criterion's `group/function`, or None."""
    path = os.path.join(CRITERION, group.replace("/", "_"), function, "new", "estimates.json")
    try:
        with open(path) as f:
            data = json.load(f)
    except OSError:
        return None
    point = (data.get("slope") or data["mean"])["point_estimate"]
    return point * 1e-9


def fmt_time(seconds):
    if seconds is None:
        return "-"
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    return f"{seconds * 1e3:.2f} ms"


def fmt_ratio(a, b):
    return "-" if a is None or b is None else f"{a / b:.1f}x"


def fmt_share(total, floor):
    """(total - floor) / total, the share of the time spent outside the floor."""
    return "-" if total is None or floor is None else f"{(total - floor) / total * 100:.1f} %"


def fmt_own_share(own, floor):
    """own / (own + floor): the share of a verify outside the primitive."""
    return "-" if own is None or floor is None else f"{own / (own + floor) * 100:.1f} %"


def row(cells):
    print("| " + " | ".join(cells) + " |")


def parse_table():
    inputs = sorted(
        d[len("parse_"):] for d in os.listdir(CRITERION) if d.startswith("parse_")
    )
    order = ["wikipedia-2017", "openssl-D1", "openssl-ND1", "gen-1single-0cert",
             "gen-20single-0cert", "gen-100single-0cert", "gen-1single-3cert"]
    inputs.sort(key=lambda name: (order.index(name) if name in order else len(order), name))
    ops = ["ours-borrowed", "ours-walk", "ours-owned", "openssl", "x509-ocsp"]
    print("### Parse (`cargo bench --bench parse`)\n")
    row(["input"] + ops + ["openssl / ours-borrowed", "x509-ocsp / ours-borrowed",
                           "openssl / ours-walk", "x509-ocsp / ours-walk"])
    row(["---"] + ["---:"] * (len(ops) + 4))
    for name in inputs:
        t = {op: estimate(f"parse/{name}", op) for op in ops}
        row([name] + [fmt_time(t[op]) for op in ops] + [
            fmt_ratio(t["openssl"], t["ours-borrowed"]),
            fmt_ratio(t["x509-ocsp"], t["ours-borrowed"]),
            fmt_ratio(t["openssl"], t["ours-walk"]),
            fmt_ratio(t["x509-ocsp"], t["ours-walk"]),
        ])
    print()


def hostile_table():
    shapes = ["extensions", "singles", "certificates"]
    sizes = ["64KiB", "1MiB"]
    ops = ["ours-borrowed", "ours-walk", "ours-owned", "openssl", "x509-ocsp"]
    print("### Hostile inputs (`cargo bench --bench parse -- hostile`)\n")
    row(["input"] + ops + ["fastest peer / ours-borrowed", "fastest peer / ours-walk"])
    row(["---"] + ["---:"] * (len(ops) + 2))
    for shape in shapes:
        for size in sizes:
            t = {op: estimate(f"hostile/{shape}-{size}", op) for op in ops}
            peers = [t[p] for p in ("openssl", "x509-ocsp") if t[p] is not None]
            fastest = min(peers) if peers else None
            row([f"{shape}-{size}"] + [fmt_time(t[op]) for op in ops] + [
                fmt_ratio(fastest, t["ours-borrowed"]), fmt_ratio(fastest, t["ours-walk"])])
    print()


VERIFY_SETS = ["rustcrypto", "ring", "aws-lc-rs"]


def verify_table():
    cases = ["rsa2048-issuer", "rsa2048-delegated", "p256-issuer", "p256-delegated"]
    print("### Verify end to end (`cargo bench --bench verify`)\n")
    row(["case", "ours, RustCrypto", "ours, ring", "ours, aws-lc-rs", "OpenSSL",
         "OpenSSL / ours-ring", "OpenSSL / ours-aws-lc-rs", "OpenSSL / ours-RustCrypto"])
    row(["---"] + ["---:"] * 7)
    for case in cases:
        v = {op: estimate(f"verify/{case}", op)
             for op in [f"ours-{s}" for s in VERIFY_SETS] + ["openssl"]}
        row([case] + [fmt_time(v[f"ours-{s}"]) for s in VERIFY_SETS] + [fmt_time(v["openssl"]),
             fmt_ratio(v["openssl"], v["ours-ring"]), fmt_ratio(v["openssl"], v["ours-aws-lc-rs"]),
             fmt_ratio(v["openssl"], v["ours-rustcrypto"])])
    print()
    print("### Verify against the signature floor\n")
    print("The library's own cost is `ours-no-crypto` (every step, signatures")
    print("accepted unchecked). overhead = no-crypto / (no-crypto + floor), the share")
    print("of a verify spent outside the signature primitive(s) with that backend;")
    print("(verify - floor) / verify, from two separately measured figures, is")
    print("given as a cross-check.\n")
    row(["case", "ours, no crypto"]
        + [c for s in VERIFY_SETS for c in (f"floor {s}", f"overhead {s}", f"cross-check {s}")]
        + ["floor OpenSSL", "OpenSSL outside its floor"])
    row(["---"] + ["---:"] * (3 * len(VERIFY_SETS) + 3))
    for case in cases:
        v = {op: estimate(f"verify/{case}", op)
             for op in [f"ours-{s}" for s in VERIFY_SETS] + ["ours-no-crypto", "openssl"]}
        f = {op: estimate(f"floor/{case}", op) for op in VERIFY_SETS + ["openssl"]}
        own = v["ours-no-crypto"]
        row([case, fmt_time(own)]
            + [c for s in VERIFY_SETS for c in (fmt_time(f[s]), fmt_own_share(own, f[s]),
                                               fmt_share(v[f"ours-{s}"], f[s]))]
            + [fmt_time(f["openssl"]), fmt_share(v["openssl"], f["openssl"])])
    print()


def webpki_table():
    cases = ["rsa2048-issuer", "rsa2048-delegated", "p256-issuer", "p256-delegated"]
    print("### WebPKI-profile certificates, ring (`cargo bench --bench verify -- webpki`)\n")
    row(["case", "own cost, issuer as certificate", "own cost, prepared", "verify, certificate",
         "verify, prepared", "verify, prepared + cache", "ring floor",
         "own / (own + floor), prepared", "(verify - floor) / verify, prepared", "OpenSSL",
         "OpenSSL / ours, prepared", "OpenSSL / ours, cached"])
    row(["---"] + ["---:"] * 11)
    for case in cases:
        v = {op: estimate(f"webpki/{case}", op)
             for op in ["ours-ring", "ours-ring-prepared", "ours-ring-prepared-cached",
                        "ours-no-crypto", "ours-no-crypto-prepared", "openssl"]}
        floor = estimate(f"webpki-floor/{case}", "ring")
        row([case, fmt_time(v["ours-no-crypto"]), fmt_time(v["ours-no-crypto-prepared"]),
             fmt_time(v["ours-ring"]), fmt_time(v["ours-ring-prepared"]),
             fmt_time(v["ours-ring-prepared-cached"]), fmt_time(floor),
             fmt_own_share(v["ours-no-crypto-prepared"], floor),
             fmt_share(v["ours-ring-prepared"], floor), fmt_time(v["openssl"]),
             fmt_ratio(v["openssl"], v["ours-ring-prepared"]),
             fmt_ratio(v["openssl"], v["ours-ring-prepared-cached"])])
    print()


def post_quantum_table():
    print("### ML-DSA-65, RustCrypto\n")
    row(["case", "verify", "no crypto", "floor", "overhead"])
    row(["---", "---:", "---:", "---:", "---:"])
    for case in ["mldsa65-issuer", "mldsa65-delegated"]:
        v = estimate(f"verify/{case}", "ours-rustcrypto")
        own = estimate(f"verify/{case}", "ours-no-crypto")
        floor = estimate(f"floor/{case}", "rustcrypto")
        row([case, fmt_time(v), fmt_time(own), fmt_time(floor), fmt_own_share(own, floor)])
    print()


def scaling_tables():
    print("### Scaling: parse + find the matching single response\n")
    row(["N single responses", "time", "per entry"])
    row(["---:", "---:", "---:"])
    for n in [1, 20, 100, 1000]:
        t = estimate("scaling/find_single", str(n))
        row([str(n), fmt_time(t), fmt_time(None if t is None else t / n)])
    print()
    print("### Scaling: embedded certificates\n")
    row(["embedded certificates", "parse"])
    row(["---:", "---:"])
    for n in [0, 3]:
        row([str(n), fmt_time(estimate("scaling/embedded_certs", str(n)))])
    print()


def main():
    if not os.path.isdir(CRITERION):
        sys.exit(f"{CRITERION}: no criterion results; run the benches first")
    parse_table()
    hostile_table()
    verify_table()
    webpki_table()
    post_quantum_table()
    scaling_tables()


if __name__ == "__main__":
    main()
