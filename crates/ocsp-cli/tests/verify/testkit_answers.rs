//! Answers built by the testkit: revoked (exit 3), unknown (exit 4),
//! delegated and locally trusted responders, extra certificates, the
//! certificate checks and the age limits.

use super::*;

#[test]
fn revoked_exits_3() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::Rsa);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let mut spec = pki.issuer_response();
    spec.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
        revocation_time: at(-10 * DAY),
        revocation_reason: Some(CrlReason::KeyCompromise),
    }))];
    let response = write_temp(&tmp, "revoked.der", &spec.sign(&pki.ca.key));
    let now = testkit_now();
    let args = testkit_args(&response, &leaf, &ca, &now);
    let (code, value) = verify_json(&args);
    assert_eq!(code, 3, "{value}");
    assert_eq!(value["verified"], true);
    assert_eq!(value["status"], "revoked");
    assert_eq!(value["revocation_time"], at(-10 * DAY).to_string());
    assert_eq!(value["revocation_reason"], "keyCompromise");
    assert_eq!(value["responder"], "issuer");
    assert_eq!(value["cert_id"]["serial"], "0a1b2c3d4e5f");

    let out = ocsp(&[&["verify"], &args[..]].concat());
    assert_eq!(out.status.code(), Some(3));
    let shown = text(&out.stdout);
    assert!(shown.starts_with("OK: revoked\n"), "{shown}");
    assert!(shown.contains("reason:       keyCompromise"), "{shown}");
    assert!(shown.contains("signed by:    the issuer"), "{shown}");
    assert!(shown.contains("nonce:        (none)"), "{shown}");
    // A nonce sent but not echoed passes unless required.
    let with_nonce = [&args[..], &["--nonce", "0102"]].concat();
    let out = ocsp(&[&["verify"], &with_nonce[..]].concat());
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stdout).contains("nonce:        0102 sent, none in the response (not required)"),
        "{}",
        text(&out.stdout)
    );
    let (code, value) = verify_json(&[&with_nonce[..], &["--require-nonce"]].concat());
    assert_eq!(code, 1);
    assert_failure(&value, "NonceMissing");

    // Without a reason.
    spec.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
        revocation_time: at(-10 * DAY),
        revocation_reason: None,
    }))];
    let response = write_temp(&tmp, "revoked.der", &spec.sign(&pki.ca.key));
    let (code, value) = verify_json(&testkit_args(&response, &leaf, &ca, &now));
    assert_eq!(code, 3);
    assert_eq!(value["revocation_reason"], Value::Null);
}

#[test]
fn unknown_exits_4_and_delegated_and_trusted_responders() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::P256);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let now = testkit_now();
    let mut spec = pki.delegated_response();
    spec.singles = vec![pki.leaf_single(CertStatus::Unknown)];
    let response = write_temp(&tmp, "unknown.der", &spec.sign(&pki.delegate.key));
    let args = testkit_args(&response, &leaf, &ca, &now);
    let (code, value) = verify_json(&args);
    assert_eq!(code, 4, "{value}");
    assert_eq!(value["status"], "unknown");
    assert_eq!(value["responder"], "delegated");
    assert_eq!(value["revocation_time"], Value::Null);
    let out = ocsp(&[&["verify"], &args[..]].concat());
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stdout).starts_with("OK: unknown\n"));

    // A responder the CA never certified: refused, unless trusted locally.
    let rogue = ocsp_testkit::Key::load(ocsp_testkit::KeyName::OtherRsa);
    let rogue_name = ocsp_testkit::der::name("Local responder");
    let rogue_cert = CertSpec::new(&[9], rogue_name.clone(), at(-DAY), at(DAY)).issue(
        &rogue,
        &rogue_name,
        &rogue,
    );
    let mut spec = pki.issuer_response();
    spec.responder_id = ResponderId::ByName(rogue_name);
    spec.sig_alg = rogue.default_alg();
    let response = write_temp(&tmp, "rogue.der", &spec.sign(&rogue));
    let base = testkit_args(&response, &leaf, &ca, &now);
    let (code, value) = verify_json(&base);
    assert_eq!(code, 1);
    assert_failure(&value, "NoAuthorizedResponder");
    let trusted = write_temp(
        &tmp,
        "trusted.pem",
        format!(
            "{}{}",
            pem("CERTIFICATE", &pki.delegate.cert),
            pem("CERTIFICATE", &rogue_cert)
        )
        .as_bytes(),
    );
    let with_trusted = [&base[..], &["--trusted-responder", &trusted]].concat();
    let (code, value) = verify_json(&with_trusted);
    assert_eq!(code, 0, "{value}");
    assert_eq!(value["responder"], "trusted");
    let out = ocsp(&[&["verify"], &with_trusted[..]].concat());
    let shown = text(&out.stdout);
    assert!(
        shown.contains(
            "signed by:    locally trusted responder CN=Local responder,O=ocsp-rs testkit ("
        ) && shown.contains("trusted.pem #2)"),
        "{shown}"
    );
}

#[test]
fn missing_next_update_and_certificate_checks() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::Rsa);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let now = testkit_now();
    let mut spec = pki.issuer_response();
    spec.singles = vec![single(
        pki.leaf_cert_id(HashAlg::Sha256),
        CertStatus::Good,
        at(-HOUR),
        None,
    )];
    let response = write_temp(&tmp, "no-next.der", &spec.sign(&pki.ca.key));
    let args = testkit_args(&response, &leaf, &ca, &now);
    let (code, value) = verify_json(&args);
    assert_eq!(code, 0, "{value}");
    assert_eq!(value["next_update"], Value::Null);
    assert_eq!(value["cert_id"]["hash_algorithm"], "2.16.840.1.101.3.4.2.1");
    let (code, value) = verify_json(&[&args[..], &["--require-next-update"]].concat());
    assert_eq!(code, 1);
    assert_failure(&value, "MissingNextUpdate");
    // The issuer given is not the certificate's: the other CA has the same
    // Name but another key, which the byKey ResponderID does not name.
    let other = write_temp(&tmp, "other.der", &pki.other_ca.cert);
    let (code, value) = verify_json(&testkit_args(&response, &leaf, &other, &now));
    assert_eq!(code, 1);
    assert_failure(&value, "NoAuthorizedResponder");
    // The CA given as the certificate in question: its issuer Name is the
    // CA's subject (self-signed), but the serial differs.
    let (code, value) = verify_json(&testkit_args(&response, &ca, &ca, &now));
    assert_eq!(code, 1);
    assert_failure(&value, "NoMatchingResponse");
    // Before the response.
    let (code, value) = verify_json(&[
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &ca,
        "--at",
        &(NOW - 2 * HOUR).to_string(),
    ]);
    assert_eq!(code, 1);
    assert_failure(&value, "NotYetValid");
}

#[test]
fn extra_certs_authorize_a_response_without_embedded_certs() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::Rsa);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let now = testkit_now();
    // The testkit's knob for `openssl ocsp -resp_no_certs`: no certs field.
    let mut spec = pki.delegated_response();
    spec.certs = None;
    let response = write_temp(&tmp, "bare.der", &spec.sign(&pki.delegate.key));
    let base = testkit_args(&response, &leaf, &ca, &now);
    let (code, value) = verify_json(&base);
    assert_eq!(code, 1);
    assert_failure(&value, "NoAuthorizedResponder");
    // Every certificate of a PEM file is a candidate; a DER file holds one.
    let pem_file = write_temp(
        &tmp,
        "extra.pem",
        format!(
            "{}{}",
            pem("CERTIFICATE", &pki.ca.cert),
            pem("CERTIFICATE", &pki.delegate.cert)
        )
        .as_bytes(),
    );
    let der_file = write_temp(&tmp, "extra.der", &pki.delegate.cert);
    for file in [&pem_file, &der_file] {
        let args = [&base[..], &["--extra-certs", file]].concat();
        let (code, value) = verify_json(&args);
        assert_eq!(code, 0, "{value}");
        assert_eq!(value["responder"], "delegated");
        let shown = text(&ocsp(&[&["verify"], &args[..]].concat()).stdout);
        assert!(
            shown.contains("signed by:    delegated responder CN=Testkit OCSP Responder")
                && shown.contains("(an extra certificate, not embedded)"),
            "{shown}"
        );
    }
    // Repeatable; an extra certificate is authorized like an embedded one.
    let mut no_eku = pki.delegate_spec();
    no_eku.eku = None;
    let no_eku = write_temp(&tmp, "no-eku.der", &pki.issue_delegate(&no_eku));
    let (code, value) = verify_json(&[&base[..], &["--extra-certs", &no_eku]].concat());
    assert_eq!(code, 1);
    assert_failure(&value, "DelegatedResponderNotOcspSigning");
    let (code, value) = verify_json(
        &[
            &base[..],
            &["--extra-certs", &no_eku, "--extra-certs", &der_file],
        ]
        .concat(),
    );
    assert_eq!(code, 0, "{value}");
    // A CA certificate as delegated responder is refused.
    let mut ca_spec = pki.delegate_spec();
    ca_spec.ca = true;
    let ca_delegate = write_temp(&tmp, "ca-delegate.der", &pki.issue_delegate(&ca_spec));
    let (code, value) = verify_json(&[&base[..], &["--extra-certs", &ca_delegate]].concat());
    assert_eq!(code, 1);
    assert_failure(&value, "DelegatedResponderIsCa");
    // A missing file is an input error.
    let missing = tmp.join("missing.pem").to_str().unwrap().to_owned();
    let (code, _) = verify_json(&[&base[..], &["--extra-certs", &missing]].concat());
    assert_eq!(code, 1);
}

#[test]
fn extra_certs_with_an_openssl_response_without_certs() {
    if !ocsp_testkit::support::openssl_available(
        "extra_certs_with_an_openssl_response_without_certs",
    ) {
        return;
    }
    // OpenSSL stamps the wall clock: build the PKI around it, verify now.
    let wall = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let pki = Pki::new_at(Flavor::Rsa, wall);
    let dir = TempDir::new("ocsp-cli-verify");
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    std::fs::write(path("ca.pem"), pem("CERTIFICATE", &pki.ca.cert)).unwrap();
    std::fs::write(path("leaf.pem"), pem("CERTIFICATE", &pki.leaf)).unwrap();
    std::fs::write(path("rsigner.pem"), pem("CERTIFICATE", &pki.delegate.cert)).unwrap();
    let rkey = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ocsp-testkit/keys/responder-rsa.pk8"
    );
    // The leaf, valid (status V), in OpenSSL's index format.
    std::fs::write(
        path("index.txt"),
        "V\t491231235959Z\t\t0A1B2C3D4E5F\tunknown\t/CN=leaf.example\n",
    )
    .unwrap();
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    };
    openssl(&[
        "ocsp",
        "-issuer",
        &path("ca.pem"),
        "-cert",
        &path("leaf.pem"),
        "-no_nonce",
        "-reqout",
        &path("req.der"),
    ]);
    openssl(&[
        "ocsp",
        "-index",
        &path("index.txt"),
        "-CA",
        &path("ca.pem"),
        "-rsigner",
        &path("rsigner.pem"),
        "-rkey",
        rkey,
        "-reqin",
        &path("req.der"),
        "-respout",
        &path("resp.der"),
        "-resp_no_certs",
        "-ndays",
        "1",
    ]);
    let (response, leaf, ca) = (path("resp.der"), path("leaf.pem"), path("ca.pem"));
    let base = ["--response", &response, "--cert", &leaf, "--issuer", &ca];
    let (code, value) = verify_json(&base);
    assert_eq!(code, 1, "{value}");
    assert_failure(&value, "NoAuthorizedResponder");
    let rsigner = path("rsigner.pem");
    let (code, value) = verify_json(&[&base[..], &["--extra-certs", &rsigner]].concat());
    assert_eq!(code, 0, "{value}");
    assert_eq!(value["status"], "good");
    assert_eq!(value["responder"], "delegated");
}

#[test]
fn max_age_replaces_both_age_limits() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::Rsa);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let now = testkit_now();
    let response = |this: i64, next: Option<i64>| {
        let mut spec = pki.issuer_response();
        spec.singles = vec![single(
            pki.leaf_cert_id(HashAlg::Sha1),
            CertStatus::Good,
            at(this),
            next.map(at),
        )];
        spec.produced_at = at(this);
        write_temp(&tmp, "aged.der", &spec.sign(&pki.ca.key))
    };
    for next in [None, Some(DAY)] {
        // 14 days old: refused by the 10-day defaults, with or without
        // nextUpdate.
        let file = response(-14 * DAY, next);
        let base = testkit_args(&file, &leaf, &ca, &now);
        let (code, value) = verify_json(&base);
        assert_eq!(code, 1, "{next:?}");
        assert_failure(&value, "TooOld");
        // 30 days allowed (openssl ocsp -status_age 2592000).
        let (code, value) = verify_json(&[&base[..], &["--max-age", "2592000"]].concat());
        assert_eq!(code, 0, "{next:?} {value}");
        // One day allowed: refused again.
        let (code, value) = verify_json(&[&base[..], &["--max-age", "86400"]].concat());
        assert_eq!(code, 1, "{next:?}");
        assert_failure(&value, "TooOld");
    }
}
