//! ResponseBuilder: signed responses verified by ocsp-verify, and each
//! error response.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ocsp_request::{HashAlgorithm, Nonce, PreparedIssuer, RequestBuilder, RustCryptoSigner};
use ocsp_responder::{
    error_response, CertificateStatus, Error, MemorySource, NoncePolicy, ResponseBuilder,
    ResponseSigner, SignerError, StatusQuery, StatusSource,
};
use ocsp_testkit::{Flavor, Pki, DAY, HOUR};
use ocsp_types::{
    oid, AlgorithmIdentifier, CrlReason, Extension, OcspRequest, OcspResponseRef, Request,
    ResponseStatus, TbsRequest, Time,
};
use ocsp_verify::{algorithms, Issuer, Responder, Status, Subject, UnixTime, Verifier};

fn keys(flavor: Flavor) -> (&'static [u8], &'static [u8]) {
    match flavor {
        Flavor::Rsa => (
            include_bytes!("../../ocsp-testkit/keys/ca-rsa.pk8"),
            include_bytes!("../../ocsp-testkit/keys/responder-rsa.pk8"),
        ),
        Flavor::P256 => (
            include_bytes!("../../ocsp-testkit/keys/ca-p256.pk8"),
            include_bytes!("../../ocsp-testkit/keys/responder-p256.pk8"),
        ),
        Flavor::P384 => (
            include_bytes!("../../ocsp-testkit/keys/ca-p384.pk8"),
            include_bytes!("../../ocsp-testkit/keys/responder-p384.pk8"),
        ),
        Flavor::Ed25519 => (
            include_bytes!("../../ocsp-testkit/keys/ca-ed25519.pk8"),
            include_bytes!("../../ocsp-testkit/keys/responder-ed25519.pk8"),
        ),
        other => panic!("no PKCS#8 key files for {other:?}"),
    }
}

fn signer(pkcs8: &[u8]) -> RustCryptoSigner {
    RustCryptoSigner::from_pkcs8_der(pkcs8).unwrap()
}

/// A builder signing with the CA key (`delegated == false`) or the
/// testkit's delegated responder; nextUpdate an hour after thisUpdate.
fn builder(pki: &Pki, flavor: Flavor, delegated: bool) -> ResponseBuilder<RustCryptoSigner> {
    let (ca_key, responder_key) = keys(flavor);
    let b = if delegated {
        ResponseBuilder::from_certificates_der(
            &pki.ca.cert,
            &pki.delegate.cert,
            signer(responder_key),
        )
    } else {
        ResponseBuilder::from_certificates_der(&pki.ca.cert, &pki.ca.cert, signer(ca_key))
    };
    b.unwrap().validity_seconds(Some(HOUR as u32))
}

fn leaf_id(pki: &Pki, alg: HashAlgorithm) -> ocsp_types::CertId {
    PreparedIssuer::from_certificate(&pki.ca.cert)
        .unwrap()
        .cert_id(Pki::LEAF_SERIAL, alg)
        .unwrap()
}

fn request(ids: &[ocsp_types::CertId], nonce: Option<&[u8]>) -> Vec<u8> {
    let mut b = RequestBuilder::new();
    for id in ids {
        b.cert_id(id.clone());
    }
    if let Some(n) = nonce {
        b.nonce(Nonce::new(n).unwrap());
    }
    b.build().unwrap().to_der().unwrap()
}

fn source(status: CertificateStatus) -> MemorySource {
    let mut s = MemorySource::new();
    s.insert(0, Pki::LEAF_SERIAL, status);
    s
}

fn verify<'r>(pki: &Pki, der: &'r [u8], nonce: Option<&[u8]>) -> ocsp_verify::Verdict<'r> {
    Verifier::new(algorithms::ALL)
        .verify(
            der,
            Subject::Certificate(&pki.leaf),
            Issuer::Certificate(&pki.ca.cert),
            UnixTime::since_unix_epoch(std::time::Duration::from_secs(pki.now as u64)),
            nonce,
        )
        .unwrap()
}

fn status_of(der: &[u8]) -> ResponseStatus {
    OcspResponseRef::parse(der).unwrap().status()
}

#[test]
fn good_revoked_unknown_verify_for_every_key_type_and_signer() {
    let revoked_at = Time::from_unix(1_704_067_200).unwrap();
    for flavor in [Flavor::Rsa, Flavor::P256, Flavor::P384, Flavor::Ed25519] {
        let pki = Pki::new(flavor);
        for delegated in [false, true] {
            let b = builder(&pki, flavor, delegated);
            let now = pki.at(-HOUR);
            for (recorded, expected) in [
                (CertificateStatus::Good, Status::Good),
                (
                    CertificateStatus::Revoked {
                        time: revoked_at,
                        reason: Some(CrlReason::KeyCompromise),
                    },
                    Status::Revoked {
                        time: revoked_at,
                        reason: Some(CrlReason::KeyCompromise),
                    },
                ),
                (CertificateStatus::Unknown, Status::Unknown),
            ] {
                let der = b
                    .respond_der(
                        &request(&[leaf_id(&pki, HashAlgorithm::Sha1)], None),
                        &source(recorded),
                        now,
                    )
                    .unwrap();
                let verdict = verify(&pki, &der, None);
                assert_eq!(verdict.status, expected, "{flavor:?} delegated={delegated}");
                let want = if delegated {
                    Responder::Delegated {
                        certificate: &pki.delegate.cert,
                    }
                } else {
                    Responder::Issuer
                };
                assert_eq!(verdict.responder, want);
            }
        }
    }
}

#[test]
fn a_serial_the_source_does_not_know_is_unknown() {
    let pki = Pki::new(Flavor::P256);
    let b = builder(&pki, Flavor::P256, false);
    let der = b
        .respond_der(
            &request(&[leaf_id(&pki, HashAlgorithm::Sha1)], None),
            &MemorySource::new(),
            pki.at(0),
        )
        .unwrap();
    assert_eq!(verify(&pki, &der, None).status, Status::Unknown);
}

#[test]
fn certid_matched_under_the_requests_own_hash_and_echoed_verbatim() {
    let pki = Pki::new(Flavor::P256);
    let b = builder(&pki, Flavor::P256, true);
    for alg in HashAlgorithm::ALL {
        let id = leaf_id(&pki, alg);
        let der = b
            .respond_der(
                &request(std::slice::from_ref(&id), None),
                &source(CertificateStatus::Good),
                pki.at(0),
            )
            .unwrap();
        let parsed = OcspResponseRef::parse(&der).unwrap();
        let basic = parsed.basic().unwrap();
        let single = basic.tbs_response_data().responses().iter().next().unwrap();
        assert_eq!(single.cert_id().as_der(), id.to_der().unwrap(), "{alg}");
        assert_eq!(verify(&pki, &der, None).status, Status::Good, "{alg}");
    }
}

#[test]
fn times_are_now_and_now_plus_validity() {
    let pki = Pki::new(Flavor::P256);
    let b = builder(&pki, Flavor::P256, false).validity_seconds(Some(2 * DAY as u32));
    let now = pki.at(-HOUR);
    let checked = b
        .check(
            &ocsp_types::OcspRequestRef::parse(&request(
                &[leaf_id(&pki, HashAlgorithm::Sha1)],
                None,
            ))
            .unwrap(),
        )
        .unwrap();
    let signed = b
        .sign(&checked, &source(CertificateStatus::Good), now, true)
        .unwrap();
    assert_eq!(signed.this_update, now);
    assert_eq!(signed.next_update, Some(pki.at(2 * DAY - HOUR)));
    let parsed = OcspResponseRef::parse(&signed.der).unwrap();
    let data = parsed.basic().unwrap().tbs_response_data();
    assert_eq!(data.produced_at(), now);
    let single = data.responses().iter().next().unwrap();
    assert_eq!(single.this_update(), now);
    assert_eq!(single.next_update(), Some(pki.at(2 * DAY - HOUR)));
    // Without a validity, nextUpdate is left out.
    let b = b.validity_seconds(None);
    let signed = b
        .sign(&checked, &source(CertificateStatus::Good), now, true)
        .unwrap();
    assert_eq!(signed.next_update, None);
}

#[test]
fn nonce_is_echoed_under_echo_and_left_out_under_ignore() {
    let pki = Pki::new(Flavor::P256);
    let nonce = [0x5a; 32];
    let req = request(&[leaf_id(&pki, HashAlgorithm::Sha1)], Some(&nonce));
    let b = builder(&pki, Flavor::P256, false);
    let der = b
        .respond_der(&req, &source(CertificateStatus::Good), pki.at(0))
        .unwrap();
    assert_eq!(verify(&pki, &der, Some(&nonce)).status, Status::Good);
    let b = b.nonce_policy(NoncePolicy::Ignore);
    let der = b
        .respond_der(&req, &source(CertificateStatus::Good), pki.at(0))
        .unwrap();
    let parsed = OcspResponseRef::parse(&der).unwrap();
    assert!(parsed
        .basic()
        .unwrap()
        .tbs_response_data()
        .extensions()
        .nonce()
        .is_none());
}

/// A request with this raw nonce extension value.
fn request_with_extension(pki: &Pki, ext: Extension) -> Vec<u8> {
    OcspRequest {
        tbs_request: TbsRequest {
            requestor_name: None,
            requests: vec![Request {
                cert_id: leaf_id(pki, HashAlgorithm::Sha1),
                extensions: Vec::new(),
                empty_extensions_encoded: false,
            }],
            extensions: vec![ext],
            version_encoded: false,
            empty_extensions_encoded: false,
        },
        signature: None,
    }
    .to_der()
    .unwrap()
}

fn octet_string(content: &[u8]) -> Vec<u8> {
    let mut v = vec![0x04, content.len() as u8];
    v.extend_from_slice(content);
    v
}

fn respond(b: &ResponseBuilder<RustCryptoSigner>, der: &[u8], pki: &Pki) -> Result<(), Error> {
    let parsed = ocsp_types::OcspRequestRef::parse(der).map_err(Error::MalformedRequest)?;
    b.respond(&parsed, &source(CertificateStatus::Good), pki.at(0))
        .map(|_| ())
}

#[test]
fn nonces_outside_1_to_32_octets_are_malformed_requests() {
    let pki = Pki::new(Flavor::P256);
    let b = builder(&pki, Flavor::P256, false);
    for len in [0usize, 33, 64] {
        let ext = Extension {
            oid: oid::OCSP_NONCE,
            critical: false,
            value: octet_string(&vec![7; len]),
        };
        let req = request_with_extension(&pki, ext);
        let err = respond(&b, &req, &pki).unwrap_err();
        assert!(
            matches!(err, Error::InvalidNonce { len: l } if l == len),
            "{len}: {err}"
        );
        assert_eq!(err.response_status(), ResponseStatus::MalformedRequest);
        let der = b
            .respond_der(&req, &source(CertificateStatus::Good), pki.at(0))
            .unwrap();
        assert_eq!(status_of(&der), ResponseStatus::MalformedRequest);
    }
    // Under Ignore too (RFC 8954 2.1 is a MUST for servers).
    let b = b.nonce_policy(NoncePolicy::Ignore);
    let ext = Extension {
        oid: oid::OCSP_NONCE,
        critical: false,
        value: octet_string(&[7; 33]),
    };
    let err = respond(&b, &request_with_extension(&pki, ext), &pki).unwrap_err();
    assert!(matches!(err, Error::InvalidNonce { len: 33 }));
}

#[test]
fn a_raw_nonce_of_an_rfc_2560_client_is_echoed_as_sent() {
    let pki = Pki::new(Flavor::P256);
    let b = builder(&pki, Flavor::P256, false);
    let ext = Extension {
        oid: oid::OCSP_NONCE,
        critical: false,
        value: vec![0x11; 16],
    };
    let der = b
        .respond_der(
            &request_with_extension(&pki, ext),
            &source(CertificateStatus::Good),
            pki.at(0),
        )
        .unwrap();
    let parsed = OcspResponseRef::parse(&der).unwrap();
    let exts = parsed.basic().unwrap().tbs_response_data().extensions();
    assert_eq!(exts.get(&oid::OCSP_NONCE).unwrap().value(), [0x11; 16]);
}

#[test]
fn unknown_critical_extensions_are_malformed_requests_and_non_critical_ones_ignored() {
    let pki = Pki::new(Flavor::P256);
    let b = builder(&pki, Flavor::P256, false);
    let other = ocsp_types::ObjectIdentifier::new_unwrap("1.2.3.4");
    let critical = Extension {
        oid: other,
        critical: true,
        value: vec![0x05, 0x00],
    };
    let err = respond(&b, &request_with_extension(&pki, critical), &pki).unwrap_err();
    assert!(
        matches!(&err, Error::UnsupportedCriticalExtension(o) if o == "1.2.3.4"),
        "{err}"
    );
    let plain = Extension {
        oid: other,
        critical: false,
        value: vec![0x05, 0x00],
    };
    respond(&b, &request_with_extension(&pki, plain), &pki).unwrap();
}

#[test]
fn an_issuer_it_does_not_serve_is_unauthorized() {
    let pki = Pki::new(Flavor::P256);
    let b = builder(&pki, Flavor::P256, false);
    // The other CA has the same subject Name but its own key.
    let foreign = PreparedIssuer::from_certificate(&pki.other_ca.cert)
        .unwrap()
        .cert_id(Pki::LEAF_SERIAL, HashAlgorithm::Sha1)
        .unwrap();
    let req = request(&[leaf_id(&pki, HashAlgorithm::Sha1), foreign], None);
    let err = respond(&b, &req, &pki).unwrap_err();
    assert!(matches!(err, Error::UnservedIssuer));
    let der = b
        .respond_der(&req, &source(CertificateStatus::Good), pki.at(0))
        .unwrap();
    assert_eq!(status_of(&der), ResponseStatus::Unauthorized);
    // A hash algorithm it cannot compute cannot name a served issuer.
    let mut md5 = leaf_id(&pki, HashAlgorithm::Sha1);
    md5.hash_algorithm = AlgorithmIdentifier::with_null_parameters(
        ocsp_types::ObjectIdentifier::new_unwrap("1.2.840.113549.2.5"),
    );
    let err = respond(&b, &request(&[md5], None), &pki).unwrap_err();
    assert!(matches!(err, Error::UnservedIssuer));
}

#[test]
fn several_issuers_and_several_certids() {
    let pki = Pki::new(Flavor::P256);
    let other = PreparedIssuer::from_certificate(&pki.other_ca.cert).unwrap();
    let b = builder(&pki, Flavor::P256, false).add_issuer(&other);
    let foreign = other
        .cert_id(Pki::LEAF_SERIAL, HashAlgorithm::Sha256)
        .unwrap();
    let mut s = source(CertificateStatus::Good);
    s.insert(1, Pki::LEAF_SERIAL, CertificateStatus::Unknown);
    let parsed_req = request(&[leaf_id(&pki, HashAlgorithm::Sha1), foreign], None);
    let checked = b
        .check(&ocsp_types::OcspRequestRef::parse(&parsed_req).unwrap())
        .unwrap();
    assert_eq!(
        checked.cert_ids().map(|(i, _)| i).collect::<Vec<_>>(),
        [0, 1]
    );
    let signed = b.sign(&checked, &s, pki.at(0), true).unwrap();
    let parsed = OcspResponseRef::parse(&signed.der).unwrap();
    let names: Vec<_> = parsed
        .basic()
        .unwrap()
        .tbs_response_data()
        .responses()
        .iter()
        .map(|s| s.cert_status().name())
        .collect();
    assert_eq!(names, ["good", "unknown"]);
}

#[test]
fn garbage_and_empty_request_lists_are_malformed_requests() {
    let pki = Pki::new(Flavor::P256);
    let b = builder(&pki, Flavor::P256, false);
    for garbage in [
        &b""[..],
        b"\x30\x00",
        b"GET / HTTP/1.1\r\n",
        b"\x30\x04\x30\x02\x30\x00",
    ] {
        let der = b
            .respond_der(garbage, &source(CertificateStatus::Good), pki.at(0))
            .unwrap();
        assert_eq!(
            status_of(&der),
            ResponseStatus::MalformedRequest,
            "{garbage:02x?}"
        );
    }
}

struct Unavailable;
impl StatusSource for Unavailable {
    fn status(&self, _: &StatusQuery<'_>) -> Result<CertificateStatus, Error> {
        Err(Error::SourceUnavailable("database restarting".into()))
    }
}

struct Broken;
impl ResponseSigner for Broken {
    fn algorithm(&self) -> AlgorithmIdentifier {
        AlgorithmIdentifier::without_parameters(oid::SHA256)
    }
    fn sign(&self, _: &[u8]) -> Result<Vec<u8>, SignerError> {
        Err(SignerError::new("HSM offline"))
    }
}

#[test]
fn source_and_signer_failures_are_try_later_and_internal_error() {
    let pki = Pki::new(Flavor::P256);
    let req = request(&[leaf_id(&pki, HashAlgorithm::Sha1)], None);
    let b = builder(&pki, Flavor::P256, false);
    let der = b.respond_der(&req, &Unavailable, pki.at(0)).unwrap();
    assert_eq!(status_of(&der), ResponseStatus::TryLater);
    let broken =
        ResponseBuilder::from_certificates_der(&pki.ca.cert, &pki.ca.cert, Broken).unwrap();
    let parsed = ocsp_types::OcspRequestRef::parse(&req).unwrap();
    let err = broken
        .respond(&parsed, &source(CertificateStatus::Good), pki.at(0))
        .unwrap_err();
    assert!(matches!(err, Error::Signing(_)));
    let der = broken
        .respond_der(&req, &source(CertificateStatus::Good), pki.at(0))
        .unwrap();
    assert_eq!(status_of(&der), ResponseStatus::InternalError);
    assert_eq!(
        status_of(&error_response(ResponseStatus::TryLater).unwrap()),
        ResponseStatus::TryLater
    );
}

#[test]
fn a_signer_certificate_that_is_not_a_delegate_is_refused() {
    let pki = Pki::new(Flavor::P256);
    let (_, responder_key) = keys(Flavor::P256);
    // The leaf: issued by the CA, but without id-kp-OCSPSigning.
    let err =
        ResponseBuilder::from_certificates_der(&pki.ca.cert, &pki.leaf, signer(responder_key))
            .unwrap_err();
    assert!(matches!(err, Error::SignerNotAuthorized(_)), "{err}");
    // A delegate of another CA (different issuer Name).
    let mut spec = pki.delegate_spec();
    spec.subject = ocsp_testkit::der::name("Rogue");
    let rogue_ca_name = ocsp_testkit::der::name("Some other CA");
    let rogue = spec.issue(&pki.delegate.key, &rogue_ca_name, &pki.other_ca.key);
    let err = ResponseBuilder::from_certificates_der(&pki.ca.cert, &rogue, signer(responder_key))
        .unwrap_err();
    assert!(matches!(err, Error::SignerNotAuthorized(_)), "{err}");
    let err = ResponseBuilder::from_certificates_der(b"junk", &pki.ca.cert, signer(responder_key))
        .unwrap_err();
    assert!(matches!(err, Error::InvalidCertificate(_)), "{err}");
}

#[test]
fn by_name_and_x509_cert_certificates() {
    use der::Decode as _;
    let pki = Pki::new(Flavor::P384);
    let (ca_key, _) = keys(Flavor::P384);
    // (The testkit's delegate certificate does not survive x509-cert's
    // re-encoding byte for byte; the CA certificate does.)
    let ca = x509_cert::Certificate::from_der(&pki.ca.cert).unwrap();
    let b = ResponseBuilder::from_certificates(&ca, &ca, signer(ca_key))
        .unwrap()
        .responder_id_by_name()
        .validity_seconds(Some(60));
    let der = b
        .respond_der(
            &request(&[leaf_id(&pki, HashAlgorithm::Sha1)], None),
            &source(CertificateStatus::Good),
            pki.at(0),
        )
        .unwrap();
    let parsed = OcspResponseRef::parse(&der).unwrap();
    assert!(matches!(
        parsed.basic().unwrap().tbs_response_data().responder_id(),
        ocsp_types::ResponderIdRef::ByName(_)
    ));
    assert_eq!(verify(&pki, &der, None).status, Status::Good);
}
