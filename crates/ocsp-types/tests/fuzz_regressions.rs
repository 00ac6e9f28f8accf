//! Inputs the fuzz targets found (`fuzz/README.md`), kept under
//! `tests/data/fuzz-regressions/`: each is replayed, and each has a test
//! stating what the parser must now do with it.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::Path;

use ocsp_types::{Error, OcspResponse, OcspResponseRef, Oid};

/// Every regression input: parsing answers without panicking, and what
/// parses re-encodes to the same bytes.
#[test]
fn every_regression_input_is_handled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-regressions");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let der = std::fs::read(&path).unwrap();
        if let Ok(owned) = OcspResponse::from_der(&der) {
            assert_eq!(owned.to_der().unwrap(), der, "{}", path.display());
        }
    }
}

/// Found by the `differential` target: a CertID hash algorithm OID
/// `1.2.340282366920938463463374607431768211456` (an arc of 2^128, 19 octets
/// led by 0x84) was accepted, and `Oid`'s `Display` wrapped the arc to 128
/// bits where OpenSSL prints it exactly. Arcs are bounded to 128 bits; the
/// check of a 19-octet arc's first octet never ran.
#[test]
fn oid_arc_of_2_pow_128_is_rejected() {
    let der = include_bytes!("data/fuzz-regressions/oid-arc-2-pow-128.der");
    assert!(matches!(
        OcspResponseRef::parse(der),
        Err(Error::InvalidOid { at }) if at.path == "CertID.hashAlgorithm"
    ));

    // 2.25.(2^128 - 1), the largest arc allowed, still parses and shows exactly.
    let mut max = vec![0x69, 0x83];
    max.extend([0xff; 17]);
    max.push(0x7f);
    let oid = Oid::from_contents(&max).unwrap();
    assert_eq!(oid.to_string(), format!("2.25.{}", u128::MAX));
    // Every 19-octet arc led by more than 0x83 is over 128 bits.
    for lead in 0x84..=0xff {
        max[1] = lead;
        assert_eq!(Oid::from_contents(&max), None, "lead octet {lead:#04x}");
    }
}
