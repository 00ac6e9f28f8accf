//! OpenSSL's 59 OCSP verification cases (`shared/vectors/openssl-ocsp`),
//! mapped onto our inputs, each with the exact verdict or error expected.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use base64ct::{Base64, Encoding};
use ocsp_testkit::support::{read_tsv as tsv, shared_vectors, Tally};
use ocsp_verify::{algorithms, Error, Issuer, Responder, Status, Subject, UnixTime, Verifier};

fn b64(text: &str) -> Vec<u8> {
    let joined: String = text
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .map(str::trim)
        .collect();
    Base64::decode_vec(&joined).unwrap()
}

/// The DER certificates of a PEM file, in order.
fn pem_certs(path: &Path) -> Vec<Vec<u8>> {
    let text = fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("-----BEGIN CERTIFICATE") {
            current = Some(String::new());
        } else if line.starts_with("-----END CERTIFICATE") {
            out.push(Base64::decode_vec(&current.take().unwrap()).unwrap());
        } else if let Some(c) = current.as_mut() {
            c.push_str(line.trim());
        }
    }
    out
}

fn parse_time(iso: &str) -> u64 {
    // YYYY-MM-DDTHH:MM:SSZ
    let n = |r: std::ops::Range<usize>| iso[r].parse::<u32>().unwrap();
    let t =
        ocsp_verify::Time::from_civil(n(0..4), n(5..7), n(8..10), n(11..13), n(14..16), n(17..19))
            .unwrap();
    u64::try_from(t.unix_timestamp()).unwrap()
}

/// The hierarchy (ND1..D3) a case is about.
fn hierarchy(case: &str) -> &'static str {
    for h in ["ND1", "ND2", "ND3", "D1", "D2", "D3"] {
        if case.split('_').any(|part| part == h) {
            return h;
        }
    }
    panic!("no hierarchy in {case}")
}

/// What each case must give.
#[derive(Debug, PartialEq)]
enum Expect {
    Good(&'static str),
    Fails(Error),
}

fn expected(case: &str) -> Expect {
    let h = hierarchy(case);
    let delegated = h.starts_with('D');
    let prefix = case.split('_').next().unwrap();
    match prefix {
        // Valid responses, and anchors with a broken self-signature (the
        // caller vouches for its issuer, whose signature is never checked).
        "ND1" | "ND2" | "ND3" | "D1" | "D2" | "D3" | "ISIC" => {
            Expect::Good(if delegated { "delegated" } else { "issuer" })
        }
        // Corrupted response signature.
        "ISOP" => Expect::Fails(Error::InvalidSignature),
        // The ResponderID names nobody available.
        "WRID" => Expect::Fails(Error::NoAuthorizedResponder),
        // The CertID was edited without re-signing: the signature, checked
        // before the CertID (mozilla::pkix order), fails first.
        "WINH" | "WIKH" => Expect::Fails(Error::InvalidSignature),
        // A changed key in the delegate: byKey no longer matches it (D1, D2);
        // byName (D3) matches, and its certificate signature fails.
        "WKDOSC" if h == "D3" => Expect::Fails(Error::DelegatedResponderBadSignature),
        "WKDOSC" => Expect::Fails(Error::NoAuthorizedResponder),
        // The delegate's certificate signature is broken (with or without
        // OpenSSL's -no_cert_checks: there is no such switch here).
        "ISDOSC" => Expect::Fails(Error::DelegatedResponderBadSignature),
        // The issuer we are given has another subject: the delegate was not
        // issued by it; for the CA-signed response, the signature verifies
        // (same key) but the certificate's issuer Name is not that subject.
        "WSNIC" if delegated => Expect::Fails(Error::DelegatedResponderWrongIssuer),
        "WSNIC" => Expect::Fails(Error::CertificateIssuerMismatch),
        // The issuer we are given has another key: byKey names nobody
        // available (ND); the delegate's signature does not verify under it (D).
        "WKIC" if delegated => Expect::Fails(Error::DelegatedResponderBadSignature),
        "WKIC" => Expect::Fails(Error::NoAuthorizedResponder),
        // The hint is not trusted: the issuer is the AddTrust root, which did
        // not sign, and nothing embedded did either.
        "ISSUER" => Expect::Fails(Error::NoAuthorizedResponder),
        other => panic!("unmapped case prefix {other}"),
    }
}

#[test]
fn openssl_manifest() {
    let Some(dir) = shared_vectors("openssl-ocsp") else {
        return;
    };
    let responses: HashMap<String, HashMap<String, String>> = tsv(&dir.join("RESPONSES.tsv"))
        .into_iter()
        .map(|r| (r["response"].clone(), r))
        .collect();
    let files: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let verifier = Verifier::new(algorithms::ALL);

    let mut tally = Tally::default();
    let cases = tsv(&dir.join("MANIFEST.tsv"));
    assert_eq!(cases.len(), 59);
    for case in &cases {
        let name = case["case"].as_str();
        let response = b64(&fs::read_to_string(dir.join(&case["response"])).unwrap());
        let facts = &responses[&case["response"]];
        let issuer_file = if name == "ND1_CROSS" {
            &case["untrusted_files"]
        } else {
            &case["ca_files"]
        };
        let issuer = pem_certs(&dir.join(issuer_file)).remove(0);
        let h = hierarchy(name);
        let cert_file = files
            .iter()
            .find(|f| f.starts_with(&format!("{h}_Cert_")))
            .unwrap();
        let cert = pem_certs(&dir.join(cert_file)).remove(0);
        // The response's thisUpdate (the D responses were produced hours to
        // weeks after it, which the default policy rightly does not mind).
        let time = parse_time(&facts["this_update"]);
        let result = verifier.verify(
            &response,
            Subject::Certificate(&cert),
            Issuer::Certificate(&issuer),
            UnixTime::since_unix_epoch(std::time::Duration::from_secs(time)),
            None,
        );
        let got = match &result {
            Ok(v) => {
                assert_eq!(v.status, Status::Good, "{name}");
                assert_eq!(
                    v.this_update.unix_timestamp() as u64,
                    parse_time(&facts["this_update"])
                );
                Expect::Good(match v.responder {
                    Responder::Issuer => "issuer",
                    Responder::Delegated { .. } => "delegated",
                    _ => "other",
                })
            }
            Err(e) => Expect::Fails(e.clone()),
        };
        let want = expected(name);
        let agrees_with_openssl = matches!(want, Expect::Good(_)) == (case["expected"] == "pass");
        tally.record(got == want && agrees_with_openssl, || {
            format!(
                "{name}: got {got:?}, want {want:?} (openssl: {})",
                case["expected"]
            )
        });
    }
    assert_eq!(tally.finish().1, 0);
}
