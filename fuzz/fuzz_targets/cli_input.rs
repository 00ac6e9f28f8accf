//! The CLI's input-format detection (`crates/ocsp-cli/src/input/decode.rs`:
//! DER, PEM, bare base64, GET URL), compiled here as is (`ocsp-cli` is a
//! binary crate and exposes no library): never panics, and what it hands to
//! the DER parsers goes through the response and request checks too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ocsp_fuzz::check_cli_input(data);
});
