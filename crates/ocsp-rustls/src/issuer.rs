//! Finding the issuer a staple is verified against: a certificate with the
//! end entity's issuer Name **whose key verifies the end entity's
//! signature**. Shared by [`crate::OcspVerifier`], [`crate::StaplingResolver`]
//! and tools that check a server's staple.

use ocsp_types::{CertificateRef, SubjectPublicKeyInfoRef};
use ocsp_verify::Issuer;
use rustls::pki_types::{CertificateDer, TrustAnchor};
use rustls_pki_types::SignatureVerificationAlgorithm;

/// Signature verification algorithms, e.g. a rustls [`CryptoProvider`]'s
/// `signature_verification_algorithms.all`.
///
/// [`CryptoProvider`]: rustls::crypto::CryptoProvider
pub type Algorithms = &'static [&'static dyn SignatureVerificationAlgorithm];

/// An issuer found by [`find_issuer`], in the forms `ocsp-verify` takes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FoundIssuer<'c> {
    /// One of the certificates given (an intermediate of the chain).
    Certificate(&'c [u8]),
    /// A trust anchor: its subject Name and SubjectPublicKeyInfo, as DER.
    NameAndKey {
        /// DER `Name`.
        subject: Vec<u8>,
        /// DER `SubjectPublicKeyInfo`.
        spki: Vec<u8>,
    },
}

impl FoundIssuer<'_> {
    /// The issuer, as [`ocsp_verify::Verifier::verify`] takes it.
    pub fn as_issuer(&self) -> Issuer<'_> {
        match self {
            FoundIssuer::Certificate(der) => Issuer::Certificate(der),
            FoundIssuer::NameAndKey { subject, spki } => Issuer::NameAndKey { subject, spki },
        }
    }
}

/// The issuer of `certificate`: the first certificate among `intermediates`
/// (untrusted: the signature check is what makes one usable) whose subject
/// is `certificate`'s issuer Name and whose key verifies `certificate`'s
/// signature, else the first such trust anchor of `anchors`.
///
/// An "intermediate" with the issuer's Name but another key is never
/// returned: otherwise the holder of a revoked certificate could staple a
/// "good" response it signed itself, with a certificate of its own making.
pub fn find_issuer<'c>(
    algorithms: Algorithms,
    certificate: &CertificateRef<'_>,
    intermediates: &'c [CertificateDer<'_>],
    anchors: &[TrustAnchor<'_>],
) -> Option<FoundIssuer<'c>> {
    let issuer_name = certificate.issuer().as_der();
    let from_chain = intermediates.iter().find_map(|der| {
        let candidate = CertificateRef::parse(der).ok()?;
        (candidate.subject().as_der() == issuer_name
            && signed_by(
                algorithms,
                certificate,
                &candidate.subject_public_key_info(),
            ))
        .then_some(FoundIssuer::Certificate(der.as_ref()))
    });
    from_chain.or_else(|| {
        anchors.iter().find_map(|anchor| {
            // A trust anchor keeps its subject and SubjectPublicKeyInfo
            // without the outer SEQUENCE tag and length.
            let subject = ocsp_types::der::sequence(anchor.subject.as_ref());
            if subject != issuer_name {
                return None;
            }
            let spki = ocsp_types::der::sequence(anchor.subject_public_key_info.as_ref());
            let key = SubjectPublicKeyInfoRef::parse(&spki).ok()?;
            signed_by(algorithms, certificate, &key)
                .then_some(FoundIssuer::NameAndKey { subject, spki })
        })
    })
}

/// Whether `key` verifies `certificate`'s signature, with an algorithm of
/// `algorithms` matched exactly by AlgorithmIdentifier (as rustls-webpki
/// does).
pub fn signed_by(
    algorithms: Algorithms,
    certificate: &CertificateRef<'_>,
    key: &SubjectPublicKeyInfoRef<'_>,
) -> bool {
    let signature_algorithm = certificate.signature_algorithm().contents();
    let key_algorithm = key.algorithm().contents();
    algorithms.iter().any(|algorithm| {
        algorithm.signature_alg_id().as_ref() == signature_algorithm
            && algorithm.public_key_alg_id().as_ref() == key_algorithm
            && algorithm
                .verify_signature(
                    key.subject_public_key(),
                    certificate.tbs_der(),
                    certificate.signature(),
                )
                .is_ok()
    })
}

/// Verifies `staple` about `end_entity` against `issuer` at `now` with
/// `policy` (a nonce never required: a staple cannot echo the client's).
pub(crate) fn verify_staple<'r>(
    algorithms: Algorithms,
    policy: ocsp_verify::Policy,
    end_entity: &[u8],
    issuer: Issuer<'_>,
    staple: &'r [u8],
    now: rustls::pki_types::UnixTime,
) -> Result<ocsp_verify::Verdict<'r>, ocsp_verify::Error> {
    let policy = ocsp_verify::Policy {
        require_nonce: false,
        ..policy
    };
    ocsp_verify::Verifier::new(algorithms)
        .with_policy(policy)
        .verify(
            staple,
            ocsp_verify::Subject::Certificate(end_entity),
            issuer,
            now,
            None,
        )
}
