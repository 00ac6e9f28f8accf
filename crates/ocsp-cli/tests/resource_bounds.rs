//! The `ocsp` binary on oversized garbage: exit 1, one line of error, no
//! panic, whatever the input format detection makes of it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{assert_input_error, ocsp, write_temp};
use ocsp_testkit::support::TempDir;

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

/// Ten megabytes of binary garbage that starts like DER.
fn binary_garbage() -> Vec<u8> {
    let mut bytes = garbage(10_000_000);
    bytes[0] = 0x30;
    bytes
}

/// Ten megabytes of base64 text, which the format detection decodes
/// (7.5 MB of DER).
fn base64_garbage() -> Vec<u8> {
    garbage(10_000_000)
        .iter()
        .map(|b| {
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[usize::from(b & 63)]
        })
        .collect()
}

/// One byte over the read limit.
fn over_the_read_limit() -> Vec<u8> {
    vec![0x30u8; (16 << 20) + 1]
}

/// Each input is refused as too large: exit 1, exactly one line on stderr,
/// nothing on stdout, no panic.
#[test]
fn oversized_inputs_fail_cleanly() {
    let tmp = TempDir::new("ocsp-cli-bounds");
    let cases = [
        ("garbage.bin", binary_garbage as fn() -> Vec<u8>),
        ("garbage.b64", base64_garbage),
        ("huge.bin", over_the_read_limit),
    ];
    for (name, bytes) in cases {
        let path = write_temp(&tmp, name, &bytes());
        let stderr = assert_input_error(&ocsp(&["inspect", &path]), "InputTooLarge");
        assert!(stderr.contains("larger than the limit"), "{name}: {stderr}");
        std::fs::remove_file(&path).unwrap();
    }
}
