//! The certificate reader never refuses a certificate rustls-webpki 0.103
//! accepts (`EndEntityCert::try_from`), over certificates generated with the
//! encodings webpki tolerates and every certificate in the repository's test
//! data and in `../shared/vectors` (skipped, loudly, when absent).
//!
//! `try_from` does not read the validity, the names or the key (webpki reads
//! them later, in `verify_for_usage`); every generated certificate has valid
//! ones, so what is compared is the rest of the structure.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use ocsp_testkit::der::{seq, tlv};
use ocsp_types::{CertificateRef, DeviationKind, Error, OcspResponseRef};
use rustls_pki_types::CertificateDer;

const ECDSA_SHA256: &[u8] = &[
    0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02,
];
const BASIC_CONSTRAINTS: &[u8] = &[0x06, 0x03, 0x55, 0x1d, 0x13];
const KEY_USAGE: &[u8] = &[0x06, 0x03, 0x55, 0x1d, 0x0f];
const EXT_KEY_USAGE: &[u8] = &[0x06, 0x03, 0x55, 0x1d, 0x25];
/// 1.3.6.1.4.1.55555.1: an extension nobody reads.
const PRIVATE: &[u8] = &[0x06, 0x08, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xb2, 0x03];
const TRUE: &[u8] = &[0x01, 0x01, 0xff];
const FALSE: &[u8] = &[0x01, 0x01, 0x00];

fn name(cn: &str) -> Vec<u8> {
    let atv = seq(&[&[0x06, 0x03, 0x55, 0x04, 0x03], &tlv(0x0c, cn.as_bytes())]);
    seq(&[&tlv(0x31, &atv)])
}

fn spki() -> Vec<u8> {
    let alg = seq(&[
        &[0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01],
        &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
    ]);
    let mut key = vec![0x00, 0x04];
    key.extend([0x11; 64]);
    seq(&[&alg, &tlv(0x03, &key)])
}

fn ext(oid: &[u8], critical: &[u8], value: &[u8]) -> Vec<u8> {
    seq(&[oid, critical, &tlv(0x04, value)])
}

/// A v3 certificate with this serial INTEGER content and these extensions
/// (`None`: no `[3]` at all). The signature is not valid: neither reader
/// checks it when parsing.
fn cert(serial: &[u8], extensions: Option<&[Vec<u8>]>) -> Vec<u8> {
    cert_with_serial_element(&tlv(0x02, serial), extensions)
}

fn cert_with_serial_element(serial: &[u8], extensions: Option<&[Vec<u8>]>) -> Vec<u8> {
    let extensions = extensions
        .map(|e| tlv(0xa3, &tlv(0x30, &e.concat())))
        .unwrap_or_default();
    let validity = seq(&[&tlv(0x17, b"240101000000Z"), &tlv(0x18, b"20491231235959Z")]);
    let tbs = seq(&[
        &tlv(0xa0, &[0x02, 0x01, 0x02]),
        serial,
        ECDSA_SHA256,
        &name("Issuing CA"),
        &validity,
        &name("leaf.test"),
        &spki(),
        &extensions,
    ]);
    let mut sig = vec![0x00];
    sig.extend(seq(&[&[0x02, 0x01, 0x01], &[0x02, 0x01, 0x01]]));
    seq(&[&tbs, ECDSA_SHA256, &tlv(0x03, &sig)])
}

fn ee_basic_constraints(critical: &[u8]) -> Vec<u8> {
    ext(BASIC_CONSTRAINTS, critical, &seq(&[]))
}

fn key_usage(bits: &[u8]) -> Vec<u8> {
    ext(KEY_USAGE, TRUE, &tlv(0x03, bits))
}

fn webpki_accepts(der: &[u8]) -> bool {
    webpki::EndEntityCert::try_from(&CertificateDer::from(der)).is_ok()
}

/// The generated certificates: (label, DER, the deviations ours must report).
fn generated() -> Vec<(&'static str, Vec<u8>, Vec<DeviationKind>)> {
    use DeviationKind::*;
    let eku = ext(
        EXT_KEY_USAGE,
        &[],
        &seq(&[&[0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01]]),
    );
    vec![
        (
            "DER baseline",
            cert(
                &[0x01],
                Some(&[ee_basic_constraints(TRUE), key_usage(&[7, 0x80])]),
            ),
            vec![],
        ),
        ("no extensions", cert(&[0x01], None), vec![]),
        (
            "critical FALSE basicConstraints",
            cert(&[0x01], Some(&[ee_basic_constraints(FALSE)])),
            vec![ExplicitNonCritical],
        ),
        (
            "critical FALSE on every extension",
            cert(
                &[0x01],
                Some(&[
                    ee_basic_constraints(FALSE),
                    ext(EXT_KEY_USAGE, FALSE, &seq(&[&[0x06, 0x01, 0x01]])),
                ]),
            ),
            vec![ExplicitNonCritical, ExplicitNonCritical],
        ),
        (
            "keyUsage 03 03 07 80 00 (GnuTLS certtool)",
            cert(&[0x01], Some(&[key_usage(&[7, 0x80, 0x00])])),
            vec![PaddedKeyUsage],
        ),
        (
            "keyUsage with trailing zero bits, no unused bits",
            cert(&[0x01], Some(&[key_usage(&[0, 0x80])])),
            vec![PaddedKeyUsage],
        ),
        (
            "keyUsage with a trailing zero octet, no unused bits",
            cert(&[0x01], Some(&[key_usage(&[0, 0xa0, 0x00])])),
            vec![PaddedKeyUsage],
        ),
        (
            "keyUsage with three octets",
            cert(&[0x01], Some(&[key_usage(&[7, 0x80, 0x80, 0x80])])),
            vec![],
        ),
        (
            "empty extensions SEQUENCE",
            cert(&[0x01], Some(&[])),
            vec![EmptyExtensions],
        ),
        (
            "serial with a superfluous leading zero",
            cert(&[0x00, 0x01], None),
            vec![NonMinimalSerialNumber],
        ),
        (
            "serial with a superfluous leading 0xff",
            cert(&[0xff, 0x80], None),
            vec![NonMinimalSerialNumber],
        ),
        (
            "empty serial",
            cert(&[], None),
            vec![NonMinimalSerialNumber],
        ),
        ("negative serial", cert(&[0x80], None), vec![]),
        ("zero serial", cert(&[0x00], None), vec![]),
        ("21-octet serial", cert(&[0x7f; 21], None), vec![]),
        (
            "an unused extension twice",
            cert(
                &[0x01],
                Some(&[
                    ext(PRIVATE, &[], &[0x05, 0x00]),
                    ext(PRIVATE, &[], &[0x05, 0x00]),
                ]),
            ),
            vec![DuplicateUnusedExtension],
        ),
        (
            "an unused extension with a junk value",
            cert(&[0x01], Some(&[ext(PRIVATE, &[], &[0xff, 0xff, 0xff])])),
            vec![],
        ),
        (
            "keyUsage with a junk value (not decoded when parsing)",
            cert(&[0x01], Some(&[ext(KEY_USAGE, TRUE, &[0x05, 0x00])])),
            vec![],
        ),
        (
            "extendedKeyUsage not critical",
            cert(&[0x01], Some(&[eku])),
            vec![],
        ),
    ]
}

#[test]
fn generated_certificates_webpki_accepts_are_accepted_with_their_notes() {
    for (label, der, expected) in generated() {
        assert!(webpki_accepts(&der), "{label}: webpki refuses the probe");
        let cert = CertificateRef::parse(&der)
            .unwrap_or_else(|e| panic!("{label}: webpki accepts, ours refuses: {e}"));
        let found: Vec<DeviationKind> = cert.deviations().map(|d| d.kind).collect();
        assert_eq!(found, expected, "{label}");
    }
}

#[test]
fn deviations_say_where() {
    let der = cert(
        &[0x00, 0x01],
        Some(&[ee_basic_constraints(FALSE), key_usage(&[7, 0x80, 0x00])]),
    );
    let cert = CertificateRef::parse(&der).unwrap();
    let found: Vec<_> = cert.deviations().collect();
    assert_eq!(found.len(), 3);
    assert_eq!(found[0].at.path, "TBSCertificate.serialNumber");
    assert_eq!(der[found[0].at.offset..][..4], [0x02, 0x02, 0x00, 0x01]);
    assert_eq!(found[1].at.path, "Extension.critical");
    assert_eq!(der[found[1].at.offset..][..3], *FALSE);
    assert_eq!(found[2].kind, DeviationKind::PaddedKeyUsage);
    assert_eq!(
        der[found[2].at.offset..][..5],
        [0x03, 0x03, 0x07, 0x80, 0x00]
    );
    // The padded keyUsage reads as the bits it carries.
    let ku = cert.key_usage().unwrap().unwrap();
    assert!(ku.digital_signature() && !ku.key_cert_sign());
    assert!(!cert.extensions().iter().next().unwrap().is_critical());
    // The serial is given as its value, minimal.
    assert_eq!(cert.serial_number(), &[0x01]);
    let negative = self::cert(&[0xff, 0xff, 0x80], None);
    assert_eq!(
        CertificateRef::parse(&negative).unwrap().serial_number(),
        &[0x80]
    );
}

/// What both refuse stays refused (and with the exact error).
#[test]
fn what_webpki_refuses_in_the_structure_stays_refused() {
    // A second keyUsage: two readers could see different bits.
    let twice = cert(
        &[0x01],
        Some(&[key_usage(&[7, 0x80]), key_usage(&[1, 0x06])]),
    );
    assert!(!webpki_accepts(&twice));
    assert!(matches!(
        CertificateRef::parse(&twice),
        Err(Error::DuplicateExtension { .. })
    ));
    // A BOOLEAN that is neither 00 nor FF.
    let bad_bool = cert(&[0x01], Some(&[ee_basic_constraints(&[0x01, 0x01, 0x01])]));
    assert!(!webpki_accepts(&bad_bool));
    assert!(matches!(
        CertificateRef::parse(&bad_bool),
        Err(Error::InvalidBoolean { .. })
    ));
    // A non-minimal length (of the serial).
    let long = cert_with_serial_element(&[0x02, 0x81, 0x01, 0x01], None);
    assert!(!webpki_accepts(&long));
    assert!(matches!(
        CertificateRef::parse(&long),
        Err(Error::NonMinimalLength { .. })
    ));
}

/// keyUsage values webpki's `bit_string_flags` refuses are an error of the
/// accessor (parsing does not decode extension values).
#[test]
fn malformed_key_usage_is_an_error_of_the_accessor() {
    for bits in [
        &[8u8, 0x80][..], // more than 7 unused bits
        &[1, 0x81],       // a padding bit set
        &[1],             // unused bits without octets
        &[],              // no unused-bits octet
    ] {
        let der = cert(&[0x01], Some(&[key_usage(bits)]));
        let cert = CertificateRef::parse(&der).unwrap();
        assert!(
            matches!(cert.key_usage(), Err(Error::InvalidExtensionValue { .. })),
            "{bits:02x?}"
        );
        assert_eq!(cert.deviations().count(), 0);
    }
}

/// Every file under `dir`, recursively.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The DER blobs a file may hold: itself, each PEM block, or its base64.
fn blobs(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![bytes.to_vec()];
    let Ok(text) = std::str::from_utf8(bytes) else {
        return out;
    };
    let mut in_block = false;
    let mut b64 = String::new();
    for line in text.lines() {
        if line.starts_with("-----BEGIN ") {
            in_block = true;
            b64.clear();
        } else if line.starts_with("-----END ") {
            in_block = false;
            out.extend(Base64::decode_vec(&b64).ok());
        } else if in_block {
            b64.push_str(line.trim());
        }
    }
    let whole: String = text.split_whitespace().collect();
    out.extend(Base64::decode_vec(&whole).ok());
    out
}

/// Each certificate candidate of a blob: the blob, and the certificates an
/// OCSP response embeds.
fn candidates(blob: Vec<u8>) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if let Ok(response) = OcspResponseRef::parse(&blob) {
        if let Some(basic) = response.basic() {
            out.extend(basic.certs().iter().map(<[u8]>::to_vec));
        }
    }
    out.push(blob);
    out
}

#[test]
fn repository_and_shared_certificates_webpki_accepts_are_accepted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    for krate in std::fs::read_dir(root.join("crates")).unwrap().flatten() {
        files(&krate.path().join("tests/data"), &mut paths);
    }
    let shared = root.join("../shared/vectors");
    if shared.is_dir() {
        files(&shared, &mut paths);
    } else {
        eprintln!(
            "SKIPPED: {} is absent; only the repository's certificates are compared",
            shared.display()
        );
    }
    let (mut compared, mut accepted) = (0usize, 0usize);
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        for der in blobs(&bytes).into_iter().flat_map(candidates) {
            compared += 1;
            if webpki_accepts(&der) {
                accepted += 1;
                if let Err(e) = CertificateRef::parse(&der) {
                    panic!("{}: webpki accepts, ours refuses: {e}", path.display());
                }
            }
        }
    }
    eprintln!(
        "{compared} blobs from {} files; {accepted} certificates webpki accepts, all accepted",
        paths.len()
    );
    assert!(accepted > 0, "no certificate found to compare");
}
