//! CertIDs computed here against the CertIDs inside real responses.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{hex, pem_blocks, read_pem_cert, shared_vectors};
use ocsp_request::{
    cert_id_for_certificate, cert_id_for_serial, CertIdMatcher, Error, HashAlgorithm,
    PreparedIssuer,
};
use ocsp_testkit::support::read_base64_file;
use ocsp_types::{CertIdRef, OcspResponseRef};

/// The CertIDs of the single responses of a DER response.
fn response_cert_ids(der: &[u8]) -> Vec<CertIdRef<'_>> {
    let response = OcspResponseRef::parse(der).unwrap();
    let basic = response.basic().expect("successful response");
    basic
        .tbs_response_data()
        .responses()
        .iter()
        .map(|s| s.cert_id())
        .collect()
}

#[test]
fn wikipedia_2017_from_committed_copies() {
    // Always runs: the response and the issuer parts are committed.
    let response = include_bytes!("../../ocsp-types/tests/data/seed-wikipedia-2017.der");
    let name = include_bytes!("data/wikipedia-issuer-name.der");
    let spki = include_bytes!("data/wikipedia-issuer-spki.der");
    let serial = common::unhex("10e6fc62b7418ad5005e45b6");
    let ids = response_cert_ids(response);
    assert_eq!(ids.len(), 1);

    let ours = cert_id_for_serial(&serial, name, spki, HashAlgorithm::Sha1).unwrap();
    assert_eq!(hex(&ours.to_der().unwrap()), hex(ids[0].as_der()));
    assert_eq!(
        hex(&ours.issuer_name_hash),
        "0c9e4d9c3dedef84d891e972c7cf8406bc197b07"
    );
    assert_eq!(
        hex(&ours.issuer_key_hash),
        "96de61f1bd1c1629531cc0cc7d3b830040e61a7c"
    );

    let issuer = PreparedIssuer::from_name_and_spki(name, spki).unwrap();
    let matcher = CertIdMatcher::new(issuer.clone(), &serial).unwrap();
    assert!(matcher.matches(&ids[0]).unwrap());
    assert!(
        CertIdMatcher::from_unsigned_serial(issuer.clone(), &[&[0, 0][..], &serial].concat())
            .matches(&ids[0])
            .unwrap()
    );
    let mut other = serial.clone();
    other[11] ^= 1;
    assert!(!CertIdMatcher::new(issuer, &other)
        .unwrap()
        .matches(&ids[0])
        .unwrap());
}

#[test]
fn wikipedia_2017_from_shared_vectors() {
    // Absent vectors are skipped, loudly, by `shared_vectors`.
    let Some(dir) = shared_vectors("seed-wikipedia-2017") else {
        return;
    };
    let response = std::fs::read(dir.join("response.der")).unwrap();
    let name = std::fs::read(dir.join("issuer-ca-name.der")).unwrap();
    let spki = std::fs::read(dir.join("issuer-ca-spki.der")).unwrap();
    let facts = std::fs::read_to_string(dir.join("FACTS.md")).unwrap();
    assert!(facts.contains("0x10e6fc62b7418ad5005e45b6"));
    let serial = common::unhex("10e6fc62b7418ad5005e45b6");
    let ids = response_cert_ids(&response);
    let ours = cert_id_for_serial(&serial, &name, &spki, HashAlgorithm::Sha1).unwrap();
    assert_eq!(ours.to_der().unwrap(), ids[0].as_der());
}

const HIERARCHIES: [(&str, &str, &str); 6] = [
    ("ND1", "ND1_Cert_EE.pem", "ND1_Issuer_ICA.pem"),
    ("ND2", "ND2_Cert_ICA.pem", "ND2_Issuer_Root.pem"),
    ("ND3", "ND3_Cert_EE.pem", "ND3_Issuer_Root.pem"),
    ("D1", "D1_Cert_EE.pem", "D1_Issuer_ICA.pem"),
    ("D2", "D2_Cert_ICA.pem", "D2_Issuer_Root.pem"),
    ("D3", "D3_Cert_EE.pem", "D3_Issuer_Root.pem"),
];

#[test]
fn openssl_suite_cert_ids() {
    let Some(dir) = shared_vectors("openssl-ocsp") else {
        return;
    };
    for (h, cert_file, issuer_file) in HIERARCHIES {
        let cert = read_pem_cert(&dir.join(cert_file));
        let issuers = pem_blocks(
            &std::fs::read_to_string(dir.join(issuer_file)).unwrap(),
            "CERTIFICATE",
        );
        let response = read_base64_file(&dir.join(format!("{h}.ors")));
        let ids = response_cert_ids(&response);
        assert_eq!(ids.len(), 1, "{h}");
        let id = ids[0];

        // The issuer is the first certificate of the file (D3's holds two:
        // the CAcert root, then a class 3 root it issued).
        let matcher = CertIdMatcher::from_certificates(&cert, &issuers[0]).unwrap();
        assert!(matcher.matches(&id).unwrap(), "{h}");
        for other in &issuers[1..] {
            assert_eq!(
                CertIdMatcher::from_certificates(&cert, other),
                Err(Error::IssuerMismatch),
                "{h}"
            );
            let wrong = CertIdMatcher::new(
                PreparedIssuer::from_certificate(other).unwrap(),
                matcher.serial_number(),
            )
            .unwrap();
            assert!(!wrong.matches(&id).unwrap(), "{h}");
        }

        // Our SHA-1 CertID is the responder's, byte for byte.
        let ours = cert_id_for_certificate(&cert, &issuers[0], HashAlgorithm::Sha1).unwrap();
        assert_eq!(hex(&ours.to_der().unwrap()), hex(id.as_der()), "{h}");
        eprintln!("{h}: CertID equal ({})", hex(&ours.serial_number));

        // The altered responses: wrong issuerNameHash, wrong issuerKeyHash.
        for prefix in ["WINH", "WIKH"] {
            let altered = read_base64_file(&dir.join(format!("{prefix}_{h}.ors")));
            let altered_ids = response_cert_ids(&altered);
            assert!(!matcher.matches(&altered_ids[0]).unwrap(), "{prefix}_{h}");
        }
    }
}
