//! Every fault the testkit can inject, each with its exact error variant, and
//! every valid shape with its exact verdict.
//!
//! The tests are in one module per topic (faults by the field they break).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use common::{
    assert_cases, delegate_cert, delegated, good_signers, issuer_signed, now, run, signature_cases,
    status, status_with, with_delegate, wrong_cert_ids, Case, Check, Seen, Who, GOOD_DELEGATED,
    GOOD_ISSUER, SKEW, UNKNOWN_EXT as UNKNOWN,
};
use ocsp_testkit::{
    at, by_key, cert, cert_id, der, single, CertSpec, Flavor, HashAlg, Key, KeyName, Pki, SigAlg,
    DAY, HOUR, NOW,
};
use ocsp_types::{
    AlgorithmIdentifier, CertStatus, CrlReason, Extension, ObjectIdentifier, OcspResponse,
    ResponderId, ResponseStatus, RevokedInfo,
};
use ocsp_verify::{algorithms, Error, Issuer, Policy, Status, Subject, Verifier};

fn rsa() -> Pki {
    Pki::new(Flavor::Rsa)
}

fn ext(oid: &str, critical: bool, value: Vec<u8>) -> Extension {
    Extension {
        oid: ObjectIdentifier::new_unwrap(oid),
        critical,
        value,
    }
}

mod algorithm_list;
mod cert_id_faults;
#[path = "../common/mod.rs"]
mod common;
mod compatibility;
mod envelope_and_inputs;
mod extensions;
mod nonces;
mod responder_faults;
mod time;
mod valid_shapes;
