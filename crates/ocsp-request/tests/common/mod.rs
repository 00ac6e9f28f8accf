//! Helpers shared by the integration tests.
#![allow(
    dead_code,
    unused_imports,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub use ocsp_testkit::support::{
    have_openssl, hex, openssl, pem_blocks, read_pem_cert, shared_vectors, skip, unhex, TempDir,
};
