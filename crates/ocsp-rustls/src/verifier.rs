//! The client side: [`OcspVerifier`] and its [`OcspVerifierBuilder`].

use std::sync::Arc;

use ocsp_types::CertificateRef;
use ocsp_verify::Status;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{VerifierBuilderError, WebPkiServerVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, DigitallySignedStruct, DistinguishedName, Error, RootCertStore,
    SignatureScheme,
};

use crate::error::StapleError;
use crate::issuer::{find_issuer, verify_staple, Algorithms};
use crate::log::event;
use crate::must_staple::is_must_staple;
use crate::policy::{Action, StaplePolicy};

/// A [`ServerCertVerifier`] that verifies the chain with an inner verifier
/// (rustls's [`WebPkiServerVerifier`], rustls-platform-verifier's, or the
/// application's own), then the stapled OCSP response with `ocsp-verify`,
/// and decides by a [`StaplePolicy`].
///
/// See the [crate documentation](crate) for the security model and the
/// error each outcome gives. The TLS 1.2 and 1.3 handshake signatures, the
/// supported schemes and the root hints are the inner verifier's.
#[derive(Debug)]
pub struct OcspVerifier {
    inner: Arc<dyn ServerCertVerifier>,
    roots: Option<Arc<RootCertStore>>,
    algorithms: Algorithms,
    policy: StaplePolicy,
}

/// Builds an [`OcspVerifier`] around any inner [`ServerCertVerifier`]; see
/// [`OcspVerifier::builder`].
#[derive(Debug)]
#[must_use]
pub struct OcspVerifierBuilder {
    verifier: OcspVerifier,
}

impl OcspVerifierBuilder {
    /// Trust anchors among which the staple's issuer is looked up when the
    /// server's intermediates do not contain it (a certificate issued
    /// directly by a root). Give the anchors the inner verifier trusts;
    /// without them, a staple about such a certificate cannot be checked
    /// ([`StapleError::IssuerNotFound`]). An anchor is only used if its key
    /// verifies the end entity's signature.
    pub fn with_trust_anchors(mut self, roots: Arc<RootCertStore>) -> Self {
        self.verifier.roots = Some(roots);
        self
    }

    /// The policy (default: [`StaplePolicy::DEFAULT`]).
    pub fn with_policy(mut self, policy: StaplePolicy) -> Self {
        self.verifier.policy = policy;
        self
    }

    /// The verifier.
    pub fn build(self) -> OcspVerifier {
        self.verifier
    }
}

impl OcspVerifier {
    /// A builder wrapping `inner`, which verifies the chain (and the
    /// handshake signatures); the staple is verified with `provider`'s
    /// signature algorithms (use the provider of the client config).
    ///
    /// ```no_run
    /// # use std::sync::Arc;
    /// # fn f(inner: Arc<dyn rustls::client::danger::ServerCertVerifier>,
    /// #      provider: &rustls::crypto::CryptoProvider) {
    /// let verifier = ocsp_rustls::OcspVerifier::builder(inner, provider)
    ///     .with_policy(ocsp_rustls::StaplePolicy::default())
    ///     .build();
    /// # let _ = verifier; }
    /// ```
    pub fn builder(
        inner: Arc<dyn ServerCertVerifier>,
        provider: &CryptoProvider,
    ) -> OcspVerifierBuilder {
        OcspVerifierBuilder {
            verifier: OcspVerifier {
                inner,
                roots: None,
                algorithms: provider.signature_verification_algorithms.all,
                policy: StaplePolicy::DEFAULT,
            },
        }
    }

    /// A [`WebPkiServerVerifier`] trusting `roots`, wrapped, with `roots`
    /// also as the trust anchors of the staple's issuer, `provider`'s
    /// signature algorithms for both, and [`StaplePolicy::default`].
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
        Ok(Self::builder(inner, &provider)
            .with_trust_anchors(roots)
            .build())
    }

    /// [`OcspVerifier::new`] with rustls's aws-lc-rs provider.
    ///
    /// # Errors
    ///
    /// What [`WebPkiServerVerifier`]'s builder refuses (e.g. no roots).
    #[cfg(feature = "aws-lc-rs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "aws-lc-rs")))]
    pub fn new_aws_lc_rs(roots: Arc<RootCertStore>) -> Result<Self, VerifierBuilderError> {
        Self::new(
            roots,
            Arc::new(rustls::crypto::aws_lc_rs::default_provider()),
        )
    }

    /// [`OcspVerifier::new`] with rustls's ring provider.
    ///
    /// # Errors
    ///
    /// What [`WebPkiServerVerifier`]'s builder refuses (e.g. no roots).
    #[cfg(feature = "ring")]
    #[cfg_attr(docsrs, doc(cfg(feature = "ring")))]
    pub fn new_ring(roots: Arc<RootCertStore>) -> Result<Self, VerifierBuilderError> {
        Self::new(roots, Arc::new(rustls::crypto::ring::default_provider()))
    }

    /// Sets the policy.
    #[must_use]
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
        // The inner verifier parsed it; a certificate this strict parser
        // refuses is refused (fail closed) rather than waved through
        // unchecked.
        let certificate = CertificateRef::parse(end_entity)
            .map_err(|_| Error::InvalidCertificate(CertificateError::BadEncoding))?;
        let must_staple = is_must_staple(&certificate);

        if staple.is_empty() {
            return if must_staple {
                event!(Warn, "no staple: refused (the certificate is Must-Staple)");
                Err(StapleError::MustStapleWithoutStaple.into())
            } else {
                match self.policy.on_missing {
                    Action::Allow => {
                        event!(Debug, "no staple: accepted (policy on_missing: allow)");
                        Ok(())
                    }
                    Action::Deny => {
                        event!(Warn, "no staple: refused (policy on_missing: deny)");
                        Err(StapleError::Missing.into())
                    }
                }
            };
        }

        let invalid = |error: StapleError| {
            if must_staple || self.policy.on_invalid == Action::Deny {
                event!(Warn, "staple refused: {error}");
                Err(error.into())
            } else {
                event!(
                    Info,
                    "invalid staple ignored (policy on_invalid: allow): {error}"
                );
                Ok(())
            }
        };
        let anchors = self.roots.as_deref().map_or(&[][..], |r| &r.roots[..]);
        let Some(issuer) = find_issuer(self.algorithms, &certificate, intermediates, anchors)
        else {
            return invalid(StapleError::IssuerNotFound);
        };
        let verdict = verify_staple(
            self.algorithms,
            self.policy.ocsp,
            end_entity,
            issuer.as_issuer(),
            staple,
            now,
        );
        match verdict {
            Err(e) => invalid(StapleError::Invalid(e)),
            Ok(verdict) => match verdict.status {
                Status::Good => {
                    event!(
                        Debug,
                        "staple accepted: good, valid until {} (Unix time)",
                        verdict.valid_until.as_secs()
                    );
                    Ok(())
                }
                Status::Revoked { .. } => {
                    event!(Warn, "staple refused: the certificate is revoked");
                    Err(Error::InvalidCertificate(CertificateError::Revoked))
                }
                Status::Unknown => match self.policy.on_unknown {
                    Action::Allow => {
                        event!(
                            Info,
                            "staple says unknown: accepted (policy on_unknown: allow)"
                        );
                        Ok(())
                    }
                    Action::Deny => {
                        event!(Warn, "staple refused: unknown status");
                        Err(Error::InvalidCertificate(
                            CertificateError::UnknownRevocationStatus,
                        ))
                    }
                },
                // A status this version does not know is not good.
                _ => Err(Error::InvalidCertificate(
                    CertificateError::UnknownRevocationStatus,
                )),
            },
        }
    }
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
