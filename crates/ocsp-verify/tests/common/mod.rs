//! Shared by this crate's integration tests: the verifier over the testkit's
//! leaf and CA at the testkit's `NOW`, its answer without borrows, and the
//! responses that every signature flavor must get right.
//!
//! Each test crate uses a part of it.
#![allow(dead_code)]

use std::time::Duration;

use ocsp_testkit::{CertSpec, Flavor, HashAlg, Pki, ResponseSpec, SigAlg, NOW};
use ocsp_types::{
    AlgorithmIdentifier, CertId, CertStatus, CrlReason, ObjectIdentifier, ResponderId, RevokedInfo,
};
use ocsp_verify::{
    algorithms, Error, Issuer, Policy, Responder, SignatureVerificationAlgorithm, Status, Subject,
    UnixTime, Verifier,
};

/// The default clock skew of [`Policy`], in seconds.
pub const SKEW: i64 = 300;

/// An extension OID no one knows.
pub const UNKNOWN_EXT: &str = "1.3.6.1.4.1.99999.1";

/// The testkit's `NOW` plus `offset` seconds.
pub fn now(offset: i64) -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs((NOW + offset) as u64))
}

/// Who signed, without borrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Issuer,
    /// A delegate whose certificate the response embeds.
    Delegated,
    /// A delegate among the caller's extra certificates, at this index.
    Extra(usize),
    /// One of the caller's locally trusted responders, at this index.
    Trusted(usize),
}

/// What a verification gave, without borrows.
#[derive(Debug, PartialEq, Eq)]
pub struct Seen {
    pub status: Status,
    pub responder: Who,
    /// Seconds since the Unix epoch.
    pub valid_until: i64,
}

/// A verification of a response about the testkit's leaf, issued by its CA
/// (given as a certificate); [`Check::default`] is `algorithms::ALL`, the
/// default policy, `NOW`, no nonce, no trusted or extra certificates.
pub struct Check<'a> {
    pub algorithms: &'a [&'a dyn SignatureVerificationAlgorithm],
    pub policy: Policy,
    pub time: UnixTime,
    pub nonce: Option<&'a [u8]>,
    pub trusted: &'a [&'a [u8]],
    pub extra: &'a [&'a [u8]],
    /// The issuer given as the CA's Name and this SubjectPublicKeyInfo
    /// instead of its certificate.
    pub issuer_spki: Option<&'a [u8]>,
}

impl Default for Check<'_> {
    fn default() -> Self {
        Check {
            algorithms: algorithms::ALL,
            policy: Policy::default(),
            time: now(0),
            nonce: None,
            trusted: &[],
            extra: &[],
            issuer_spki: None,
        }
    }
}

impl Check<'_> {
    /// Verifies `der`.
    pub fn run(&self, pki: &Pki, der: &[u8]) -> Result<Seen, Error> {
        let issuer = match self.issuer_spki {
            Some(spki) => Issuer::NameAndKey {
                subject: &pki.ca.name,
                spki,
            },
            None => Issuer::Certificate(&pki.ca.cert),
        };
        Verifier::new(self.algorithms)
            .with_policy(self.policy)
            .with_trusted_responders(self.trusted)
            .with_extra_certificates(self.extra)
            .verify(
                der,
                Subject::Certificate(&pki.leaf),
                issuer,
                self.time,
                self.nonce,
            )
            .map(|v| Seen {
                status: v.status,
                responder: match v.responder {
                    Responder::Issuer => Who::Issuer,
                    Responder::Delegated { .. } => Who::Delegated,
                    Responder::DelegatedExtra { index } => Who::Extra(index),
                    Responder::LocallyTrusted { index } => Who::Trusted(index),
                    other => panic!("a responder this test does not know: {other:?}"),
                },
                valid_until: v.valid_until.as_secs() as i64,
            })
    }

    /// Verifies `der`: the status and who signed.
    pub fn status(&self, pki: &Pki, der: &[u8]) -> Result<(Status, Who), Error> {
        self.run(pki, der).map(|s| (s.status, s.responder))
    }
}

/// Verifies `der` under the defaults.
pub fn run(pki: &Pki, der: &[u8]) -> Result<Seen, Error> {
    Check::default().run(pki, der)
}

/// Verifies `der` under the defaults: the status and who signed.
pub fn status(pki: &Pki, der: &[u8]) -> Result<(Status, Who), Error> {
    Check::default().status(pki, der)
}

/// Verifies `der` under `policy`: the status and who signed.
pub fn status_with(pki: &Pki, der: &[u8], policy: Policy) -> Result<(Status, Who), Error> {
    Check {
        policy,
        ..Check::default()
    }
    .status(pki, der)
}

pub const GOOD_ISSUER: Result<(Status, Who), Error> = Ok((Status::Good, Who::Issuer));
pub const GOOD_DELEGATED: Result<(Status, Who), Error> = Ok((Status::Good, Who::Delegated));

/// A named response and the verdict it must get.
pub type Case = (&'static str, Vec<u8>, Result<(Status, Who), Error>);

/// Verifies every case under the defaults, naming the failing one (after
/// `label`).
pub fn assert_cases(pki: &Pki, label: &str, cases: Vec<Case>) {
    for (name, der, want) in cases {
        assert_eq!(status(pki, &der), want, "{label} {name}");
    }
}

/// The issuer's response (byKey, about the leaf) as `edit` leaves it, signed
/// by the CA.
pub fn issuer_signed(pki: &Pki, edit: impl FnOnce(&mut ResponseSpec)) -> Vec<u8> {
    let mut spec = pki.issuer_response();
    edit(&mut spec);
    spec.sign(&pki.ca.key)
}

/// The delegated response (byKey, signed by the delegate) embedding `certs`.
pub fn delegated(pki: &Pki, certs: Option<Vec<Vec<u8>>>) -> Vec<u8> {
    let mut spec = pki.delegated_response();
    spec.certs = certs;
    spec.sign(&pki.delegate.key)
}

/// A delegate certificate issued by the CA from the testkit's delegate spec
/// as `edit` leaves it.
pub fn delegate_cert(pki: &Pki, edit: impl FnOnce(&mut CertSpec)) -> Vec<u8> {
    let mut cert = pki.delegate_spec();
    edit(&mut cert);
    pki.issue_delegate(&cert)
}

/// The delegated response (byKey, signed by the delegate) embedding only
/// `delegate_cert(pki, edit)`.
pub fn with_delegate(pki: &Pki, edit: impl FnOnce(&mut CertSpec)) -> Vec<u8> {
    delegated(pki, Some(vec![delegate_cert(pki, edit)]))
}

/// Revoked at `NOW - DAY` for key compromise, as sent and as verified.
pub fn revoked_key_compromise() -> (CertStatus, Status) {
    let time = ocsp_testkit::at(-ocsp_testkit::DAY);
    let reason = Some(CrlReason::KeyCompromise);
    let sent = CertStatus::Revoked(RevokedInfo {
        revocation_time: time,
        revocation_reason: reason,
    });
    (sent, Status::Revoked { time, reason })
}

/// The responses every verifier accepts, from these two specs (about the
/// leaf, to be signed by the CA and by the delegate): each signer named by
/// key and by Name, each with its name and who signed.
pub fn good_signers(
    pki: &Pki,
    issuer: &ResponseSpec,
    delegated: &ResponseSpec,
) -> [(&'static str, Vec<u8>, Who); 4] {
    let mut issuer_by_name = issuer.clone();
    issuer_by_name.responder_id = ResponderId::ByName(pki.ca.name.clone());
    let mut delegated_by_name = delegated.clone();
    delegated_by_name.responder_id = pki.delegate_by_name();
    [
        ("issuer good", issuer.sign(&pki.ca.key), Who::Issuer),
        (
            "issuer byName good",
            issuer_by_name.sign(&pki.ca.key),
            Who::Issuer,
        ),
        (
            "delegated good",
            delegated.sign(&pki.delegate.key),
            Who::Delegated,
        ),
        (
            "delegated byName good",
            delegated_by_name.sign(&pki.delegate.key),
            Who::Delegated,
        ),
    ]
}

/// What every signature flavor must get right, each with its exact verdict:
/// good from the issuer and from the delegate (whose certificate the CA
/// signed with the flavor's algorithm), revoked, a tampered response
/// signature, a tampered delegate certificate, and a response signed by
/// another key of the same type.
pub fn signature_cases(pki: &Pki) -> Vec<Case> {
    let (revoked, revoked_status) = revoked_key_compromise();
    let mut revoked_spec = pki.delegated_response();
    revoked_spec.singles = vec![pki.leaf_single(revoked)];
    let mut tampered = pki.issuer_response();
    tampered.corrupt_signature = true;
    let mut other_key = pki.issuer_response();
    other_key.responder_id = ocsp_testkit::by_key(&pki.ca.key);
    [
        (
            "issuer",
            pki.issuer_response().sign(&pki.ca.key),
            GOOD_ISSUER,
        ),
        (
            "delegated",
            pki.delegated_response().sign(&pki.delegate.key),
            GOOD_DELEGATED,
        ),
        (
            "revoked",
            revoked_spec.sign(&pki.delegate.key),
            Ok((revoked_status, Who::Delegated)),
        ),
        (
            "tampered response",
            tampered.sign(&pki.ca.key),
            Err(Error::InvalidSignature),
        ),
        (
            "tampered delegate certificate",
            with_delegate(pki, |c| c.corrupt_signature = true),
            Err(Error::DelegatedResponderBadSignature),
        ),
        (
            "another key",
            other_key.sign(&pki.delegate.key),
            Err(Error::InvalidSignature),
        ),
    ]
    .into()
}

/// The issuer's response labelled with the identifier `id` (whatever it was
/// signed with) is refused: no algorithm in the list has that identifier.
pub fn assert_unsupported_algorithm(pki: &Pki, id: AlgorithmIdentifier) {
    let oid = id.oid;
    let der = issuer_signed(pki, |spec| spec.signature_algorithm_override = Some(id));
    assert_eq!(
        status(pki, &der),
        Err(Error::UnsupportedSignatureAlgorithm { oid: Some(oid) }),
        "{oid:?}"
    );
}

/// The issuer's response of `flavor`'s CA labelled with `alg` is refused:
/// the list takes that key (OID `key`), but not with that algorithm (OID
/// `signature`).
pub fn assert_not_for_key(flavor: Flavor, alg: SigAlg, signature: &str, key: &str) {
    let pki = Pki::new(flavor);
    let der = issuer_signed(&pki, |spec| {
        spec.signature_algorithm_override = Some(alg.algorithm_identifier());
    });
    assert_eq!(
        status(&pki, &der),
        Err(Error::UnsupportedSignatureAlgorithmForKey {
            signature: Some(ObjectIdentifier::new_unwrap(signature)),
            key: Some(ObjectIdentifier::new_unwrap(key)),
        }),
        "{alg:?} on a {flavor:?} key"
    );
}

/// The leaf's CertID under `hash` with one field wrong, each named: the
/// first octet of the issuer name hash or the last of the issuer key hash
/// flipped, or another serial.
pub fn wrong_cert_ids(pki: &Pki, hash: HashAlg) -> [(&'static str, CertId); 3] {
    let mut name = pki.leaf_cert_id(hash);
    name.issuer_name_hash[0] ^= 1;
    let mut key = pki.leaf_cert_id(hash);
    *key.issuer_key_hash.last_mut().unwrap() ^= 1;
    let mut serial = pki.leaf_cert_id(hash);
    serial.serial_number = vec![0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5e];
    [
        ("issuer name hash", name),
        ("issuer key hash", key),
        ("serial", serial),
    ]
}
