//! OpenSSL's responses: their facts, and the embedded certificate subject
//! in RFC 4514 form.

use super::*;
use ocsp_testkit::support::shared_vectors;

#[test]
fn openssl_responses_match_their_facts() {
    let Some(dir) = shared_vectors("openssl-ocsp") else {
        return;
    };
    let table = std::fs::read_to_string(dir.join("RESPONSES.tsv")).unwrap();
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let mut checked = 0;
    for line in lines.filter(|l| !l.is_empty()) {
        let row: Vec<&str> = line.split('\t').collect();
        let file = row[col("response")];
        let path = dir.join(file);
        let path = path.to_str().unwrap();
        let v = inspect_json(path);
        let at = |name: &str| row[col(name)];
        assert_eq!(v["type"], "response", "{file}");
        assert_eq!(v["response_status"], at("response_status"), "{file}");
        assert_eq!(v["response_type"], "1.3.6.1.5.5.7.48.1.1", "{file}");
        match at("responder_id_type") {
            "byKey" => assert_eq!(v["responder_id"]["by_key"], at("responder_id"), "{file}"),
            "byName" => {
                // OpenSSL writes "C = AU, ST = NSW, ..."; RFC 4514 reverses
                // the order and drops the spaces.
                let mut rdns: Vec<String> = at("responder_id")
                    .split(", ")
                    .map(|r| r.replace(" = ", "="))
                    .collect();
                rdns.reverse();
                assert_eq!(v["responder_id"]["by_name"], rdns.join(","), "{file}");
            }
            other => panic!("{file}: responder_id_type {other}"),
        }
        assert_eq!(v["signature_algorithm"], "1.2.840.113549.1.1.5", "{file}");
        assert_eq!(at("sig_alg"), "sha1WithRSAEncryption");
        let singles = v["responses"].as_array().unwrap();
        assert_eq!(
            singles.len().to_string(),
            at("n_single_responses"),
            "{file}"
        );
        let single = &singles[0];
        assert_eq!(at("certid_hash_alg"), "sha1");
        assert_eq!(
            single["cert_id"]["hash_algorithm"], "1.3.14.3.2.26",
            "{file}"
        );
        assert_eq!(
            single["cert_id"]["issuer_name_hash"],
            at("issuer_name_hash"),
            "{file}"
        );
        assert_eq!(
            single["cert_id"]["issuer_key_hash"],
            at("issuer_key_hash"),
            "{file}"
        );
        assert_eq!(single["cert_id"]["serial"], at("serial"), "{file}");
        assert_eq!(single["status"], at("cert_status"), "{file}");
        assert_eq!(single["this_update"], at("this_update"), "{file}");
        assert_eq!(single["next_update"], at("next_update"), "{file}");
        assert_eq!(v["produced_at"], at("produced_at"), "{file}");
        let certs = v["certs"].as_array().unwrap();
        assert_eq!(certs.len().to_string(), at("embedded_certs"), "{file}");
        for cert in certs {
            assert!(cert["subject"].is_string(), "{file}");
            assert!(cert["issuer"].is_string(), "{file}");
            assert!(cert["serial"].is_string(), "{file}");
        }
        // Each .ors is also readable as text.
        inspect_text(&[path], b"");
        checked += 1;
    }
    assert_eq!(checked, 36);
    let ors = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "ors")
        })
        .count();
    assert_eq!(ors, checked, "every .ors has a row");
}

#[test]
fn openssl_embedded_cert_subject_is_rfc4514() {
    let Some(dir) = shared_vectors("openssl-ocsp") else {
        return;
    };
    let v = inspect_json(dir.join("D3.ors").to_str().unwrap());
    assert_eq!(
        v["certs"][0]["subject"],
        "CN=ocsp.cacert.org,OU=Server Administration,O=CAcert Inc.,L=Sydney,ST=NSW,C=AU"
    );
}
