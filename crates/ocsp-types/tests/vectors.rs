//! Every real response we have parses, matches its documented fields, and
//! re-encodes to the same bytes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use ocsp_types::{
    oid, BasicResponseRef, CertStatus, OcspResponse, OcspResponseRef, ResponderIdRef,
    ResponseStatus,
};

#[test]
fn seed_response_fields_match_facts() {
    let der = seed_response();
    assert_eq!(der.len(), 1607);
    let response = OcspResponseRef::parse(&der).unwrap();
    assert_eq!(response.status(), ResponseStatus::Successful);
    let basic = response.basic().unwrap();
    let tbs = basic.tbs_response_data();

    // tbsResponseData: offset 34, 194 bytes.
    assert_eq!(tbs.as_der(), &der[34..34 + 194]);
    assert_eq!(
        tbs.responder_id(),
        ResponderIdRef::ByKey(&unhex("9c4d0099000e8bb0018175a1baf0d025d7a01c47"))
    );
    assert_eq!(tbs.produced_at().to_string(), "2017-08-14T13:41:02Z");

    let singles: Vec<_> = tbs.responses().iter().collect();
    assert_eq!(singles.len(), 1);
    let single = singles[0];
    let cert_id = single.cert_id();
    assert_eq!(cert_id.hash_algorithm().oid(), oid::SHA1);
    assert_eq!(
        cert_id.hash_algorithm().parameters(),
        Some(&[0x05, 0x00][..])
    );
    assert_eq!(
        hex(cert_id.issuer_name_hash()),
        "0c9e4d9c3dedef84d891e972c7cf8406bc197b07"
    );
    assert_eq!(
        hex(cert_id.issuer_key_hash()),
        "96de61f1bd1c1629531cc0cc7d3b830040e61a7c"
    );
    assert_eq!(hex(cert_id.serial_number()), "10e6fc62b7418ad5005e45b6");
    assert_eq!(single.cert_status(), CertStatus::Good);
    assert_eq!(single.this_update().to_string(), "2017-08-14T13:41:02Z");
    assert_eq!(
        single.next_update().unwrap().to_string(),
        "2017-08-18T13:41:02Z"
    );
    assert!(single.extensions().is_empty());

    let exts: Vec<_> = tbs.extensions().iter().collect();
    assert_eq!(exts.len(), 1);
    assert_eq!(exts[0].oid(), oid::OCSP_NONCE);
    assert!(!exts[0].is_critical());
    assert_eq!(hex(exts[0].value()), "0410f8683d2c1fea62ffcca1889e51efc905");
    assert_eq!(
        hex(tbs.extensions().nonce().unwrap()),
        "f8683d2c1fea62ffcca1889e51efc905"
    );

    assert_eq!(
        basic.signature_algorithm().oid().to_string(),
        "1.2.840.113549.1.1.11"
    );
    assert!(basic.signature_algorithm().parameters_absent_or_null());
    assert_eq!(basic.signature().len(), 256);
    assert_eq!(&basic.signature()[..4], &[0x35, 0xf2, 0xbf, 0x4c]);
    let certs: Vec<_> = basic.certs().iter().collect();
    assert_eq!(certs.len(), 1);
    assert_eq!(certs[0], &der[512..]);
    assert_eq!(certs[0].len(), 1095);
}

#[test]
fn seed_response_round_trips() {
    let der = seed_response();
    let owned = OcspResponse::from_der(&der).unwrap();
    assert_eq!(owned.to_der().unwrap(), der);
    let basic = owned.basic.as_ref().unwrap();
    let basic_der = basic.to_der().unwrap();
    assert_eq!(
        BasicResponseRef::parse(&basic_der).unwrap().as_der(),
        &basic_der[..]
    );
    assert_eq!(
        basic.tbs_response_data.to_der().unwrap(),
        &der[34..34 + 194]
    );
}

struct Row {
    file: String,
    bytes: usize,
    responder_id_type: String,
    n_single: usize,
    cert_status: String,
    this_update: String,
    next_update: String,
    produced_at: String,
    embedded_certs: usize,
    response_status: String,
    responder_id: String,
    certid_hash_alg: String,
    name_hash: String,
    key_hash: String,
    serial: String,
}

fn rows(dir: &std::path::Path) -> Vec<Row> {
    let text = std::fs::read_to_string(dir.join("RESPONSES.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let get = |name: &str| f[col(name)].to_string();
            Row {
                file: get("response"),
                bytes: get("bytes").parse().unwrap(),
                responder_id_type: get("responder_id_type"),
                n_single: get("n_single_responses").parse().unwrap(),
                cert_status: get("cert_status"),
                this_update: get("this_update"),
                next_update: get("next_update"),
                produced_at: get("produced_at"),
                embedded_certs: get("embedded_certs").parse().unwrap(),
                response_status: get("response_status"),
                responder_id: get("responder_id"),
                certid_hash_alg: get("certid_hash_alg"),
                name_hash: get("issuer_name_hash"),
                key_hash: get("issuer_key_hash"),
                serial: get("serial"),
            }
        })
        .collect()
}

#[test]
fn openssl_suite_responses_match_manifest_and_round_trip() {
    let Some(dir) = shared_vectors("openssl-ocsp") else {
        return;
    };
    let rows = rows(&dir);
    assert_eq!(rows.len(), 36, "RESPONSES.tsv lists the 36 responses");
    for row in &rows {
        let der = read_ors(&dir.join(&row.file));
        let ctx = &row.file;
        assert_eq!(der.len(), row.bytes, "{ctx}");
        let response = OcspResponseRef::parse(&der).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        assert_eq!(response.status().name(), row.response_status, "{ctx}");
        let basic = response.basic().unwrap();
        let tbs = basic.tbs_response_data();
        match tbs.responder_id() {
            ResponderIdRef::ByKey(hash) => {
                assert_eq!(row.responder_id_type, "byKey", "{ctx}");
                assert_eq!(hex(hash), row.responder_id, "{ctx}");
            }
            ResponderIdRef::ByName(name) => {
                assert_eq!(row.responder_id_type, "byName", "{ctx}");
                assert_eq!(name.as_der()[0], 0x30, "{ctx}");
            }
        }
        assert_eq!(tbs.produced_at().to_string(), row.produced_at, "{ctx}");
        assert_eq!(tbs.responses().len(), row.n_single, "{ctx}");
        let single = tbs.responses().iter().next().unwrap();
        assert_eq!(single.cert_status().name(), row.cert_status, "{ctx}");
        assert_eq!(single.this_update().to_string(), row.this_update, "{ctx}");
        assert_eq!(
            single.next_update().unwrap().to_string(),
            row.next_update,
            "{ctx}"
        );
        let id = single.cert_id();
        assert_eq!(row.certid_hash_alg, "sha1", "{ctx}");
        assert_eq!(id.hash_algorithm().oid(), oid::SHA1, "{ctx}");
        assert_eq!(hex(id.issuer_name_hash()), row.name_hash, "{ctx}");
        assert_eq!(hex(id.issuer_key_hash()), row.key_hash, "{ctx}");
        assert_eq!(
            hex(id.serial_number()).trim_start_matches("00"),
            row.serial,
            "{ctx}"
        );
        assert_eq!(basic.certs().len(), row.embedded_certs, "{ctx}");
        assert_eq!(
            basic.signature_algorithm().oid().to_string(),
            "1.2.840.113549.1.1.5",
            "{ctx}"
        );

        let owned = OcspResponse::from_der(&der).unwrap();
        assert_eq!(owned.to_der().unwrap(), der, "{ctx}: re-encoding differs");
    }
}
