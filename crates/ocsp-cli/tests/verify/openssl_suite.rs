//! OpenSSL's 59 cases through the command line.

use super::*;
use ocsp_testkit::support::{read_tsv as tsv, shared_vectors};

/// The hierarchy (ND1..D3) a case is about.
fn hierarchy(case: &str) -> &'static str {
    for h in ["ND1", "ND2", "ND3", "D1", "D2", "D3"] {
        if case.split('_').any(|part| part == h) {
            return h;
        }
    }
    panic!("no hierarchy in {case}")
}

/// The error kind each failing case must give (as `ocsp-verify`'s
/// `openssl_vectors.rs` explains), or `None` for a verified good answer.
fn expected_kind(case: &str) -> Option<&'static str> {
    let delegated = hierarchy(case).starts_with('D');
    match case.split('_').next().unwrap() {
        "ND1" | "ND2" | "ND3" | "D1" | "D2" | "D3" | "ISIC" => None,
        "ISOP" | "WINH" | "WIKH" => Some("InvalidSignature"),
        "WRID" | "ISSUER" => Some("NoAuthorizedResponder"),
        "WKDOSC" if hierarchy(case) == "D3" => Some("DelegatedResponderBadSignature"),
        "WKDOSC" => Some("NoAuthorizedResponder"),
        "ISDOSC" => Some("DelegatedResponderBadSignature"),
        "WSNIC" if delegated => Some("DelegatedResponderWrongIssuer"),
        "WSNIC" => Some("CertificateIssuerMismatch"),
        "WKIC" if delegated => Some("DelegatedResponderBadSignature"),
        "WKIC" => Some("NoAuthorizedResponder"),
        other => panic!("unmapped case prefix {other}"),
    }
}

#[test]
fn openssl_manifest_through_the_cli() {
    let Some(dir) = shared_vectors("openssl-ocsp") else {
        return;
    };
    let this_updates: HashMap<String, String> = tsv(&dir.join("RESPONSES.tsv"))
        .into_iter()
        .map(|r| (r["response"].clone(), r["this_update"].clone()))
        .collect();
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();

    let cases = tsv(&dir.join("MANIFEST.tsv"));
    assert_eq!(cases.len(), 59);
    let mismatches: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let name = case["case"].as_str();
            // The issuer: the first certificate of the CA file (of the
            // untrusted file for ND1_CROSS, whose CA file is the cross root).
            let issuer = if name == "ND1_CROSS" {
                &case["untrusted_files"]
            } else {
                &case["ca_files"]
            };
            let h = hierarchy(name);
            let cert = files
                .iter()
                .find(|f| f.starts_with(&format!("{h}_Cert_")))
                .unwrap();
            let at = &this_updates[&case["response"]];
            let (response, cert, issuer) = (path(&case["response"]), path(cert), path(issuer));
            let (code, value) = verify_json(&testkit_args(&response, &cert, &issuer, at));
            let want_code = if case["expected"] == "pass" { 0 } else { 1 };
            let kind_ok = match expected_kind(name) {
                None => value["verified"] == true && value["status"] == "good",
                Some(kind) => value["verified"] == false && value["error"]["kind"] == kind,
            };
            (code != want_code || !kind_ok).then(|| {
                format!(
                    "{name}: exit {code}, {value} (openssl: {}, want kind {:?})",
                    case["expected"],
                    expected_kind(name)
                )
            })
        })
        .collect();
    for mismatch in &mismatches {
        eprintln!("MISMATCH {mismatch}");
    }
    let (passed, failed) = (cases.len() - mismatches.len(), mismatches.len());
    println!("{passed} passed, {failed} failed");
    assert_eq!((passed, failed), (59, 0));
}
