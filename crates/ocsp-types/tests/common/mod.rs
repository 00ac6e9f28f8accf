//! Helpers shared by the integration tests.
#![allow(
    dead_code,
    unused_imports,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

pub use ocsp_testkit::support::{hex, read_base64_file as read_ors, shared_vectors, unhex};

pub fn seed_response() -> Vec<u8> {
    include_bytes!("../data/seed-wikipedia-2017.der").to_vec()
}
