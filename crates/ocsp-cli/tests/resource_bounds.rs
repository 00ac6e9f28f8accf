//! The `ocsp` binary on oversized garbage: exit 1, one line of error, no
//! panic, whatever the input format detection makes of it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use ocsp_testkit::support::TempDir;
use std::process::{Command, Output};

fn scratch(dir: &TempDir, name: &str) -> PathBuf {
    dir.join(name)
}

fn ocsp(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ocsp"))
        .args(args)
        .output()
        .unwrap()
}

/// Exit code 1, exactly one line on stderr naming `kind`, nothing on stdout,
/// no panic.
fn fails_cleanly(out: &Output, kind: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(kind), "expected {kind}: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Pseudo-random bytes (xorshift), the same on every run.
fn garbage(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn ten_megabytes_of_binary_garbage() {
    let tmp = TempDir::new("ocsp-cli-bounds");
    let path = scratch(&tmp, "garbage.bin");
    let mut bytes = garbage(10_000_000);
    bytes[0] = 0x30;
    std::fs::write(&path, &bytes).unwrap();
    let p = path.to_str().unwrap();
    fails_cleanly(&ocsp(&["inspect", p]), "larger than the limit");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn ten_megabytes_of_base64_text() {
    // Text, so the format detection base64-decodes it (7.5 MB of DER).
    let tmp = TempDir::new("ocsp-cli-bounds");
    let path = scratch(&tmp, "garbage.b64");
    let text: Vec<u8> = garbage(10_000_000)
        .iter()
        .map(|b| {
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[usize::from(b & 63)]
        })
        .collect();
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    fails_cleanly(&ocsp(&["inspect", p]), "larger than the limit");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn over_the_read_limit() {
    let tmp = TempDir::new("ocsp-cli-bounds");
    let path = scratch(&tmp, "huge.bin");
    std::fs::write(&path, vec![0x30u8; (16 << 20) + 1]).unwrap();
    let p = path.to_str().unwrap();
    fails_cleanly(&ocsp(&["inspect", p]), "larger than the limit");
    std::fs::remove_file(&path).unwrap();
}
