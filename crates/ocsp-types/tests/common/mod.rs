//! Helpers shared by the integration tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

/// `../shared/vectors/<sub>` next to the workspace, or `None` (with a loud
/// message) when the shared test data is not there.
pub fn shared_vectors(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/vectors")
        .join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: shared test vectors not found at {} (CI always has them)",
            dir.display()
        );
        None
    }
}

/// Decodes a base64 `.ors` file (OpenSSL's test format: base64, no header).
pub fn read_ors(path: &std::path::Path) -> Vec<u8> {
    let text = std::fs::read_to_string(path).unwrap();
    let joined: String = text.split_whitespace().collect();
    use base64ct::Encoding;
    base64ct::Base64::decode_vec(&joined).unwrap()
}

pub fn seed_response() -> Vec<u8> {
    include_bytes!("../data/seed-wikipedia-2017.der").to_vec()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}
