//! The client side: [`OcspVerifier`].

use std::sync::Arc;

use ocsp_types::{CertificateRef, SubjectPublicKeyInfoRef};
use ocsp_verify::{Issuer, Status, Subject, Verifier};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{VerifierBuilderError, WebPkiServerVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, DigitallySignedStruct, DistinguishedName, Error, RootCertStore,
    SignatureScheme,
};
use rustls_pki_types::SignatureVerificationAlgorithm;

use crate::error::StapleError;
use crate::must_staple::is_must_staple;
use crate::policy::{Action, StaplePolicy};

/// A [`ServerCertVerifier`] that verifies the chain with rustls's
/// [`WebPkiServerVerifier`], then the stapled OCSP response with
/// `ocsp-verify`, and decides by a [`StaplePolicy`].
///
/// See the [crate documentation](crate) for the security model and the
/// error each outcome gives. The TLS 1.2 and 1.3 handshake signatures, the
/// supported schemes and the root hints are the inner verifier's.
#[derive(Debug)]
pub struct OcspVerifier {
    inner: Arc<WebPkiServerVerifier>,
    roots: Arc<RootCertStore>,
    algorithms: &'static [&'static dyn SignatureVerificationAlgorithm],
    policy: StaplePolicy,
}

impl OcspVerifier {
    /// A verifier trusting `roots`, with `provider`'s signature algorithms
    /// for both the chain and the staple, and [`StaplePolicy::default`].
    ///
    /// # Errors
    ///
    /// What [`WebPkiServerVerifier`]'s builder refuses (e.g. no roots).
    pub fn new(
        roots: Arc<RootCertStore>,
        provider: Arc<CryptoProvider>,
    ) -> Result<Self, VerifierBuilderError> {
        let inner =
            WebPkiServerVerifier::builder_with_provider(Arc::clone(&roots), Arc::clone(&provider))
                .build()?;
        Ok(Self::with_inner(inner, roots, &provider))
    }

    /// Wraps a [`WebPkiServerVerifier`] the caller built (e.g. with CRLs).
    ///
    /// `roots` **must be the trust anchors `inner` was built with**: when
    /// the server sends no intermediate, the staple's issuer is looked up
    /// among them (a missing one makes every staple unverifiable:
    /// [`StapleError::IssuerNotFound`]). `provider` gives the signature
    /// algorithms the staple is verified with; use the one `inner` uses.
    pub fn with_inner(
        inner: Arc<WebPkiServerVerifier>,
        roots: Arc<RootCertStore>,
        provider: &CryptoProvider,
    ) -> Self {
        OcspVerifier {
            inner,
            roots,
            algorithms: provider.signature_verification_algorithms.all,
            policy: StaplePolicy::DEFAULT,
        }
    }

    /// Sets the policy.
    pub fn with_policy(mut self, policy: StaplePolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The policy.
    pub fn policy(&self) -> &StaplePolicy {
        &self.policy
    }

    /// The staple check, on a chain the inner verifier accepted.
    fn check_staple(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        staple: &[u8],
        now: UnixTime,
    ) -> Result<(), Error> {
        // WebPKI parsed it; a certificate this strict parser refuses is
        // refused (fail closed) rather than waved through unchecked.
        let certificate = CertificateRef::parse(end_entity)
            .map_err(|_| Error::InvalidCertificate(CertificateError::BadEncoding))?;
        let must_staple = is_must_staple(&certificate);

        if staple.is_empty() {
            return if must_staple {
                Err(StapleError::MustStapleWithoutStaple.into())
            } else {
                match self.policy.on_missing {
                    Action::Allow => Ok(()),
                    Action::Deny => Err(StapleError::Missing.into()),
                }
            };
        }

        let invalid = |error: Error| {
            if must_staple || self.policy.on_invalid == Action::Deny {
                Err(error)
            } else {
                Ok(())
            }
        };
        let Some(issuer) = self.find_issuer(&certificate, intermediates) else {
            return invalid(StapleError::IssuerNotFound.into());
        };
        let issuer = match &issuer {
            IssuerDer::Certificate(der) => Issuer::Certificate(der),
            IssuerDer::NameAndKey { subject, spki } => Issuer::NameAndKey { subject, spki },
        };
        let ocsp_policy = ocsp_verify::Policy {
            // A staple cannot echo the client's nonce.
            require_nonce: false,
            ..self.policy.ocsp
        };
        let verdict = Verifier::new(self.algorithms)
            .with_policy(ocsp_policy)
            .verify(staple, Subject::Certificate(end_entity), issuer, now, None);
        match verdict {
            Err(_) => invalid(Error::InvalidCertificate(
                CertificateError::InvalidOcspResponse,
            )),
            Ok(verdict) => match verdict.status {
                Status::Good => Ok(()),
                Status::Revoked { .. } => Err(Error::InvalidCertificate(CertificateError::Revoked)),
                Status::Unknown => match self.policy.on_unknown {
                    Action::Allow => Ok(()),
                    Action::Deny => Err(Error::InvalidCertificate(
                        CertificateError::UnknownRevocationStatus,
                    )),
                },
                // A status this version does not know is not good.
                _ => Err(Error::InvalidCertificate(
                    CertificateError::UnknownRevocationStatus,
                )),
            },
        }
    }

    /// The end entity's issuer: a certificate with its issuer Name as
    /// subject **whose key verifies its signature**, among the server's
    /// intermediates (untrusted: the signature check is what makes one
    /// usable), then the trust anchors.
    fn find_issuer<'c>(
        &self,
        certificate: &CertificateRef<'_>,
        intermediates: &'c [CertificateDer<'_>],
    ) -> Option<IssuerDer<'c>> {
        let issuer_name = certificate.issuer().as_der();
        let from_chain = intermediates.iter().find_map(|der| {
            let candidate = CertificateRef::parse(der).ok()?;
            (candidate.subject().as_der() == issuer_name
                && self.signed_by(certificate, &candidate.subject_public_key_info()))
            .then_some(IssuerDer::Certificate(der.as_ref()))
        });
        from_chain.or_else(|| {
            self.roots.roots.iter().find_map(|anchor| {
                let subject = wrap_sequence(anchor.subject.as_ref())?;
                if subject != issuer_name {
                    return None;
                }
                let spki = wrap_sequence(anchor.subject_public_key_info.as_ref())?;
                let key = SubjectPublicKeyInfoRef::parse(&spki).ok()?;
                self.signed_by(certificate, &key)
                    .then_some(IssuerDer::NameAndKey { subject, spki })
            })
        })
    }

    /// Whether `key` verifies `certificate`'s signature, with an algorithm
    /// of the provider matched exactly by AlgorithmIdentifier (as WebPKI
    /// does).
    fn signed_by(
        &self,
        certificate: &CertificateRef<'_>,
        key: &SubjectPublicKeyInfoRef<'_>,
    ) -> bool {
        let signature_algorithm = certificate.signature_algorithm().contents();
        let key_algorithm = key.algorithm().contents();
        self.algorithms.iter().any(|algorithm| {
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
}

/// The issuer found, in the form `ocsp-verify` takes.
enum IssuerDer<'c> {
    Certificate(&'c [u8]),
    NameAndKey { subject: Vec<u8>, spki: Vec<u8> },
}

/// `SEQUENCE { contents }` in DER: trust anchors keep their subject and
/// SubjectPublicKeyInfo without the outer tag and length.
fn wrap_sequence(contents: &[u8]) -> Option<Vec<u8>> {
    let len = contents.len();
    let mut out = Vec::with_capacity(len.checked_add(6)?);
    out.push(0x30);
    if len < 0x80 {
        out.push(u8::try_from(len).ok()?);
    } else {
        let octets = len.to_be_bytes();
        let significant: Vec<u8> = octets.iter().copied().skip_while(|&b| b == 0).collect();
        out.push(0x80 | u8::try_from(significant.len()).ok()?);
        out.extend_from_slice(&significant);
    }
    out.extend_from_slice(contents);
    Some(out)
}

impl ServerCertVerifier for OcspVerifier {
    /// The inner verifier's chain check, then the staple check (see the
    /// [crate documentation](crate)).
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let verified = self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        )?;
        self.check_staple(end_entity, intermediates, ocsp_response, now)?;
        Ok(verified)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }

    fn requires_raw_public_keys(&self) -> bool {
        self.inner.requires_raw_public_keys()
    }

    fn root_hint_subjects(&self) -> Option<&[DistinguishedName]> {
        self.inner.root_hint_subjects()
    }
}

#[cfg(test)]
mod tests {
    use super::wrap_sequence;

    #[test]
    fn wraps_short_and_long() {
        assert_eq!(wrap_sequence(&[1, 2]), Some(vec![0x30, 2, 1, 2]));
        let long = vec![0u8; 300];
        let wrapped = wrap_sequence(&long).unwrap_or_default();
        assert_eq!(wrapped.get(..4), Some(&[0x30, 0x82, 0x01, 0x2c][..]));
        assert_eq!(wrapped.len(), 304);
    }
}
