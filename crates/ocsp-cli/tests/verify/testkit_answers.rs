//! Answers built by the testkit: revoked (exit 3), unknown (exit 4),
//! delegated and locally trusted responders, extra certificates, the
//! certificate checks and the age limits.

use super::*;

#[test]
fn revoked_exits_3() {
    let kit = Testkit::new(Flavor::Rsa);
    let pki = &kit.pki;
    let mut spec = pki.issuer_response();
    spec.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
        revocation_time: at(-10 * DAY),
        revocation_reason: Some(CrlReason::KeyCompromise),
    }))];
    let response = kit.write("revoked.der", &spec.sign(&pki.ca.key));
    let args = kit.args(&response);
    let value = assert_verified(&args, 3);
    assert_eq!(value["status"], "revoked");
    assert_eq!(value["revocation_time"], at(-10 * DAY).to_string());
    assert_eq!(value["revocation_reason"], "keyCompromise");
    assert_eq!(value["responder"], "issuer");
    assert_eq!(value["cert_id"]["serial"], "0a1b2c3d4e5f");

    let out = verify_text(&args);
    assert_eq!(out.status.code(), Some(3));
    let shown = text(&out.stdout);
    assert!(shown.starts_with("OK: revoked\n"), "{shown}");
    assert_contains_all(
        &shown,
        &[
            "reason:       keyCompromise",
            "signed by:    the issuer",
            "nonce:        (none)",
        ],
    );
    // A nonce sent but not echoed passes unless required.
    let with_nonce = [&args[..], &["--nonce", "0102"]].concat();
    let out = verify_text(&with_nonce);
    assert_eq!(out.status.code(), Some(3));
    assert_contains_all(
        &text(&out.stdout),
        &["nonce:        0102 sent, none in the response (not required)"],
    );
    assert_not_verified(
        &[&with_nonce[..], &["--require-nonce"]].concat(),
        "NonceMissing",
    );

    // Without a reason.
    spec.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
        revocation_time: at(-10 * DAY),
        revocation_reason: None,
    }))];
    let response = kit.write("revoked.der", &spec.sign(&pki.ca.key));
    let value = assert_verified(&kit.args(&response), 3);
    assert_eq!(value["revocation_reason"], Value::Null);
}

/// `ocsp verify ARGS` verifies `good`, signed by the `responder` kind, as
/// the text's `signed by:` line shows.
fn assert_good_signed_by(args: &[&str], responder: &str, shown: &[&str]) {
    let value = assert_verified(args, 0);
    assert_eq!(value["responder"], responder, "{value}");
    assert_contains_all(&text(&verify_text(args).stdout), shown);
}

#[test]
fn unknown_exits_4_and_delegated_and_trusted_responders() {
    let kit = Testkit::new(Flavor::P256);
    let pki = &kit.pki;
    let mut spec = pki.delegated_response();
    spec.singles = vec![pki.leaf_single(CertStatus::Unknown)];
    let response = kit.write("unknown.der", &spec.sign(&pki.delegate.key));
    let args = kit.args(&response);
    let value = assert_verified(&args, 4);
    assert_eq!(value["status"], "unknown");
    assert_eq!(value["responder"], "delegated");
    assert_eq!(value["revocation_time"], Value::Null);
    let out = verify_text(&args);
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
    let response = kit.write("rogue.der", &spec.sign(&rogue));
    let base = kit.args(&response);
    assert_not_verified(&base, "NoAuthorizedResponder");
    let trusted = kit.write_pem_certificates("trusted.pem", &[&pki.delegate.cert, &rogue_cert]);
    let with_trusted = [&base[..], &["--trusted-responder", &trusted]].concat();
    assert_good_signed_by(
        &with_trusted,
        "trusted",
        &[
            "signed by:    locally trusted responder CN=Local responder,O=ocsp-rs testkit (",
            "trusted.pem #2)",
        ],
    );
}

#[test]
fn missing_next_update_and_certificate_checks() {
    let kit = Testkit::new(Flavor::Rsa);
    let pki = &kit.pki;
    let mut spec = pki.issuer_response();
    spec.singles = vec![single(
        pki.leaf_cert_id(HashAlg::Sha256),
        CertStatus::Good,
        at(-HOUR),
        None,
    )];
    let response = kit.write("no-next.der", &spec.sign(&pki.ca.key));
    let args = kit.args(&response);
    let value = assert_verified(&args, 0);
    assert_eq!(value["next_update"], Value::Null);
    assert_eq!(value["cert_id"]["hash_algorithm"], "2.16.840.1.101.3.4.2.1");
    assert_not_verified(
        &[&args[..], &["--require-next-update"]].concat(),
        "MissingNextUpdate",
    );
    // The issuer given is not the certificate's: the other CA has the same
    // Name but another key, which the byKey ResponderID does not name.
    let other = kit.write("other.der", &pki.other_ca.cert);
    assert_not_verified(
        &testkit_args(&response, &kit.leaf, &other, &kit.now),
        "NoAuthorizedResponder",
    );
    // The CA given as the certificate in question: its issuer Name is the
    // CA's subject (self-signed), but the serial differs.
    assert_not_verified(
        &testkit_args(&response, &kit.ca, &kit.ca, &kit.now),
        "NoMatchingResponse",
    );
    // Before the response.
    let before = (NOW - 2 * HOUR).to_string();
    assert_not_verified(
        &testkit_args(&response, &kit.leaf, &kit.ca, &before),
        "NotYetValid",
    );
}

/// `ARGS --extra-certs FILE` for each of `files`.
fn with_extra_certs<'a>(args: &[&'a str], files: &[&'a str]) -> Vec<&'a str> {
    let mut all = args.to_vec();
    for file in files {
        all.extend(["--extra-certs", file]);
    }
    all
}

#[test]
fn extra_certs_authorize_a_response_without_embedded_certs() {
    let kit = Testkit::new(Flavor::Rsa);
    let pki = &kit.pki;
    // The testkit's knob for `openssl ocsp -resp_no_certs`: no certs field.
    let mut spec = pki.delegated_response();
    spec.certs = None;
    let response = kit.write("bare.der", &spec.sign(&pki.delegate.key));
    let base = kit.args(&response);
    assert_not_verified(&base, "NoAuthorizedResponder");
    // Every certificate of a PEM file is a candidate; a DER file holds one.
    let pem_file = kit.write_pem_certificates("extra.pem", &[&pki.ca.cert, &pki.delegate.cert]);
    let der_file = kit.write("extra.der", &pki.delegate.cert);
    for file in [pem_file.as_str(), der_file.as_str()] {
        assert_good_signed_by(
            &with_extra_certs(&base, &[file]),
            "delegated",
            &[
                "signed by:    delegated responder CN=Testkit OCSP Responder",
                "(an extra certificate, not embedded)",
            ],
        );
    }
    // A delegate certificate, edited, written to `name`.
    let delegate = |name: &str, edit: fn(&mut CertSpec)| {
        let mut spec = pki.delegate_spec();
        edit(&mut spec);
        kit.write(name, &pki.issue_delegate(&spec))
    };
    // Repeatable; an extra certificate is authorized like an embedded one.
    let no_eku = delegate("no-eku.der", |spec| spec.eku = None);
    assert_not_verified(
        &with_extra_certs(&base, &[&no_eku]),
        "DelegatedResponderNotOcspSigning",
    );
    assert_verified(&with_extra_certs(&base, &[&no_eku, &der_file]), 0);
    // A CA certificate as delegated responder is refused.
    let ca_delegate = delegate("ca-delegate.der", |spec| spec.ca = true);
    assert_not_verified(
        &with_extra_certs(&base, &[&ca_delegate]),
        "DelegatedResponderIsCa",
    );
    // A missing file is an input error.
    let missing = kit.tmp.join("missing.pem").to_str().unwrap().to_owned();
    let (code, _) = verify_json(&with_extra_certs(&base, &[&missing]));
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
    let write = |name: &str, bytes: &[u8]| write_temp(&dir, name, bytes);
    let ca = write("ca.pem", pem("CERTIFICATE", &pki.ca.cert).as_bytes());
    let leaf = write("leaf.pem", pem("CERTIFICATE", &pki.leaf).as_bytes());
    let rsigner = write(
        "rsigner.pem",
        pem("CERTIFICATE", &pki.delegate.cert).as_bytes(),
    );
    // The leaf, valid (status V), in OpenSSL's index format.
    let index = write(
        "index.txt",
        b"V\t491231235959Z\t\t0A1B2C3D4E5F\tunknown\t/CN=leaf.example\n",
    );
    let rkey = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ocsp-testkit/keys/responder-rsa.pk8"
    );
    let (request, response) = (dir.join("req.der"), dir.join("resp.der"));
    let (request, response) = (request.to_str().unwrap(), response.to_str().unwrap());
    let openssl = |args: &[&str]| ocsp_testkit::support::openssl(dir.path(), args);
    openssl(&[
        "ocsp",
        "-issuer",
        &ca,
        "-cert",
        &leaf,
        "-no_nonce",
        "-reqout",
        request,
    ]);
    openssl(&[
        "ocsp",
        "-index",
        &index,
        "-CA",
        &ca,
        "-rsigner",
        &rsigner,
        "-rkey",
        rkey,
        "-reqin",
        request,
        "-respout",
        response,
        "-resp_no_certs",
        "-ndays",
        "1",
    ]);
    let base = ["--response", response, "--cert", &leaf, "--issuer", &ca];
    assert_not_verified(&base, "NoAuthorizedResponder");
    let value = assert_verified(&[&base[..], &["--extra-certs", &rsigner]].concat(), 0);
    assert_eq!(value["status"], "good");
    assert_eq!(value["responder"], "delegated");
}

#[test]
fn max_age_replaces_both_age_limits() {
    let kit = Testkit::new(Flavor::Rsa);
    let pki = &kit.pki;
    for next in [None, Some(DAY)] {
        // 14 days old: refused by the 10-day defaults, with or without
        // nextUpdate.
        let mut spec = pki.issuer_response();
        spec.singles[0].this_update = at(-14 * DAY);
        spec.singles[0].next_update = next.map(at);
        spec.produced_at = at(-14 * DAY);
        let file = kit.write("aged.der", &spec.sign(&pki.ca.key));
        let base = kit.args(&file);
        assert_not_verified(&base, "TooOld");
        // 30 days allowed (openssl ocsp -status_age 2592000).
        assert_verified(&[&base[..], &["--max-age", "2592000"]].concat(), 0);
        // One day allowed: refused again.
        assert_not_verified(&[&base[..], &["--max-age", "86400"]].concat(), "TooOld");
    }
}
