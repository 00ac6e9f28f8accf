//! The cases: each response with what `ocsp_verify` concludes and how
//! OpenSSL's model is made comparable.

use super::common::{good_signers, wrong_cert_ids};
use super::*;

/// A change to the delegate's certificate.
type EditDelegate<'a> = dyn Fn(&mut CertSpec) + 'a;

/// The cases common to every key type.
pub(super) fn common_cases(w: &World) -> Vec<Case> {
    let pki = &w.pki;
    let mut issuer_bad = w.issuer_response();
    issuer_bad.corrupt_signature = true;
    let mut delegated_bad = w.delegated_response();
    delegated_bad.corrupt_signature = true;
    let good = good_signers(pki, &w.issuer_response(), &w.delegated_response());
    let bad = [
        (
            "issuer bad signature",
            issuer_bad.sign(&pki.ca.key),
            Err("InvalidSignature"),
        ),
        (
            "delegated bad signature",
            delegated_bad.sign(&pki.delegate.key),
            Err("InvalidSignature"),
        ),
    ];
    good.into_iter()
        .map(|(name, response, _)| (name, response, GOOD))
        .chain(bad)
        .map(|(name, response, want)| case(&format!("{} {name}", w.flavor), response, want))
        .collect()
}

pub(super) fn rsa_cases(w: &World) -> Vec<Case> {
    let pki = &w.pki;
    let mut cases = Vec::new();
    let revoked = |reason| {
        CertStatus::Revoked(RevokedInfo {
            revocation_time: w.at(-10 * DAY),
            revocation_reason: reason,
        })
    };

    // ------------------------------------------------ valid shapes
    for (name, status, want) in [
        (
            "revoked keyCompromise",
            revoked(Some(CrlReason::KeyCompromise)),
            "revoked",
        ),
        ("revoked without reason", revoked(None), "revoked"),
        ("unknown", CertStatus::Unknown, "unknown"),
    ] {
        for (signer, mut spec, key) in [
            ("issuer", w.issuer_response(), &pki.ca.key),
            ("delegated", w.delegated_response(), &pki.delegate.key),
        ] {
            spec.singles = vec![w.leaf_single(status)];
            cases.push(case(&format!("{signer} {name}"), spec.sign(key), Ok(want)));
        }
    }
    // The good signers (byKey, byName): `common_cases`.
    for alg in [
        SigAlg::RsaPssSha256,
        SigAlg::RsaSha384,
        SigAlg::RsaSha512,
        SigAlg::RsaSha1,
    ] {
        let mut spec = w.issuer_response();
        spec.sig_alg = alg;
        cases.push(case(
            &format!("issuer {alg:?}"),
            spec.sign(&pki.ca.key),
            GOOD,
        ));
    }
    let mut spec = w.issuer_response();
    spec.singles = vec![single(
        pki.leaf_cert_id(HashAlg::Sha256),
        CertStatus::Good,
        w.at(-HOUR),
        Some(w.at(DAY)),
    )];
    let sha256_cert_id = spec.sign(&pki.ca.key);
    let mut c = case("SHA-256 CertID", sha256_cert_id.clone(), GOOD);
    c.openssl_args = vec!["-sha256"];
    cases.push(c);
    // Another certificate's revoked answer next to ours.
    let mut spec = w.issuer_response();
    spec.singles = vec![
        single(
            cert_id(HashAlg::Sha1, &pki.ca.name, &pki.ca.key, &[0x99]),
            revoked(Some(CrlReason::Superseded)),
            w.at(-HOUR),
            Some(w.at(DAY)),
        ),
        w.leaf_single(CertStatus::Good),
    ];
    cases.push(case("two single responses", spec.sign(&pki.ca.key), GOOD));
    // Extra embedded certificates are harmless.
    let mut spec = w.issuer_response();
    spec.certs = Some(vec![pki.other_ca.cert.clone(), pki.leaf.clone()]);
    cases.push(case(
        "issuer with unrelated certs",
        spec.sign(&pki.ca.key),
        GOOD,
    ));

    // ------------------------------------------------ responder faults
    let mut spec = w.issuer_response();
    spec.responder_id = ResponderId::ByKey(vec![0x42; 20]);
    cases.push(case(
        "wrong responder ID byKey",
        spec.sign(&pki.ca.key),
        Err("NoAuthorizedResponder"),
    ));
    spec.responder_id = ResponderId::ByName(der::name("Nobody"));
    cases.push(case(
        "wrong responder ID byName",
        spec.sign(&pki.ca.key),
        Err("NoAuthorizedResponder"),
    ));
    cases.push(case(
        "names the CA, signed by another key",
        w.issuer_response().sign(&pki.other_ca.key),
        Err("InvalidSignature"),
    ));
    let mut spec = w.delegated_response();
    spec.certs = None;
    cases.push(case(
        "delegated without its certificate",
        spec.sign(&pki.delegate.key),
        Err("NoAuthorizedResponder"),
    ));
    let validity = |nb: i64, na: i64| {
        move |c: &mut CertSpec| {
            c.not_before = w.at(nb);
            c.not_after = w.at(na);
        }
    };
    let expired = validity(-30 * DAY, -DAY);
    let not_yet_valid = validity(DAY, 30 * DAY);
    let delegate_cases: [(&str, &EditDelegate, Result<&str, &str>); 8] = [
        (
            "delegate without EKU",
            &|c| c.eku = None,
            Err("DelegatedResponderNotOcspSigning"),
        ),
        (
            "delegate with serverAuth only",
            &|c| c.eku = Some(vec![cert::KP_SERVER_AUTH.to_vec()]),
            Err("DelegatedResponderNotOcspSigning"),
        ),
        // SHA-1 on the delegate's certificate: both accept it by default
        // (ocsp-verify refuses it only with allow_sha1_signatures = false).
        (
            "delegate certificate signed with SHA-1",
            &|c| c.sig_alg = Some(SigAlg::RsaSha1),
            GOOD,
        ),
        (
            "delegate with serverAuth and OCSPSigning",
            &|c| {
                c.eku = Some(vec![
                    cert::KP_SERVER_AUTH.to_vec(),
                    cert::KP_OCSP_SIGNING.to_vec(),
                ]);
            },
            GOOD,
        ),
        (
            "expired delegate",
            &expired,
            Err("DelegatedResponderNotValid"),
        ),
        (
            "delegate not yet valid",
            &not_yet_valid,
            Err("DelegatedResponderNotValid"),
        ),
        (
            "delegate certificate signature broken",
            &|c| c.corrupt_signature = true,
            Err("DelegatedResponderBadSignature"),
        ),
        (
            "delegate with an unknown critical extension",
            &|c| {
                c.extra_extensions
                    .push((vec![0x2a, 0x03, 0x04], true, vec![0x05, 0x00]));
            },
            Err("DelegatedResponderUnhandledCriticalExtension"),
        ),
    ];
    for (name, edit, want) in delegate_cases {
        let mut c = w.delegate_spec();
        edit(&mut c);
        let response = w.with_delegate(pki.issue_delegate(&c));
        cases.push(case(name, response.sign(&pki.delegate.key), want));
    }
    // Same issuer Name, another key.
    let c = w
        .delegate_spec()
        .issue(&pki.delegate.key, &pki.other_ca.name, &pki.other_ca.key);
    cases.push(case(
        "delegate issued by another key under the CA's Name",
        w.with_delegate(c).sign(&pki.delegate.key),
        Err("DelegatedResponderBadSignature"),
    ));
    // Another CA, which OpenSSL trusts too: the chain is valid, but it is not
    // the issuer of the certificate in question.
    let stranger_key = Key::load(KeyName::OtherRsa);
    let stranger_name = der::name("Stranger CA");
    let mut stranger_spec = CertSpec::new(
        &[3],
        stranger_name.clone(),
        w.at(-1000 * DAY),
        w.at(1000 * DAY),
    );
    stranger_spec.ca = true;
    stranger_spec.key_usage = Some(cert::KU_CERT_SIGN | cert::KU_DIGITAL_SIGNATURE);
    let stranger_cert = stranger_spec.issue(&stranger_key, &stranger_name, &stranger_key);
    let c = w
        .delegate_spec()
        .issue(&pki.delegate.key, &stranger_name, &stranger_key);
    let mut stranger_case = case(
        "delegate issued by another trusted CA",
        w.with_delegate(c).sign(&pki.delegate.key),
        Err("DelegatedResponderWrongIssuer"),
    );
    stranger_case.extra_anchors = vec![stranger_cert.clone()];
    cases.push(stranger_case);
    // The stranger CA signs the response itself.
    let mut spec = w.issuer_response();
    spec.responder_id = by_key(&stranger_key);
    spec.certs = Some(vec![stranger_cert.clone()]);
    let mut c = case(
        "signed by another trusted CA",
        spec.sign(&stranger_key),
        Err("DelegatedResponderWrongIssuer"),
    );
    c.extra_anchors = vec![stranger_cert];
    cases.push(c);
    // A responder the CA never certified, trusted locally (-VAfile).
    let rogue = Key::load(KeyName::OtherRsa);
    let rogue_name = der::name("Local responder");
    let rogue_cert = CertSpec::new(&[9], rogue_name.clone(), w.at(-DAY), w.at(DAY)).issue(
        &rogue,
        &rogue_name,
        &rogue,
    );
    let mut spec = w.issuer_response();
    spec.responder_id = by_key(&rogue);
    let rogue_response = spec.sign(&rogue);
    let mut c = case("locally trusted responder", rogue_response.clone(), GOOD);
    c.trusted = Some(rogue_cert.clone());
    cases.push(c);
    cases.push(case(
        "locally trusted responder, not trusted",
        rogue_response,
        Err("NoAuthorizedResponder"),
    ));

    // ------------------------------------------------ CertID faults
    for (name, id) in wrong_cert_ids(pki, HashAlg::Sha1) {
        let mut spec = w.issuer_response();
        spec.singles = vec![single(id, CertStatus::Good, w.at(-HOUR), Some(w.at(DAY)))];
        cases.push(case(
            &format!("wrong CertID {name}"),
            spec.sign(&pki.ca.key),
            Err("NoMatchingResponse"),
        ));
    }
    // A SHA-256 CertID, without -sha256: a difference of interface more
    // than of rules (with -sha256 both agree, see "SHA-256 CertID").
    cases.push(
        case("SHA-256 CertID, OpenSSL asks SHA-1", sha256_cert_id, GOOD).differs(
            "OpenSSL looks up the CertID it builds (SHA-1 unless -sha256 is given) \
             and compares the hash algorithm; ocsp-verify recomputes the issuer hashes \
             under each CertID's own algorithm (SHA-1/256/384/512).",
        ),
    );

    // ------------------------------------------------ time (wall clock)
    let times = |this: i64, next: Option<i64>| {
        let mut spec = w.issuer_response();
        spec.singles = vec![single(
            pki.leaf_cert_id(HashAlg::Sha1),
            CertStatus::Good,
            w.at(this),
            next.map(|n| w.at(n)),
        )];
        spec.produced_at = w.at(this.min(0));
        spec.sign(&pki.ca.key)
    };
    for (name, this, next, want) in [
        ("expired a day ago", -3 * DAY, Some(-DAY), Err("Expired")),
        (
            "not valid for another day",
            DAY,
            Some(3 * DAY),
            Err("NotYetValid"),
        ),
        (
            "expired 100 s ago (within the 300 s skew)",
            -DAY,
            Some(-100),
            GOOD,
        ),
        (
            "thisUpdate 200 s ahead (within the 300 s skew)",
            200,
            Some(DAY),
            GOOD,
        ),
        ("expired 1000 s ago", -DAY, Some(-1000), Err("Expired")),
        (
            "nextUpdate before thisUpdate",
            -HOUR,
            Some(-2 * HOUR),
            Err("NextUpdateBeforeThisUpdate"),
        ),
        ("no nextUpdate, fresh", -HOUR, None, GOOD),
    ] {
        cases.push(case(name, times(this, next), want));
    }
    // Without nextUpdate, ours refuses after max_age_without_next_update (10
    // days); OpenSSL's -status_age 864000 is the same bound.
    let mut c = case(
        "no nextUpdate, 20 days old",
        times(-20 * DAY, None),
        Err("TooOld"),
    );
    c.openssl_args = vec!["-status_age", "864000"];
    cases.push(c);
    // ------------------------------------------------ other statuses
    let try_later = OcspResponse {
        status: ResponseStatus::TryLater,
        basic: None,
    }
    .to_der()
    .unwrap();
    cases.push(case("tryLater", try_later, Err("Unsuccessful")));

    // ------------------------------------------------ documented differences
    let mut key_cert_sign = w.delegate_spec();
    key_cert_sign.key_usage = Some(cert::KU_CERT_SIGN);
    let mut two_issuers = w.delegated_response();
    two_issuers.singles.push(single(
        cert_id(
            HashAlg::Sha1,
            &der::name("Other CA"),
            &pki.other_ca.key,
            &[0x01],
        ),
        CertStatus::Good,
        w.at(-HOUR),
        Some(w.at(DAY)),
    ));
    let mut unknown_critical = w.issuer_response();
    unknown_critical.extensions = vec![Extension {
        oid: ObjectIdentifier::new_unwrap("1.2.3.4"),
        critical: true,
        value: vec![0x05, 0x00],
    }];
    for (name, response, want, why) in [
        (
            "no nextUpdate, 20 days old, no -status_age",
            times(-20 * DAY, None),
            Err("TooOld"),
            "Without -status_age OpenSSL sets no age limit on a response without \
                 nextUpdate; ocsp-verify applies Policy::max_age_without_next_update \
                 (10 days, as mozilla::pkix): such a responder always has newer \
                 information (RFC 6960 4.2.2.1).",
        ),
        (
            "delegate keyUsage without digitalSignature",
            w.with_delegate(pki.issue_delegate(&key_cert_sign))
                .sign(&pki.delegate.key),
            Err("DelegatedResponderKeyUsage"),
            "OpenSSL's OCSP-helper purpose does not check the responder's keyUsage; \
             ocsp-verify requires digitalSignature when keyUsage is present \
             (RFC 5280 4.2.1.3: the key signs the response).",
        ),
        (
            "delegated, also answering about another CA's certificate",
            two_issuers.sign(&pki.delegate.key),
            GOOD,
            "OpenSSL refuses a delegated response whose CertIDs name more than one \
             issuer (ocsp_check_ids); ocsp-verify only reads the single responses \
             about the certificate in question, which the delegate may answer for.",
        ),
        (
            "unknown critical response extension",
            unknown_critical.sign(&pki.ca.key),
            Err("UnhandledCriticalExtension"),
            "OpenSSL does not look at response or single extensions when verifying; \
             ocsp-verify fails on a critical one it does not process (RFC 5280 4.2 \
             semantics, as mozilla::pkix).",
        ),
    ] {
        cases.push(case(name, response, want).differs(why));
    }
    // The certificate in question expired before the response was produced.
    let expired_leaf = CertSpec::new(
        Pki::LEAF_SERIAL,
        der::name("leaf.example"),
        w.at(-100 * DAY),
        w.at(-DAY),
    )
    .issue(&Key::load(KeyName::OtherRsa), &pki.ca.name, &pki.ca.key);
    let mut c = case(
        "producedAt after the certificate expired",
        w.issuer_response().sign(&pki.ca.key),
        Err("ProducedOutsideCertificateValidity"),
    )
    .differs(
        "OpenSSL does not compare producedAt with the certificate in question; \
         ocsp-verify requires producedAt within its validity (as Chromium): a \
         response produced after expiry says nothing a CA still vouches for.",
    );
    c.leaf = Some(expired_leaf);
    cases.push(c);
    cases
}

pub(super) fn ecdsa_cases(w: &World, other_hash: SigAlg) -> Vec<Case> {
    let mut spec = w.issuer_response();
    spec.sig_alg = other_hash;
    vec![case(
        &format!("{} issuer {other_hash:?}", w.flavor),
        spec.sign(&w.pki.ca.key),
        GOOD,
    )]
}
