//! Valid shapes, each with its exact verdict: signers, algorithms, CertID
//! hashes, statuses, issuer and subject forms, trusted responders.

use super::*;

#[test]
fn issuer_signed_rsa() {
    let pki = rsa();
    let seen = run(&pki, &pki.issuer_response().sign(&pki.ca.key)).unwrap();
    assert_eq!(
        seen,
        Seen {
            status: Status::Good,
            responder: Who::Issuer,
            valid_until: NOW + 3 * DAY
        }
    );
}

#[test]
fn delegated_rsa_by_key_and_by_name() {
    let pki = rsa();
    let signers = good_signers(&pki, &pki.issuer_response(), &pki.delegated_response());
    for (name, der, who) in signers {
        assert_eq!(status(&pki, &der), Ok((Status::Good, who)), "{name}");
    }
}

/// The faults of `bad_signatures` too, for ECDSA.
#[test]
fn ecdsa_p256_and_p384_issuer_and_delegated() {
    for flavor in [Flavor::P256, Flavor::P384] {
        let pki = Pki::new(flavor);
        assert_cases(&pki, &format!("{flavor:?}"), signature_cases(&pki));
        // The other hash on the same curve.
        let other_hash = match flavor {
            Flavor::P256 => SigAlg::EcdsaSha384,
            _ => SigAlg::EcdsaSha256,
        };
        let der = issuer_signed(&pki, |spec| spec.sig_alg = other_hash);
        assert_eq!(status(&pki, &der), GOOD_ISSUER, "{flavor:?} {other_hash:?}");
    }
}

#[test]
fn rsa_pss_pkcs1_sha384_sha512_and_sha1() {
    let pki = rsa();
    let algs = [
        SigAlg::RsaPssSha256,
        SigAlg::RsaPssSha384,
        SigAlg::RsaSha384,
        SigAlg::RsaSha512,
        SigAlg::RsaSha1,
    ];
    for alg in algs {
        let der = issuer_signed(&pki, |spec| spec.sig_alg = alg);
        assert_eq!(status(&pki, &der), GOOD_ISSUER, "{alg:?}");
    }
}

#[test]
fn sha1_signatures_refused_by_policy() {
    let pki = rsa();
    let no_sha1 = Policy {
        allow_sha1_signatures: false,
        ..Policy::default()
    };
    let mut spec = pki.issuer_response();
    spec.sig_alg = SigAlg::RsaSha1;
    let sha1 = Some(ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5"));
    assert_eq!(
        status_with(&pki, &spec.sign(&pki.ca.key), no_sha1),
        Err(Error::Sha1SignatureRefused { oid: sha1 })
    );
    // Also on the delegated responder's certificate.
    let mut cert = pki.delegate_spec();
    cert.sig_alg = Some(SigAlg::RsaSha1);
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![pki.issue_delegate(&cert)]);
    let der = spec.sign(&pki.delegate.key);
    assert_eq!(status(&pki, &der), GOOD_DELEGATED);
    assert_eq!(
        status_with(&pki, &der, no_sha1),
        Err(Error::Sha1SignatureRefused { oid: sha1 })
    );
}

#[test]
fn sha2_cert_ids() {
    let pki = rsa();
    for hash in [HashAlg::Sha256, HashAlg::Sha384, HashAlg::Sha512] {
        let id = pki.leaf_cert_id(hash);
        let der = issuer_signed(&pki, |spec| {
            spec.singles = vec![single(id, CertStatus::Good, at(-HOUR), Some(at(DAY)))];
        });
        assert_eq!(status(&pki, &der), GOOD_ISSUER, "{hash:?}");
    }
}

#[test]
fn each_status_and_reason() {
    let pki = rsa();
    let about_leaf = |s| issuer_signed(&pki, |spec| spec.singles = vec![pki.leaf_single(s)]);
    assert_eq!(
        status(&pki, &about_leaf(CertStatus::Unknown)),
        Ok((Status::Unknown, Who::Issuer))
    );
    let reasons = [
        CrlReason::Unspecified,
        CrlReason::KeyCompromise,
        CrlReason::CaCompromise,
        CrlReason::AffiliationChanged,
        CrlReason::Superseded,
        CrlReason::CessationOfOperation,
        CrlReason::CertificateHold,
        CrlReason::RemoveFromCrl,
        CrlReason::PrivilegeWithdrawn,
        CrlReason::AaCompromise,
    ];
    for reason in std::iter::once(None).chain(reasons.map(Some)) {
        let time = at(-10 * DAY);
        let revoked = CertStatus::Revoked(RevokedInfo {
            revocation_time: time,
            revocation_reason: reason,
        });
        assert_eq!(
            status(&pki, &about_leaf(revoked)),
            Ok((Status::Revoked { time, reason }, Who::Issuer)),
            "{reason:?}"
        );
    }
}

#[test]
fn name_and_key_issuer_and_serial_subject() {
    let pki = rsa();
    let der = pki.delegated_response().sign(&pki.delegate.key);
    let spki = pki.ca.key.spki_der();
    let v = Verifier::new(algorithms::ALL)
        .verify(
            &der,
            Subject::Serial(&[0, 0, 0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f]),
            Issuer::NameAndKey {
                subject: &pki.ca.name,
                spki: &spki,
            },
            now(0),
            None,
        )
        .unwrap();
    assert_eq!(v.status, Status::Good);
    assert_eq!(v.cert_id.serial_number(), Pki::LEAF_SERIAL);
}

#[test]
fn locally_trusted_responder() {
    let pki = rsa();
    // A responder the CA never certified: refused, unless the caller trusts it.
    let rogue = Key::load(KeyName::OtherRsa);
    let rogue_cert = CertSpec::new(&[9], der::name("Local responder"), at(-DAY), at(DAY)).issue(
        &rogue,
        &der::name("Local responder"),
        &rogue,
    );
    let mut spec = pki.issuer_response();
    spec.responder_id = by_key(&rogue);
    spec.certs = Some(vec![rogue_cert.clone()]);
    let der = spec.sign(&rogue);
    assert_eq!(
        status(&pki, &der),
        Err(Error::DelegatedResponderWrongIssuer)
    );
    let garbage: &[u8] = &[0x30, 0x00];
    let trusting = |trusted: &[&[u8]]| {
        Check {
            trusted,
            ..Check::default()
        }
        .status(&pki, &der)
    };
    assert_eq!(
        trusting(&[&pki.delegate.cert, &rogue_cert]),
        Ok((Status::Good, Who::Trusted(1)))
    );
    assert!(matches!(
        trusting(&[&pki.delegate.cert, garbage]),
        Err(Error::InvalidTrustedResponder { index: 1, .. })
    ));
}

#[test]
fn several_single_responses_strictest_wins() {
    let pki = rsa();
    let revoked = CertStatus::Revoked(RevokedInfo {
        revocation_time: at(-DAY),
        revocation_reason: Some(CrlReason::KeyCompromise),
    });
    let other = single(
        cert_id(HashAlg::Sha1, &pki.ca.name, &pki.ca.key, &[0x99]),
        revoked,
        at(-HOUR),
        Some(at(DAY)),
    );
    let cases = [
        (
            vec![CertStatus::Good, revoked, CertStatus::Unknown],
            Status::Revoked {
                time: at(-DAY),
                reason: Some(CrlReason::KeyCompromise),
            },
        ),
        (vec![CertStatus::Good, CertStatus::Unknown], Status::Unknown),
        (vec![CertStatus::Unknown, CertStatus::Good], Status::Unknown),
        (vec![CertStatus::Good, CertStatus::Good], Status::Good),
    ];
    for (statuses, want) in cases {
        let mut spec = pki.issuer_response();
        spec.singles = vec![other.clone()];
        spec.singles
            .extend(statuses.iter().map(|s| pki.leaf_single(*s)));
        assert_eq!(
            status(&pki, &spec.sign(&pki.ca.key)),
            Ok((want, Who::Issuer)),
            "{statuses:?}"
        );
    }
    // An expired revoked one is not outvoted by a fresh good one: the
    // unusable entry fails the whole response.
    let mut spec = pki.issuer_response();
    spec.singles = vec![
        single(
            pki.leaf_cert_id(HashAlg::Sha1),
            revoked,
            at(-5 * DAY),
            Some(at(-4 * DAY)),
        ),
        pki.leaf_single(CertStatus::Good),
    ];
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::Expired {
            next_update: at(-4 * DAY)
        })
    );
    // Only the invalid one: its error.
    spec.singles.truncate(1);
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::Expired {
            next_update: at(-4 * DAY)
        })
    );
}

#[test]
fn extra_certs_are_harmless_and_every_candidate_is_tried() {
    let pki = rsa();
    // Same name and key as the delegate but no EKU, then the good one.
    let mut spec = pki.delegated_response();
    spec.responder_id = pki.delegate_by_name();
    spec.certs = Some(vec![
        pki.ca.cert.clone(),
        pki.other_ca.cert.clone(),
        delegate_cert(&pki, |c| c.eku = None),
        pki.delegate.cert.clone(),
    ]);
    assert_eq!(status(&pki, &spec.sign(&pki.delegate.key)), GOOD_DELEGATED);
    // Issuer-signed response with unrelated certs.
    let der = issuer_signed(&pki, |spec| {
        spec.certs = Some(vec![pki.delegate.cert.clone(), pki.leaf.clone()]);
    });
    assert_eq!(status(&pki, &der), GOOD_ISSUER);
}

#[test]
fn the_most_specific_error_is_reported() {
    let pki = rsa();
    let no_eku = delegate_cert(&pki, |c| c.eku = None);
    let expired = delegate_cert(&pki, |c| c.not_after = at(-DAY));
    let der = delegated(&pki, Some(vec![no_eku.clone(), expired, no_eku]));
    assert_eq!(
        status(&pki, &der),
        Err(Error::DelegatedResponderNotValid {
            not_before: at(-30 * DAY),
            not_after: at(-DAY)
        })
    );
}
