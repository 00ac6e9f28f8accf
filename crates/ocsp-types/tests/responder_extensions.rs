//! `CertificateRef::responder_extensions`: one pass giving what the separate
//! accessors give, each value on its own (a malformed one does not hide or
//! change the others), and `CertificateFieldsRef::decode_extensions`
//! finishing the shallow parse exactly as the full parse.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use ocsp_testkit::cert::faults::{
    malformed_basic_constraints, malformed_eku, malformed_key_usage, repeated_key_usage,
    unknown_critical, UNKNOWN,
};
use ocsp_testkit::{cert, der, CertSpec, Flavor, Pki};
use ocsp_types::x509::{BASIC_CONSTRAINTS, EXT_KEY_USAGE, KEY_USAGE};
use ocsp_types::{oid, CertificateFieldsRef, CertificateRef, Error, KeyUsage, ObjectIdentifier};

/// What the delegate check of ocsp-verify understands when critical.
const UNDERSTOOD: &[ObjectIdentifier] = &[KEY_USAGE, EXT_KEY_USAGE, BASIC_CONSTRAINTS];

/// One slot's expected value: the value, or `InvalidExtensionValue`.
type Slot<T> = Result<T, ()>;

struct Case {
    name: &'static str,
    edit: fn(&mut CertSpec),
    ocsp_signing: Slot<Option<bool>>,
    /// The keyUsage's first octet.
    key_usage: Slot<Option<u8>>,
    is_ca: Slot<bool>,
    unhandled_critical: Option<&'static [u8]>,
}

fn cases() -> Vec<Case> {
    let delegate = Case {
        name: "the testkit's delegate",
        edit: |_| {},
        ocsp_signing: Ok(Some(true)),
        key_usage: Ok(Some(cert::KU_DIGITAL_SIGNATURE)),
        is_ca: Ok(false),
        unhandled_critical: None,
    };
    vec![
        Case {
            name: "no extendedKeyUsage, no keyUsage",
            edit: |s| {
                s.eku = None;
                s.key_usage = None;
            },
            ocsp_signing: Ok(None),
            key_usage: Ok(None),
            ..delegate
        },
        Case {
            name: "serverAuth only, keyCertSign only, a CA",
            edit: |s| {
                s.eku = Some(vec![cert::KP_SERVER_AUTH.to_vec()]);
                s.key_usage = Some(cert::KU_KEY_CERT_SIGN);
                s.ca = true;
            },
            ocsp_signing: Ok(Some(false)),
            key_usage: Ok(Some(cert::KU_KEY_CERT_SIGN)),
            is_ca: Ok(true),
            ..delegate
        },
        Case {
            name: "malformed extendedKeyUsage, the rest fine",
            edit: malformed_eku,
            ocsp_signing: Err(()),
            ..delegate
        },
        Case {
            name: "no OCSPSigning, malformed keyUsage",
            edit: |s| {
                s.eku = Some(vec![cert::KP_SERVER_AUTH.to_vec()]);
                malformed_key_usage(s);
            },
            ocsp_signing: Ok(Some(false)),
            key_usage: Err(()),
            ..delegate
        },
        Case {
            name: "malformed extendedKeyUsage and keyUsage, a CA",
            edit: |s| {
                malformed_eku(s);
                malformed_key_usage(s);
                s.ca = true;
            },
            ocsp_signing: Err(()),
            key_usage: Err(()),
            is_ca: Ok(true),
            ..delegate
        },
        Case {
            name: "keyCertSign only, malformed basicConstraints",
            edit: |s| {
                s.key_usage = Some(cert::KU_KEY_CERT_SIGN);
                malformed_basic_constraints(s);
            },
            key_usage: Ok(Some(cert::KU_KEY_CERT_SIGN)),
            is_ca: Err(()),
            ..delegate
        },
        Case {
            name: "a CA with an unknown critical extension",
            edit: |s| {
                s.ca = true;
                unknown_critical(s);
            },
            is_ca: Ok(true),
            unhandled_critical: Some(UNKNOWN),
            ..delegate
        },
        Case {
            name: "malformed basicConstraints, an unknown critical extension",
            edit: |s| {
                malformed_basic_constraints(s);
                unknown_critical(s);
            },
            is_ca: Err(()),
            unhandled_critical: Some(UNKNOWN),
            ..delegate
        },
        Case {
            name: "the first of two unhandled critical extensions; nocheck critical",
            edit: |s| {
                for (id, critical, _) in &mut s.extra_extensions {
                    *critical |= id == oid::OCSP_NOCHECK.as_bytes();
                }
                unknown_critical(s);
                s.extra_extensions
                    .push((vec![0x2a, 0x03, 0x05], true, der::tlv(0x05, &[])));
            },
            unhandled_critical: Some(oid::OCSP_NOCHECK.as_bytes()),
            ..delegate
        },
        Case {
            name: "an unknown extension, not critical",
            edit: |s| {
                s.extra_extensions
                    .push((UNKNOWN.to_vec(), false, der::tlv(0x05, &[])));
            },
            ..delegate
        },
        delegate,
    ]
}

/// Bits 0 to 7 of a keyUsage, as its first octet.
fn first_octet(ku: KeyUsage) -> u8 {
    (0..8)
        .filter(|&bit| ku.bit(bit))
        .fold(0, |octet, bit| octet | 0x80 >> bit)
}

fn invalid<T>(result: Result<T, Error>) -> Slot<T> {
    result.map_err(|e| assert!(matches!(e, Error::InvalidExtensionValue { .. }), "{e:?}"))
}

#[test]
fn each_value_as_its_own_accessor_gives_it() {
    let pki = Pki::new(Flavor::Rsa);
    for case in cases() {
        let mut spec = pki.delegate_spec();
        (case.edit)(&mut spec);
        let der = pki.issue_delegate(&spec);
        let cert = CertificateRef::parse(&der).unwrap();
        let read = cert.responder_extensions(UNDERSTOOD);
        let name = case.name;
        assert_eq!(invalid(read.ocsp_signing()), case.ocsp_signing, "{name}");
        assert_eq!(
            invalid(read.key_usage().map(|ku| ku.map(first_octet))),
            case.key_usage,
            "{name}"
        );
        assert_eq!(invalid(read.is_ca()), case.is_ca, "{name}");
        assert_eq!(
            read.unhandled_critical().map(|e| e.oid().as_bytes()),
            case.unhandled_critical,
            "{name}"
        );
        // The same values, errors included, as the separate accessors.
        assert_eq!(
            read.ocsp_signing(),
            cert.extended_key_usage_contains(&oid::KP_OCSP_SIGNING),
            "{name}"
        );
        assert_eq!(read.key_usage(), cert.key_usage(), "{name}");
        assert_eq!(read.is_ca(), cert.is_ca(), "{name}");
        assert_eq!(
            read.unhandled_critical(),
            cert.extensions()
                .iter()
                .find(|e| e.is_critical() && !UNDERSTOOD.iter().any(|u| e.oid() == *u)),
            "{name}"
        );
        // The shallow parse, finished, is the full parse.
        let fields = CertificateFieldsRef::parse(&der).unwrap();
        assert_eq!(fields.decode_extensions(), Ok(cert), "{name}");
    }
}

#[test]
fn the_understood_list_is_the_callers() {
    let pki = Pki::new(Flavor::Rsa).with_webpki_profile();
    let leaf = CertificateRef::parse(&pki.leaf).unwrap();
    // The WebPKI leaf's critical extensions: basicConstraints, keyUsage.
    assert_eq!(
        leaf.responder_extensions(UNDERSTOOD).unhandled_critical(),
        None
    );
    let first = leaf.responder_extensions(&[]).unhandled_critical().unwrap();
    assert!(first.is_critical());
    assert_eq!(
        Some(first),
        leaf.extensions().iter().find(|e| e.is_critical())
    );
    assert_eq!(leaf.responder_extensions(&[]).is_ca(), Ok(false));
}

#[test]
fn decode_extensions_reports_what_the_full_parse_reports() {
    let pki = Pki::new(Flavor::Rsa);
    // A repeated keyUsage: the shallow parse does not decode the list, the
    // rest of the parse does, with the full parse's error.
    let mut spec = pki.delegate_spec();
    repeated_key_usage(&mut spec);
    let repeated = pki.issue_delegate(&spec);
    let fields = CertificateFieldsRef::parse(&repeated).unwrap();
    let error = fields.decode_extensions().unwrap_err();
    assert!(
        matches!(error, Error::DuplicateExtension { .. }),
        "{error:?}"
    );
    assert_eq!(CertificateRef::parse(&repeated), Err(error));
    // No extensions at all (v3 without the field): nothing to decode.
    let mut bare = pki.delegate_spec();
    bare.eku = None;
    bare.key_usage = None;
    bare.extra_extensions.clear();
    let bare = pki.issue_delegate(&bare);
    let fields = CertificateFieldsRef::parse(&bare).unwrap();
    let cert = fields.decode_extensions().unwrap();
    assert!(cert.extensions().is_empty());
    assert_eq!(Ok(cert), CertificateRef::parse(&bare));
}
