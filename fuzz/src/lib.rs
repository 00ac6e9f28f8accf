//! Checks shared by the fuzz targets.
//!
//! Each `check_*` parses its input; when the parse succeeds it walks every
//! accessor (the lazy iterators must yield exactly `len()` items, the typed
//! extension accessors must not panic on any value), formats everything with
//! `Display`/`Debug`, and checks the crate's promise that decode-then-encode
//! gives back the input byte for byte. Any failed check panics, which
//! libFuzzer reports as a crash.
//!
//! `unsafe` is denied everywhere but in `openssl_view`, the FFI to OpenSSL
//! that the differential target compares ocsp-types with.

#![deny(unsafe_code)]

use std::fmt::Write as _;

use ocsp_types::ocsp_extensions::{CrlIdRef, ServiceLocatorRef};
use ocsp_types::{
    oid, AlgorithmIdentifierRef, BasicOcspResponse, BasicResponseRef, CertId, CertIdRef,
    CertStatus, EmbeddedCertificatesRef, Error, ExtensionRef, ExtensionsRef, GeneralNameRef,
    NameRef, OcspRequest, OcspRequestRef, OcspResponse, OcspResponseRef, Oid, ResponderIdRef, Time,
};
use ocsp_types::{CertificateRef, SubjectPublicKeyInfoRef};

/// A sink for formatting; its length is observed so the work is not elided.
fn sink() -> String {
    String::with_capacity(256)
}

/// Exercises the `Error` accessors and its `Display` text.
fn walk_error(e: &Error) {
    let mut s = sink();
    let _ = write!(s, "{e} {e:?} {}", e.kind());
    if let Some(p) = e.position() {
        let _ = write!(s, "{p}");
    }
    assert!(!s.is_empty());
}

/// What `to_owned` may refuse for a parsed message: an OID longer than
/// `ObjectIdentifier` holds. Anything else is a bug.
fn owned_refusal_ok(e: &Error) -> bool {
    matches!(e, Error::OidTooLong)
}

fn walk_oid(o: Oid<'_>) {
    let mut s = sink();
    let _ = write!(s, "{o} {o:?}");
    assert_eq!(
        Oid::from_contents(o.as_bytes()),
        Some(o),
        "a parsed OID must re-validate"
    );
    if let Some(owned) = o.to_object_identifier() {
        assert_eq!(owned.as_bytes(), o.as_bytes());
        assert!(o == owned);
    }
}

fn walk_time(t: Time) {
    let mut s = sink();
    let _ = write!(s, "{t} {t:?}");
    assert_eq!(
        s.find('Z'),
        Some(19),
        "RFC 3339 form YYYY-MM-DDTHH:MM:SSZ: {s}"
    );
    assert_eq!(Time::from_unix(t.unix_timestamp()), Some(t));
    let (y, mo, d, h, mi, sec) = t.to_civil();
    assert_eq!(Time::from_civil(y, mo, d, h, mi, sec), Some(t));
}

fn walk_algorithm(a: AlgorithmIdentifierRef<'_>) {
    walk_oid(a.oid());
    let _ = a.parameters_absent_or_null();
    let _ = a.contents();
    if let Some(p) = a.parameters() {
        assert!(!p.is_empty());
    }
    if let Ok(owned) = a.to_owned() {
        assert_eq!(owned.oid.as_bytes(), a.oid().as_bytes());
        assert_eq!(owned.parameters.as_deref(), a.parameters());
    }
}

fn walk_name(n: NameRef<'_>) {
    let der = n.as_der();
    assert_eq!(
        NameRef::parse(der).ok(),
        Some(n),
        "a parsed Name must re-parse"
    );
}

fn walk_general_name(g: GeneralNameRef<'_>) {
    assert!(g.choice() <= 8);
    let _ = (g.value(), g.as_der(), g.as_str());
    if let Some(n) = g.directory_name() {
        walk_name(n);
    }
    assert_eq!(g.to_owned().0.as_slice(), g.as_der());
}

fn walk_cert_id(id: CertIdRef<'_>) {
    walk_algorithm(id.hash_algorithm());
    let _ = (id.issuer_name_hash(), id.issuer_key_hash());
    assert!(!id.serial_number().is_empty());
    assert_eq!(CertIdRef::parse(id.as_der()).ok(), Some(id));
    match id.to_owned() {
        Ok(owned) => match owned.to_der() {
            Ok(der) => assert_eq!(der.as_slice(), id.as_der(), "CertID re-encoding differs"),
            Err(e) => panic!("owned CertID does not encode: {e:?}"),
        },
        Err(e) => assert!(owned_refusal_ok(&e), "CertID to_owned: {e:?}"),
    }
}

fn walk_certs(certs: EmbeddedCertificatesRef<'_>) {
    let _ = certs.is_present();
    let mut n = 0usize;
    for c in certs.iter() {
        assert!(!c.is_empty());
        // The outer shape was checked; the strict X.509 view may still refuse.
        check_certificate(c);
        n += 1;
    }
    assert_eq!(n, certs.len(), "certificate iterator and len() disagree");
    assert_eq!(certs.is_empty(), n == 0);
    match certs.to_owned() {
        Some(list) => {
            assert!(certs.is_present());
            assert_eq!(list.len(), n);
        }
        None => assert!(!certs.is_present()),
    }
}

/// Calls every typed accessor on an extension, whatever its OID: they must
/// answer `Ok` or `Err`, never panic.
fn walk_extension(ext: ExtensionRef<'_>) {
    walk_oid(ext.oid());
    let _ = ext.is_critical();
    let value = ext.value();
    let nonce = ext.nonce();
    assert!(nonce.len() <= value.len());
    assert_eq!(ocsp_types::ocsp_extensions::nonce_value(value), nonce);

    let mut s = sink();
    match ext.crl_id() {
        Ok(CrlIdRef { url, number, time }) => {
            let _ = write!(s, "{url:?} {number:?}");
            if let Some(t) = time {
                walk_time(t);
            }
        }
        Err(e) => walk_error(&e),
    }
    match ext.acceptable_responses() {
        Ok(types) => {
            for o in types {
                walk_oid(o);
            }
        }
        Err(e) => walk_error(&e),
    }
    match ext.archive_cutoff() {
        Ok(t) => walk_time(t),
        Err(e) => walk_error(&e),
    }
    match ext.service_locator() {
        Ok(ServiceLocatorRef { issuer, locator }) => {
            walk_name(issuer);
            let _ = locator;
        }
        Err(e) => walk_error(&e),
    }
    match ext.preferred_signature_algorithms() {
        Ok(algs) => {
            for a in algs {
                walk_algorithm(a.sig_identifier);
                if let Some(c) = a.cert_identifier {
                    walk_algorithm(c);
                }
            }
        }
        Err(e) => walk_error(&e),
    }
    match ext.null_value() {
        Ok(()) => assert_eq!(value, [0x05, 0x00]),
        Err(e) => walk_error(&e),
    }
    match ext.sct_list() {
        Ok(list) => assert!(list.len() < value.len()),
        Err(e) => walk_error(&e),
    }
    if let Ok(owned) = ext.to_owned() {
        assert_eq!(owned.oid.as_bytes(), ext.oid().as_bytes());
        assert_eq!(owned.critical, ext.is_critical());
        assert_eq!(owned.value.as_slice(), value);
    }
}

fn walk_extensions(exts: ExtensionsRef<'_>) {
    let mut n = 0usize;
    // Certificates may repeat an extension nobody reads (rustls-webpki's
    // rule, `DeviationKind::DuplicateUnusedExtension`); `get()` answers the
    // first instance of an OID.
    let mut earlier = Vec::new();
    for ext in exts.iter() {
        walk_extension(ext);
        if let Some(owned) = ext.oid().to_object_identifier() {
            let found = exts.get(&owned);
            if earlier
                .iter()
                .any(|e: &ExtensionRef<'_>| e.oid() == ext.oid())
            {
                assert!(
                    found.is_some_and(|f| earlier.contains(&f)),
                    "get() must find the first instance of a repeated extension"
                );
            } else {
                assert_eq!(found, Some(ext), "get() must find each extension");
            }
        }
        earlier.push(ext);
        n += 1;
    }
    assert_eq!(n, exts.len(), "extension iterator and len() disagree");
    assert_eq!(exts.is_empty(), n == 0);
    assert_eq!(exts.nonce(), exts.get(&oid::OCSP_NONCE).map(|e| e.nonce()));
    for known in [
        oid::OCSP_NONCE,
        oid::OCSP_CRL,
        oid::OCSP_RESPONSE,
        oid::OCSP_NOCHECK,
        oid::OCSP_ARCHIVE_CUTOFF,
        oid::OCSP_SERVICE_LOCATOR,
        oid::OCSP_PREF_SIG_ALGS,
        oid::OCSP_EXTENDED_REVOKE,
        oid::CT_SCT_LIST,
    ] {
        if let Some(e) = exts.get(&known) {
            assert!(e.oid() == known);
        }
    }
}

fn walk_basic(basic: &BasicResponseRef<'_>) {
    let tbs = basic.tbs_response_data();
    match tbs.responder_id() {
        ResponderIdRef::ByName(n) => walk_name(n),
        ResponderIdRef::ByKey(k) => {
            let _ = k.len();
        }
    }
    walk_time(tbs.produced_at());
    let responses = tbs.responses();
    let mut n = 0usize;
    for single in responses.iter() {
        walk_cert_id(single.cert_id());
        let status = single.cert_status();
        let mut s = sink();
        let _ = write!(s, "{} {status:?}", status.name());
        if let CertStatus::Revoked(info) = status {
            walk_time(info.revocation_time);
            if let Some(reason) = info.revocation_reason {
                let _ = write!(s, "{reason} {}", reason.value());
                assert_eq!(
                    ocsp_types::CrlReason::from_value(u64::from(reason.value())),
                    Some(reason)
                );
            }
        }
        walk_time(single.this_update());
        if let Some(t) = single.next_update() {
            walk_time(t);
        }
        walk_extensions(single.extensions());
        n += 1;
    }
    assert_eq!(
        n,
        responses.len(),
        "single-response iterator and len() disagree"
    );
    assert_eq!(responses.is_empty(), n == 0);
    walk_extensions(tbs.extensions());
    walk_algorithm(basic.signature_algorithm());
    let _ = basic.signature();
    walk_certs(basic.certs());

    // tbsResponseData is kept as received, and its owned form re-encodes to it.
    let raw = basic.as_der();
    let tbs_raw = tbs.as_der();
    assert!(tbs_raw.len() < raw.len());
    match tbs.to_owned() {
        Ok(owned) => match owned.to_der() {
            Ok(der) => assert_eq!(der.as_slice(), tbs_raw, "ResponseData re-encoding differs"),
            Err(e) => panic!("owned ResponseData does not encode: {e:?}"),
        },
        Err(e) => assert!(owned_refusal_ok(&e), "ResponseData to_owned: {e:?}"),
    }
}

/// `OcspResponseRef::parse`, the walk, and the owned round trip.
pub fn check_response(data: &[u8]) {
    let response = match OcspResponseRef::parse(data) {
        Ok(r) => r,
        Err(e) => {
            walk_error(&e);
            assert!(OcspResponse::from_der(data).is_err());
            return;
        }
    };
    let status = response.status();
    assert_eq!(
        ocsp_types::ResponseStatus::from_value(u64::from(status.value())),
        Some(status)
    );
    let mut s = sink();
    let _ = write!(s, "{status} {}", status.name());
    assert_eq!(
        response.basic().is_some(),
        status == ocsp_types::ResponseStatus::Successful
    );
    if let Some(basic) = response.basic() {
        walk_basic(basic);
        // (Views record input offsets, so compare what they hold, not the views.)
        let again = BasicResponseRef::parse(basic.as_der()).ok();
        assert_eq!(again.map(|b| b.as_der()), Some(basic.as_der()));
        assert_eq!(
            again.map(|b| b.tbs_response_data().as_der()),
            Some(basic.tbs_response_data().as_der())
        );
    }

    match response.to_owned() {
        Ok(owned) => {
            let der = match owned.to_der() {
                Ok(der) => der,
                Err(e) => panic!("owned response does not encode: {e:?}"),
            };
            assert_eq!(
                der.as_slice(),
                data,
                "decode-then-encode is not byte-identical"
            );
            assert_eq!(OcspResponse::from_der(data).ok(), Some(owned));
        }
        Err(e) => {
            assert!(owned_refusal_ok(&e), "response to_owned: {e:?}");
            assert!(OcspResponse::from_der(data).is_err());
        }
    }
}

/// `BasicResponseRef::parse`, the walk, and the owned round trip.
pub fn check_basic_response(data: &[u8]) {
    let basic = match BasicResponseRef::parse(data) {
        Ok(b) => b,
        Err(e) => {
            walk_error(&e);
            return;
        }
    };
    assert_eq!(basic.as_der(), data);
    walk_basic(&basic);
    match basic.to_owned() {
        Ok(owned) => {
            let der = match owned.to_der() {
                Ok(der) => der,
                Err(e) => panic!("owned basic response does not encode: {e:?}"),
            };
            assert_eq!(
                der.as_slice(),
                data,
                "basic decode-then-encode is not byte-identical"
            );
            assert_eq!(BasicOcspResponse::from_der(data).ok(), Some(owned));
        }
        Err(e) => assert!(owned_refusal_ok(&e), "basic to_owned: {e:?}"),
    }
}

/// `OcspRequestRef::parse`, the walk, and the owned round trip.
pub fn check_request(data: &[u8]) {
    let request = match OcspRequestRef::parse(data) {
        Ok(r) => r,
        Err(e) => {
            walk_error(&e);
            assert!(OcspRequest::from_der(data).is_err());
            return;
        }
    };
    let tbs = request.tbs_request();
    if let Some(name) = tbs.requestor_name() {
        walk_general_name(name);
    }
    let requests = tbs.requests();
    let mut n = 0usize;
    for r in requests.iter() {
        walk_cert_id(r.cert_id());
        walk_extensions(r.extensions());
        n += 1;
    }
    assert_eq!(n, requests.len(), "request iterator and len() disagree");
    assert_eq!(requests.is_empty(), n == 0);
    walk_extensions(tbs.extensions());
    if let Some(sig) = request.signature() {
        walk_algorithm(sig.algorithm());
        let _ = sig.signature();
        walk_certs(sig.certs());
    }

    let tbs_raw = tbs.as_der();
    assert!(tbs_raw.len() < data.len());
    match tbs.to_owned() {
        Ok(owned) => match owned.to_der() {
            Ok(der) => assert_eq!(der.as_slice(), tbs_raw, "TBSRequest re-encoding differs"),
            Err(e) => panic!("owned TBSRequest does not encode: {e:?}"),
        },
        Err(e) => assert!(owned_refusal_ok(&e), "TBSRequest to_owned: {e:?}"),
    }

    match request.to_owned() {
        Ok(owned) => {
            let der = match owned.to_der() {
                Ok(der) => der,
                Err(e) => panic!("owned request does not encode: {e:?}"),
            };
            assert_eq!(
                der.as_slice(),
                data,
                "decode-then-encode is not byte-identical"
            );
            assert_eq!(OcspRequest::from_der(data).ok(), Some(owned));
        }
        Err(e) => {
            assert!(owned_refusal_ok(&e), "request to_owned: {e:?}");
            assert!(OcspRequest::from_der(data).is_err());
        }
    }
}

/// `CertIdRef::parse` and the owned round trip.
pub fn check_cert_id(data: &[u8]) {
    match CertIdRef::parse(data) {
        Ok(id) => {
            assert_eq!(id.as_der(), data);
            walk_cert_id(id);
            if let Ok(owned) = CertId::from_der(data) {
                assert_eq!(owned.to_der().ok().as_deref(), Some(data));
            }
        }
        Err(e) => walk_error(&e),
    }
}

/// `NameRef::parse`.
pub fn check_name(data: &[u8]) {
    match NameRef::parse(data) {
        Ok(n) => {
            assert_eq!(n.as_der(), data);
            walk_name(n);
        }
        Err(e) => walk_error(&e),
    }
}

/// `CertificateRef::parse` (the strict X.509 view) and every accessor.
pub fn check_certificate(data: &[u8]) {
    let cert = match CertificateRef::parse(data) {
        Ok(c) => c,
        Err(e) => {
            walk_error(&e);
            return;
        }
    };
    assert_eq!(cert.as_der(), data);
    assert!(cert.tbs_der().len() < data.len());
    walk_algorithm(cert.signature_algorithm());
    let _ = cert.signature();
    assert!((1..=3).contains(&cert.version()));
    assert!(!cert.serial_number().is_empty());
    walk_name(cert.issuer());
    walk_name(cert.subject());
    walk_time(cert.not_before());
    walk_time(cert.not_after());
    let spki = cert.subject_public_key_info();
    walk_algorithm(spki.algorithm());
    let _ = spki.subject_public_key();
    assert_eq!(
        SubjectPublicKeyInfoRef::parse(spki.as_der())
            .map(|k| k.as_der())
            .ok(),
        Some(spki.as_der())
    );
    let exts = cert.extensions();
    if cert.version() < 3 {
        assert!(exts.is_empty(), "extensions need v3");
    }
    walk_extensions(exts);
    match cert.key_usage() {
        Ok(Some(ku)) => {
            let _ = (ku.digital_signature(), ku.key_cert_sign());
            for bit in 0..=10 {
                let _ = ku.bit(bit);
            }
            assert!(!ku.bit(9) && !ku.bit(10));
        }
        Ok(None) => assert!(exts.get(&ocsp_types::x509::KEY_USAGE).is_none()),
        Err(e) => walk_error(&e),
    }
    match cert.extended_key_usage_contains(&oid::KP_OCSP_SIGNING) {
        Ok(Some(_)) => {}
        Ok(None) => assert!(exts.get(&ocsp_types::x509::EXT_KEY_USAGE).is_none()),
        Err(e) => walk_error(&e),
    }
    assert_eq!(
        cert.has_ocsp_nocheck(),
        exts.get(&oid::OCSP_NOCHECK).is_some()
    );
    match cert.ocsp_responder_urls() {
        // Validated in full: every URL is IA5 (ASCII) text.
        Ok(Some(urls)) => urls.for_each(|url| assert!(url.is_ascii())),
        Ok(None) => assert!(exts.get(&ocsp_types::x509::AUTHORITY_INFO_ACCESS).is_none()),
        Err(e) => walk_error(&e),
    }
    match cert.tls_features() {
        Ok(Some(features)) => {
            let _ = features.status_request();
            features.for_each(|f| assert!(f.first().is_none_or(|b| b & 0x80 == 0)));
        }
        Ok(None) => assert!(exts.get(&ocsp_types::x509::TLS_FEATURE).is_none()),
        Err(e) => walk_error(&e),
    }
}

/// `ocsp_request::decode_get_url` on any text: never panics, honours its
/// length limit, and whatever it returns is a DER `OCSPRequest` that
/// `encode_get_url` carries back to the same bytes.
pub fn check_get_url(text: &str) {
    match ocsp_request::decode_get_url(text) {
        Ok(der) => {
            assert!(text.len() <= ocsp_request::MAX_DECODED_GET_URL_LEN);
            assert!(
                OcspRequestRef::parse(&der).is_ok(),
                "decode_get_url returned bytes that are not an OCSPRequest"
            );
            if let Err(e) = OcspRequest::from_der(&der) {
                assert!(owned_refusal_ok(&e), "from_der of a decoded GET URL: {e:?}");
            }
            check_request(&der);
            let url = ocsp_request::encode_get_url("http://ocsp.example/p", &der);
            // The re-encoded URL is longer than the limit for large requests.
            if url.len() <= ocsp_request::MAX_DECODED_GET_URL_LEN {
                assert_eq!(
                    ocsp_request::decode_get_url(&url).ok().as_deref(),
                    Some(der.as_slice()),
                    "encode_get_url then decode_get_url lost the request"
                );
            }
        }
        Err(e) => {
            let mut s = sink();
            let _ = write!(s, "{e} {e:?}");
            assert!(!s.is_empty());
        }
    }
}

/// The CLI's input decoding, compiled from its source (the CLI is a binary
/// crate): the format detection of `ocsp inspect` / `ocsp verify`, a file
/// with no file access and no CLI types.
#[allow(dead_code, unreachable_pub, missing_docs)]
#[path = "../../crates/ocsp-cli/src/input/decode.rs"]
mod cli_input;

/// `decode_message` and `decode_certificates` of the CLI on any bytes: never
/// panic; what they return is fed to the response, request and certificate
/// checks (as the CLI would feed it to the parsers).
pub fn check_cli_input(data: &[u8]) {
    match cli_input::decode_message(data) {
        Ok(der) => {
            check_response(&der);
            check_request(&der);
        }
        Err(e) => {
            let mut s = sink();
            let _ = write!(s, "{e} {e:?} {}", e.kind());
            assert!(!s.is_empty());
        }
    }
    match cli_input::decode_certificates(data) {
        Ok(certs) => {
            assert!(!certs.is_empty());
            for c in certs.iter().take(4) {
                check_certificate(c);
            }
        }
        Err(e) => {
            let mut s = sink();
            let _ = write!(s, "{e} {}", e.kind());
            assert!(!s.is_empty());
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = cli_input::decode_base64(text);
        for b in cli_input::pem_blocks(text).into_iter().take(8).flatten() {
            let _ = (b.label, b.body().len(), b.decode());
        }
    }
}

/// The Wikipedia 2017 seed's issuer, serial, nonce and a time it is good at.
const VERIFY_ISSUER_NAME: &[u8] =
    include_bytes!("../../crates/ocsp-verify/tests/data/seed-issuer-name.der");
const VERIFY_ISSUER_SPKI: &[u8] =
    include_bytes!("../../crates/ocsp-verify/tests/data/seed-issuer-spki.der");
const VERIFY_SERIAL: &[u8] = &[
    0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6,
];
const VERIFY_NONCE: &[u8] = &[
    0xf8, 0x68, 0x3d, 0x2c, 0x1f, 0xea, 0x62, 0xff, 0xcc, 0xa1, 0x88, 0x9e, 0x51, 0xef, 0xc9, 0x05,
];
/// 2017-08-15T00:00:00Z
const VERIFY_TIME: u64 = 1_502_755_200;

/// Full verification of `data` as a response about the fixed serial of the
/// fixed issuer at the fixed time, with no nonce and with the seed's nonce:
/// never panics; an `Ok` verdict is about a response that parses, for that
/// serial, with times that make sense.
pub fn check_verify(data: &[u8]) {
    use ocsp_verify::{algorithms, Issuer, Subject, UnixTime, Verifier};
    let verifier = Verifier::new(algorithms::ALL);
    let time = UnixTime::since_unix_epoch(core::time::Duration::from_secs(VERIFY_TIME));
    for nonce in [None, Some(VERIFY_NONCE)] {
        let issuer = Issuer::NameAndKey {
            subject: VERIFY_ISSUER_NAME,
            spki: VERIFY_ISSUER_SPKI,
        };
        match verifier.verify(data, Subject::Serial(VERIFY_SERIAL), issuer, time, nonce) {
            Ok(v) => {
                assert!(
                    OcspResponseRef::parse(data).is_ok(),
                    "verified but does not parse"
                );
                assert_eq!(v.cert_id.serial_number(), VERIFY_SERIAL);
                let mut s = sink();
                let _ = write!(s, "{:?} {:?} {:?}", v.status, v.responder, v.valid_until);
                assert!(!s.is_empty());
            }
            Err(e) => {
                let mut s = sink();
                let _ = write!(s, "{e} {e:?}");
                assert!(!s.is_empty());
            }
        }
    }
}

pub mod owned;

/// The differential target's check: ocsp-types against OpenSSL.
pub mod differential;

/// OpenSSL's reading of a response (FFI, the crate's only `unsafe`).
mod openssl_view;

/// The differential check of `differential`: see `differential::check`.
pub fn check_differential(data: &[u8]) {
    differential::check(data);
}
