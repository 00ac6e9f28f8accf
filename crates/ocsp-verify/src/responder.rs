//! Finding the responder named by the ResponderID, authorizing it (RFC 6960
//! 4.2.2.2) and checking the response signature with its key.
//!
//! Candidates, in order: the issuer, the caller's locally trusted
//! responders, the certificates embedded in the response, then the caller's
//! extra (untrusted) certificates. Only a candidate that matches the
//! ResponderID is considered; an embedded or extra one must also be a
//! delegated responder of the issuer, by the same rules. Every matching
//! candidate is tried (an extra or stale embedded certificate does not hide
//! a good one); when none works, the error of the candidate that got
//! furthest is reported.
//!
//! An embedded or extra certificate is matched against the ResponderID on
//! its subject and key, read by the shallow parse ([`CertificateFieldsRef`]: every field strict,
//! the extensions only framed); only a matching one has its extensions
//! decoded (strictly, [`CertificateFieldsRef::decode_extensions`]) and its
//! authorization checked. A certificate the shallow parse refuses is noted
//! as malformed (the error reported when no candidate gets further); one
//! whose extensions are malformed is noted so only if it matches the
//! ResponderID, and is otherwise skipped like any other certificate that
//! does not match. mozilla::pkix is stricter: it decodes every embedded
//! certificate, extensions included (`BackCert::Init`), before matching it,
//! and fails the whole response on one it cannot decode.

use ocsp_types::oid::OCSP_NOCHECK;
use ocsp_types::x509::{BASIC_CONSTRAINTS, EXT_KEY_USAGE, KEY_USAGE};
use ocsp_types::{
    BasicResponseRef, CertificateFieldsRef, CertificateRef, ObjectIdentifier, ResponderIdRef,
    SubjectPublicKeyInfoRef,
};
use rustls_pki_types::SignatureVerificationAlgorithm;
use sha1::{Digest, Sha1};

use crate::error::Error;
use ocsp_request::{PreparedIssuer, PreparedIssuerRef};

use crate::responder_cache::{self, Slots};
use crate::signature::{self, Signed, SignerKey};
use crate::verdict::Responder;

/// What the search needs besides the response.
pub(crate) struct Context<'c> {
    /// The issuer; its SHA-1 key hash is its byKey ResponderID.
    pub(crate) issuer: &'c PreparedIssuerRef<'c>,
    /// The issuer as the caller prepared it ([`crate::Issuer::Prepared`]):
    /// it keeps the SHA-256 of its key, for the responder cache.
    pub(crate) prepared: Option<&'c PreparedIssuer>,
    pub(crate) trusted: &'c [&'c [u8]],
    /// Untrusted candidate delegated responders the response may not embed
    /// (OpenSSL's `-verify_other`).
    pub(crate) extra: &'c [&'c [u8]],
    /// [`crate::Policy::allow_ca_responders`].
    pub(crate) allow_ca_responders: bool,
    pub(crate) algorithms: &'c [&'c dyn SignatureVerificationAlgorithm],
    pub(crate) allow_sha1: bool,
    /// The verification time, in seconds since the Unix epoch.
    pub(crate) now: i64,
    /// Delegate certificates whose signature already verified under an
    /// issuer key ([`crate::Verifier::with_responder_cache`]).
    pub(crate) cache: Option<&'c dyn Slots>,
}

/// How far a failed candidate got: a later stage is a more specific error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Unparsed,
    Issuer,
    Eku,
    KeyUsage,
    EndEntity,
    CriticalExtension,
    Validity,
    CertificateSignature,
    ResponseSignature,
}

fn matches(id: &ResponderIdRef<'_>, subject: &[u8], spki: &SubjectPublicKeyInfoRef<'_>) -> bool {
    match id {
        ResponderIdRef::ByName(name) => name.as_der() == subject,
        ResponderIdRef::ByKey(hash) => Sha1::digest(spki.subject_public_key()).as_slice() == *hash,
    }
}

/// Checks that `cert` is a delegated responder of the issuer at `now`
/// (RFC 6960 4.2.2.2 and 4.2.2.2.1, RFC 5280 4.2.1.3).
/// Extensions a responder certificate may mark critical: they either are
/// processed here (keyUsage, extendedKeyUsage) or do not bear on whether the
/// key may sign OCSP responses.
const UNDERSTOOD_CRITICAL: &[ObjectIdentifier] = &[
    KEY_USAGE,
    EXT_KEY_USAGE,
    OCSP_NOCHECK,
    BASIC_CONSTRAINTS,
    ObjectIdentifier::new_unwrap("2.5.29.17"), // subjectAltName
    ObjectIdentifier::new_unwrap("2.5.29.32"), // certificatePolicies
    ObjectIdentifier::new_unwrap("2.5.29.14"), // subjectKeyIdentifier
    ObjectIdentifier::new_unwrap("2.5.29.35"), // authorityKeyIdentifier
];

fn authorize_delegate(ctx: &Context<'_>, cert: &CertificateRef<'_>) -> Result<(), (Stage, Error)> {
    if cert.issuer().as_der() != ctx.issuer.name_der() {
        return Err((Stage::Issuer, Error::DelegatedResponderWrongIssuer));
    }
    let malformed = |e| (Stage::Unparsed, Error::DelegatedResponderMalformed(e));
    // Read in one pass; each value is still checked in this order, and a
    // malformed one fails only when its turn comes.
    let extensions = cert.responder_extensions(UNDERSTOOD_CRITICAL);
    if extensions.ocsp_signing().map_err(malformed)? != Some(true) {
        return Err((Stage::Eku, Error::DelegatedResponderNotOcspSigning));
    }
    // keyUsage, when present, must allow signing: digitalSignature or
    // nonRepudiation (contentCommitment). D-TRUST and other qualified CAs
    // issue OCSP signers with nonRepudiation only; mozilla::pkix requires no
    // key usage of an OCSP signer at all (bug 240456), nor do OpenSSL,
    // Chromium and Go. A keyUsage with neither bit (keyCertSign only, say)
    // names a key for something else and is refused.
    if extensions
        .key_usage()
        .map_err(malformed)?
        .is_some_and(|ku| !ku.digital_signature() && !ku.non_repudiation())
    {
        return Err((Stage::KeyUsage, Error::DelegatedResponderKeyUsage));
    }
    // An end entity, as mozilla::pkix requires (EndEntityOrCA::MustBeEndEntity):
    // a CA certificate carrying id-kp-OCSPSigning (Mozilla bug 1649939)
    // could otherwise vouch for its siblings. OpenSSL, Chromium and Go accept
    // one; `Policy::allow_ca_responders` does too, for private PKIs.
    if !ctx.allow_ca_responders && extensions.is_ca().map_err(malformed)? {
        return Err((Stage::EndEntity, Error::DelegatedResponderIsCa));
    }
    if let Some(ext) = extensions.unhandled_critical() {
        return Err((
            Stage::CriticalExtension,
            Error::DelegatedResponderUnhandledCriticalExtension {
                oid: ext.oid().to_object_identifier(),
            },
        ));
    }
    let (not_before, not_after) = (cert.not_before(), cert.not_after());
    if ctx.now < not_before.unix_timestamp() || ctx.now > not_after.unix_timestamp() {
        return Err((
            Stage::Validity,
            Error::DelegatedResponderNotValid {
                not_before,
                not_after,
            },
        ));
    }
    let signed = Signed {
        algorithm: cert.signature_algorithm().contents(),
        algorithm_oid: cert.signature_algorithm().oid().as_bytes(),
        message: cert.tbs_der(),
        signature: cert.signature(),
    };
    let stage = |e| (Stage::CertificateSignature, e);
    // Every check above ran; only this signature is remembered (the key
    // hashes these exact certificate bytes, signature included, and this
    // exact issuer key: see `responder_cache`). The algorithm is still
    // checked against this verifier's list and policy.
    let cached = ctx.cache.map(|cache| {
        let issuer_key = responder_cache::issuer_spki_sha256(ctx.prepared, ctx.issuer);
        (cache, responder_cache::key(cert.as_der(), &issuer_key))
    });
    if let Some((cache, key)) = &cached {
        if cache.contains(key) {
            return signature::check_algorithm(ctx.algorithms, &signed, ctx.allow_sha1)
                .map_err(stage);
        }
    }
    signature::verify(
        ctx.algorithms,
        &signed,
        &SignerKey::from(ctx.issuer),
        ctx.allow_sha1,
        Error::DelegatedResponderBadSignature,
    )
    .map_err(stage)?;
    if let Some((cache, key)) = cached {
        cache.insert(key);
    }
    Ok(())
}

/// Finds an authorized responder whose key verifies the response signature.
pub(crate) fn find_and_verify<'r>(
    ctx: &Context<'_>,
    basic: &BasicResponseRef<'r>,
) -> Result<Responder<'r>, Error> {
    let id = basic.tbs_response_data().responder_id();
    if let ResponderIdRef::ByKey(hash) = id {
        if hash.len() != 20 {
            return Err(Error::InvalidResponderKeyHash { len: hash.len() });
        }
    }
    let algorithm = basic.signature_algorithm();
    let signed = Signed {
        algorithm: algorithm.contents(),
        algorithm_oid: algorithm.oid().as_bytes(),
        message: basic.tbs_response_data().as_der(),
        signature: basic.signature(),
    };
    // An algorithm that is refused is refused whoever signed.
    signature::check_algorithm(ctx.algorithms, &signed, ctx.allow_sha1)?;
    let verify_with = |key: SignerKey<'_>| {
        signature::verify(
            ctx.algorithms,
            &signed,
            &key,
            ctx.allow_sha1,
            Error::InvalidSignature,
        )
        .map_err(|e| (Stage::ResponseSignature, e))
    };

    let mut best: Option<(Stage, Error)> = None;
    let mut note = |failure: (Stage, Error)| {
        if best.as_ref().is_none_or(|(stage, _)| failure.0 > *stage) {
            best = Some(failure);
        }
    };

    // (1) The issuer itself.
    let is_issuer = match id {
        ResponderIdRef::ByName(name) => name.as_der() == ctx.issuer.name_der(),
        ResponderIdRef::ByKey(hash) => hash == ctx.issuer.key_sha1(),
    };
    if is_issuer {
        match verify_with(SignerKey::from(ctx.issuer)) {
            Ok(()) => return Ok(Responder::Issuer),
            Err(failure) => note(failure),
        }
    }
    // (3) The caller's locally trusted responders, trusted as given.
    for (index, der) in ctx.trusted.iter().enumerate() {
        // Parsed in full whether or not it matches: a malformed one is the
        // caller's configuration error, reported whatever the response.
        let cert = CertificateRef::parse(der)
            .map_err(|error| Error::InvalidTrustedResponder { index, error })?;
        let key = cert.subject_public_key_info();
        if matches(&id, cert.subject().as_der(), &key) {
            match verify_with(SignerKey::from(&key)) {
                Ok(()) => return Ok(Responder::LocallyTrusted { index }),
                Err(failure) => note(failure),
            }
        }
    }
    // (2) Delegated responders among the embedded certificates, then among
    // the caller's extra ones: the same rules for both.
    // Matched on the shallow parse; only a match has its extensions decoded.
    let delegate = |der: &[u8]| -> Result<(), Option<(Stage, Error)>> {
        let malformed = |e| Some((Stage::Unparsed, Error::DelegatedResponderMalformed(e)));
        let fields = CertificateFieldsRef::parse(der).map_err(malformed)?;
        let key = fields.subject_public_key_info();
        if !matches(&id, fields.subject().as_der(), &key) {
            return Err(None);
        }
        let cert = fields.decode_extensions().map_err(malformed)?;
        authorize_delegate(ctx, &cert)
            .and_then(|()| verify_with(SignerKey::from(&key)))
            .map_err(Some)
    };
    for der in basic.certs() {
        match delegate(der) {
            Ok(()) => return Ok(Responder::Delegated { certificate: der }),
            Err(Some(failure)) => note(failure),
            Err(None) => {}
        }
    }
    for (index, der) in ctx.extra.iter().enumerate() {
        match delegate(der) {
            Ok(()) => return Ok(Responder::DelegatedExtra { index }),
            Err(Some(failure)) => note(failure),
            Err(None) => {}
        }
    }
    Err(best.map_or(Error::NoAuthorizedResponder, |(_, e)| e))
}
