//! The differential check: ocsp-types' `OcspResponseRef::parse` against
//! OpenSSL's `d2i_OCSP_RESPONSE` + `OCSP_response_get1_basic`.
//!
//! For every input:
//!
//! * both accept: every field must be equal (status, responder ID, times,
//!   CertIDs with their OIDs' text, statuses, extensions, signature
//!   algorithm and value, certificates), and the input must be DER, unless
//!   the only non-DER part is inside an element ocsp-types keeps opaque;
//! * only ocsp-types accepts: a bug, unless OpenSSL refuses one of those
//!   opaque elements and accepts the response once they are replaced;
//! * only OpenSSL accepts: a [`KnownDifference`] confirmed at the position
//!   of our error explains it, or the input is not DER and our error is one
//!   that BER can cause; anything else is a bug.
//!
//! "DER" is decided without ocsp-types: the target's own reader checks every
//! TLV header (`der::is_der`) and OpenSSL must re-encode the message, and the
//! BasicOCSPResponse inside it, to the same bytes. Both halves are needed:
//! OpenSSL re-encodes what it decodes in DER, but keeps the received bytes of
//! some parts (Names, a certificate's tbsCertificate, a SEQUENCE in an ANY)
//! and never re-reads `responseBytes.response`, whose content it unpacks
//! ignoring trailing bytes.

mod counters;
pub mod der;
pub mod known;
pub mod summary;

use std::fmt::Debug;

use ocsp_types::OcspResponseRef;

use crate::openssl_view::{self, OpensslResponse};
pub use counters::Outcome;
pub use known::KnownDifference;
use summary::{BasicSummary, ResponseSummary, SingleSummary};

/// Parses `input` with both parsers and checks that they agree.
pub fn check(input: &[u8]) {
    let ours = OcspResponseRef::parse(input);
    let theirs = openssl_view::parse(input);
    match (ours, theirs) {
        (Err(_), None) => counters::outcome(Outcome::BothRefuse),
        (Ok(ours), Some(theirs)) => {
            let der = is_der(input, &theirs);
            compare(&summary::ours(&ours), &theirs.summary, Compare { der });
            if der {
                counters::outcome(Outcome::BothAccept);
            } else {
                match known::explain_accepted_non_der(&ours) {
                    Some(d) => counters::known(d),
                    None => panic!(
                        "differential: ocsp-types accepts a response that is not DER \
                         outside the elements it keeps opaque"
                    ),
                }
            }
        }
        (Ok(ours), None) => match known::explain_openssl_refusal(&ours) {
            Some(d) => counters::known(d),
            None => panic!(
                "differential: ocsp-types accepts a response OpenSSL refuses \
                 (no known difference explains it)"
            ),
        },
        (Err(e), Some(theirs)) => {
            if let Some(d) = known::explain_our_refusal(input, &e, &theirs.summary) {
                counters::known(d);
            } else if !is_der(input, &theirs) && !known::is_content_rule(&e) {
                counters::known(KnownDifference::NotDer);
            } else {
                panic!(
                    "differential: OpenSSL accepts a response ocsp-types refuses, and no \
                     known difference explains it: {e} ({})",
                    e.kind()
                );
            }
        }
    }
}

/// Whether `input` is DER, judged by the target's reader and OpenSSL's
/// re-encoding (see the module documentation).
fn is_der(input: &[u8], theirs: &OpensslResponse) -> bool {
    if !der::is_der(input) || theirs.reencoded != input {
        return false;
    }
    match &theirs.basic_reencoded {
        None => true,
        Some(basic) => {
            response_octets(input).is_some_and(|octets| der::is_der(octets) && octets == basic)
        }
    }
}

/// The content of `responseBytes.response` in a DER `OCSPResponse`:
/// `SEQUENCE { ENUMERATED, [0] { SEQUENCE { OID, OCTET STRING } } }`.
fn response_octets(input: &[u8]) -> Option<&[u8]> {
    let fields = der::children(der::single(input)?.value)?;
    let [_, bytes] = fields.as_slice() else {
        return None;
    };
    let inner = der::children(der::single(bytes.value)?.value)?;
    match inner.as_slice() {
        [_, response] if response.first == 0x04 => Some(response.value),
        _ => None,
    }
}

/// Panics, naming the field, unless both parsers read the same value.
fn same<T: PartialEq + Debug>(field: &str, ours: &T, theirs: &T) {
    assert!(
        ours == theirs,
        "differential: {field} differs: ocsp-types {ours:02x?}, OpenSSL {theirs:02x?}"
    );
}

/// Which fields to compare.
#[derive(Clone, Copy)]
struct Compare {
    /// Whether the input is DER. When it is not, the fields OpenSSL gives
    /// as its own re-encoding (CertIDs, algorithm identifiers, certificates,
    /// a responder Name) may differ from the received bytes, and are left out.
    der: bool,
}

fn compare(ours: &ResponseSummary, theirs: &ResponseSummary, how: Compare) {
    same("responseStatus", &ours.status, &theirs.status);
    match (&ours.basic, &theirs.basic) {
        (Some(a), Some(b)) => compare_basic(a, b, how),
        (None, None) => {}
        _ => panic!("differential: only one parser has a BasicOCSPResponse"),
    }
}

fn compare_basic(ours: &BasicSummary, theirs: &BasicSummary, how: Compare) {
    if how.der {
        same("responderID", &ours.responder_id, &theirs.responder_id);
        same(
            "signatureAlgorithm",
            &ours.signature_algorithm,
            &theirs.signature_algorithm,
        );
        same("certs", &ours.certs, &theirs.certs);
    }
    same("producedAt", &ours.produced_at, &theirs.produced_at);
    same(
        "number of responses",
        &ours.responses.len(),
        &theirs.responses.len(),
    );
    for (i, (a, b)) in ours.responses.iter().zip(&theirs.responses).enumerate() {
        compare_single(i, a, b, how);
    }
    same("responseExtensions", &ours.extensions, &theirs.extensions);
    same("signature", &ours.signature, &theirs.signature);
}

fn compare_single(i: usize, ours: &SingleSummary, theirs: &SingleSummary, how: Compare) {
    let (a, b) = (&ours.cert_id, &theirs.cert_id);
    let field = |name: &str| format!("responses[{i}].{name}");
    same(
        &field("certID.hashAlgorithm"),
        &a.hash_algorithm,
        &b.hash_algorithm,
    );
    same(
        &field("certID.issuerNameHash"),
        &a.issuer_name_hash,
        &b.issuer_name_hash,
    );
    same(
        &field("certID.issuerKeyHash"),
        &a.issuer_key_hash,
        &b.issuer_key_hash,
    );
    same(&field("certID.serialNumber"), &a.serial, &b.serial);
    if how.der {
        same(&field("certID (DER)"), &a.der, &b.der);
    }
    same(&field("certStatus"), &ours.status, &theirs.status);
    same(&field("thisUpdate"), &ours.this_update, &theirs.this_update);
    same(&field("nextUpdate"), &ours.next_update, &theirs.next_update);
    same(
        &field("singleExtensions"),
        &ours.extensions,
        &theirs.extensions,
    );
}
