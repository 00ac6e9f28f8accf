//! Every error path, each with its exact variant.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ocsp_request::{
    cert_id_for_certificate, cert_id_for_serial, decode_get_url, responder_url, responder_urls,
    CertIdMatcher, Error, GetUrlError, HashAlgorithm, Nonce, PreparedIssuer, RequestBuilder,
    RequestSigner, SignerError, MAX_DECODED_GET_URL_LEN,
};
use ocsp_types::{
    AlgorithmIdentifier, CertId, CertIdRef, Extension, GeneralName, ObjectIdentifier,
};

const CA: &[u8] = include_bytes!("data/test-ca.der");
const LEAF: &[u8] = include_bytes!("data/leaf-aia-ocsp.der");
const LEAF_CA_ISSUERS_ONLY: &[u8] = include_bytes!("data/leaf-aia-ca-issuers-only.der");
const NAME: &[u8] = include_bytes!("data/wikipedia-issuer-name.der");
const SPKI: &[u8] = include_bytes!("data/wikipedia-issuer-spki.der");

fn some_cert_id() -> CertId {
    cert_id_for_certificate(LEAF, CA, HashAlgorithm::Sha1).unwrap()
}

// ---- Authority Information Access ----

#[test]
fn aia_ok() {
    assert_eq!(responder_url(LEAF).unwrap(), "http://ocsp.example.com/");
}

#[test]
fn certificate_without_aia() {
    assert_eq!(responder_url(CA), Err(Error::NoAuthorityInfoAccess));
    assert_eq!(responder_urls(CA), Err(Error::NoAuthorityInfoAccess));
}

#[test]
fn aia_without_ocsp_entry() {
    assert_eq!(
        responder_url(LEAF_CA_ISSUERS_ONLY),
        Err(Error::NoOcspResponder)
    );
}

#[test]
fn aia_that_does_not_decode() {
    // id-pe-authorityInfoAccess, then the extnValue OCTET STRING: turn the
    // SEQUENCE inside into a SET.
    let oid = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01];
    let at = LEAF.windows(oid.len()).position(|w| w == oid).unwrap() + oid.len();
    let mut cert = LEAF.to_vec();
    assert_eq!(cert[at], 0x04);
    assert_eq!(cert[at + 2], 0x30);
    cert[at + 2] = 0x31;
    assert!(matches!(
        responder_url(&cert),
        Err(Error::InvalidAuthorityInfoAccess(_))
    ));
}

#[test]
fn garbage_certificates() {
    assert!(matches!(
        responder_url(b"\x30\x00"),
        Err(Error::InvalidCertificate(_))
    ));
    assert!(matches!(
        cert_id_for_certificate(b"nope", CA, HashAlgorithm::Sha1),
        Err(Error::InvalidCertificate(_))
    ));
    assert!(matches!(
        cert_id_for_certificate(LEAF, b"nope", HashAlgorithm::Sha1),
        Err(Error::InvalidIssuerCertificate(_))
    ));
    assert!(matches!(
        PreparedIssuer::from_certificate(&LEAF[..LEAF.len() - 1]),
        Err(Error::InvalidIssuerCertificate(_))
    ));
    let mut trailing = LEAF.to_vec();
    trailing.push(0);
    assert!(matches!(
        cert_id_for_certificate(&trailing, CA, HashAlgorithm::Sha1),
        Err(Error::InvalidCertificate(_))
    ));
}

#[test]
fn wrong_issuer() {
    assert_eq!(
        cert_id_for_certificate(LEAF, LEAF_CA_ISSUERS_ONLY, HashAlgorithm::Sha1),
        Err(Error::IssuerMismatch)
    );
    assert_eq!(
        CertIdMatcher::from_certificates(CA, LEAF),
        Err(Error::IssuerMismatch)
    );
}

// ---- issuer parts and serials ----

#[test]
fn invalid_issuer_parts() {
    assert!(matches!(
        cert_id_for_serial(&[1], b"\x30\x03\x31\x00", SPKI, HashAlgorithm::Sha1),
        Err(Error::InvalidIssuerName(
            ocsp_types::Error::Truncated { .. }
        ))
    ));
    assert!(matches!(
        cert_id_for_serial(&[1], b"\x30\x02\x31\x00", SPKI, HashAlgorithm::Sha1),
        Err(Error::InvalidIssuerName(
            ocsp_types::Error::InvalidName { .. }
        ))
    ));
    assert!(matches!(
        cert_id_for_serial(&[1], NAME, b"\x30\x00", HashAlgorithm::Sha1),
        Err(Error::InvalidIssuerKey(_))
    ));
    // A Name where the key should be.
    assert!(matches!(
        PreparedIssuer::from_name_and_spki(NAME, NAME),
        Err(Error::InvalidIssuerKey(_))
    ));
}

#[test]
fn invalid_serials() {
    for serial in [&[][..], &[0x00, 0x01], &[0xff, 0x80]] {
        assert_eq!(
            cert_id_for_serial(serial, NAME, SPKI, HashAlgorithm::Sha1),
            Err(Error::InvalidSerialNumber),
            "{serial:02x?}"
        );
        let issuer = PreparedIssuer::from_name_and_spki(NAME, SPKI).unwrap();
        assert_eq!(
            CertIdMatcher::new(issuer, serial),
            Err(Error::InvalidSerialNumber)
        );
    }
}

// ---- hash algorithms ----

#[test]
fn unknown_hash_names() {
    for name in ["md5", "sha3-256", "", "sha 1", "sha224"] {
        assert_eq!(
            HashAlgorithm::from_name(name),
            Err(Error::UnknownHashName(name.to_string()))
        );
        assert_eq!(
            name.parse::<HashAlgorithm>(),
            Err(Error::UnknownHashName(name.to_string()))
        );
    }
}

fn with_hash_algorithm(parameters: Option<Vec<u8>>, oid: ObjectIdentifier) -> Vec<u8> {
    let mut id = some_cert_id();
    id.hash_algorithm = AlgorithmIdentifier { oid, parameters };
    id.to_der().unwrap()
}

#[test]
fn hash_parameters_when_matching() {
    let matcher = CertIdMatcher::from_certificates(LEAF, CA).unwrap();
    let sha1 = ocsp_types::oid::SHA1;

    // NULL and absent parameters both match.
    for parameters in [Some(vec![0x05, 0x00]), None] {
        let der = with_hash_algorithm(parameters, sha1);
        assert_eq!(matcher.matches(&CertIdRef::parse(&der).unwrap()), Ok(true));
    }
    // Anything else is refused, even though the hashes are right.
    for parameters in [
        vec![0x04, 0x00],
        vec![0x05, 0x01, 0x00],
        vec![0x30, 0x00],
        vec![0x01, 0x01, 0x00],
    ] {
        let der = with_hash_algorithm(Some(parameters.clone()), sha1);
        let Ok(id) = CertIdRef::parse(&der) else {
            continue; // not even DER: refused earlier
        };
        assert_eq!(
            matcher.matches(&id),
            Err(Error::InvalidHashParameters),
            "{parameters:02x?}"
        );
        assert_eq!(
            matcher.issuer().matches(&id),
            Err(Error::InvalidHashParameters)
        );
    }
}

#[test]
fn unsupported_hash_algorithm_when_matching() {
    let matcher = CertIdMatcher::from_certificates(LEAF, CA).unwrap();
    let md5 = ObjectIdentifier::new_unwrap("1.2.840.113549.2.5");
    let der = with_hash_algorithm(Some(vec![0x05, 0x00]), md5);
    assert_eq!(
        matcher.matches(&CertIdRef::parse(&der).unwrap()),
        Err(Error::UnsupportedHashAlgorithm(Some(md5)))
    );
}

// ---- nonces and the builder ----

#[test]
fn nonce_lengths() {
    for len in [0usize, 33, 1000] {
        assert_eq!(
            Nonce::new(&vec![1; len]),
            Err(Error::InvalidNonceLength { len })
        );
        let mut called = false;
        assert_eq!(
            Nonce::random(len, |_| called = true),
            Err(Error::InvalidNonceLength { len })
        );
        assert!(!called);
    }
    for len in [1usize, 16, 32] {
        assert_eq!(Nonce::new(&vec![1; len]).unwrap().as_bytes().len(), len);
    }
}

#[test]
fn request_without_cert_ids() {
    assert_eq!(RequestBuilder::new().build(), Err(Error::NoCertIds));
    assert_eq!(
        RequestBuilder::new()
            .nonce(Nonce::new(&[1]).unwrap())
            .build(),
        Err(Error::NoCertIds)
    );
}

#[test]
fn duplicate_extensions() {
    let mut b = RequestBuilder::new();
    b.cert_id(some_cert_id())
        .nonce(Nonce::new(&[1; 8]).unwrap())
        .extension(Extension::nonce(&[2; 8]).unwrap());
    assert_eq!(
        b.build(),
        Err(Error::DuplicateExtension(ocsp_types::oid::OCSP_NONCE))
    );

    let mut b = RequestBuilder::new();
    b.cert_id(some_cert_id())
        .extension(Extension::extended_revoke())
        .extension(Extension::extended_revoke());
    assert_eq!(
        b.build(),
        Err(Error::DuplicateExtension(
            ocsp_types::oid::OCSP_EXTENDED_REVOKE
        ))
    );
}

#[test]
fn invalid_parts_are_malformed() {
    let mut id = some_cert_id();
    id.serial_number = vec![0x00, 0x01];
    let mut b = RequestBuilder::new();
    b.cert_id(id);
    assert!(matches!(
        b.build(),
        Err(Error::Malformed(
            ocsp_types::Error::NonMinimalInteger { .. }
        ))
    ));

    let mut b = RequestBuilder::new();
    b.cert_id(some_cert_id())
        .requestor_name(GeneralName(vec![0x82, 0x01, 0xff]));
    assert!(matches!(
        b.build(),
        Err(Error::Malformed(ocsp_types::Error::InvalidString { .. }))
    ));
}

struct FailingSigner;

impl RequestSigner for FailingSigner {
    fn algorithm(&self) -> AlgorithmIdentifier {
        AlgorithmIdentifier::without_parameters(ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2"))
    }
    fn sign(&self, _: &[u8]) -> Result<Vec<u8>, SignerError> {
        Err(SignerError::new("no key"))
    }
}

#[test]
fn signing_errors() {
    let mut b = RequestBuilder::new();
    b.cert_id(some_cert_id());
    assert_eq!(
        b.build_signed(&FailingSigner, &[]),
        Err(Error::MissingRequestorName)
    );
    assert_eq!(
        b.build_signed(&FailingSigner, &[LEAF.to_vec()]),
        Err(Error::Signer(SignerError::new("no key")))
    );
    assert!(matches!(
        b.build_signed(&FailingSigner, &[b"junk".to_vec()]),
        Err(Error::InvalidCertificate(_))
    ));
    b.requestor_name(GeneralName::directory_name(NAME));
    assert_eq!(
        b.build_signed(&FailingSigner, &[]),
        Err(Error::Signer(SignerError::new("no key")))
    );
}

// ---- GET URLs ----

#[test]
fn garbage_get_urls() {
    let e = |reason| Err(Error::InvalidGetUrl(reason));
    assert_eq!(decode_get_url(""), e(GetUrlError::EmptyPath));
    assert_eq!(
        decode_get_url("http://ocsp.example.com"),
        e(GetUrlError::EmptyPath)
    );
    assert_eq!(
        decode_get_url("http://ocsp.example.com/"),
        e(GetUrlError::EmptyPath)
    );
    assert_eq!(
        decode_get_url("http://ocsp.example.com/?MEUw"),
        e(GetUrlError::EmptyPath)
    );
    assert_eq!(
        decode_get_url("http://ocsp.example.com/%zz"),
        e(GetUrlError::InvalidPercentEncoding)
    );
    assert_eq!(
        decode_get_url("http://ocsp.example.com/%4"),
        e(GetUrlError::InvalidPercentEncoding)
    );
    assert_eq!(
        decode_get_url("http://ocsp.example.com/not*base64!"),
        e(GetUrlError::NotBase64)
    );
    assert_eq!(
        decode_get_url("http://ocsp.example.com/a/b%zz"),
        e(GetUrlError::InvalidPercentEncoding)
    );
    assert_eq!(
        decode_get_url("http://ocsp.example.com/%zz/abc*"),
        e(GetUrlError::NotBase64)
    );
    assert_eq!(
        decode_get_url("ocsp.example.com/A"),
        e(GetUrlError::NotBase64)
    );
    assert!(matches!(
        decode_get_url("http://ocsp.example.com/AAAA"),
        Err(Error::InvalidGetUrl(GetUrlError::NotAnOcspRequest(_)))
    ));
    // A SEQUENCE that is not an OCSPRequest: the error comes from it.
    assert!(matches!(
        decode_get_url("http://ocsp.example.com/x/MAA%3D"),
        Err(Error::InvalidGetUrl(GetUrlError::NotAnOcspRequest(
            ocsp_types::Error::MissingField { .. }
        )))
    ));
    let long = format!(
        "http://ocsp.example.com/{}",
        "A".repeat(MAX_DECODED_GET_URL_LEN)
    );
    assert_eq!(
        decode_get_url(&long),
        e(GetUrlError::TooLong {
            len: long.len(),
            limit: MAX_DECODED_GET_URL_LEN
        })
    );
}
