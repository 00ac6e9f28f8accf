//! Building and signing responses to parsed requests.

use alloc::string::ToString;
use alloc::vec::Vec;

use ocsp_request::{Digest, HashAlgorithm, PreparedIssuer};
use ocsp_types::x509::CertificateRef;
use ocsp_types::{
    oid, CertId, CertIdRef, Extension, ExtensionsRef, OcspRequestRef, OcspResponse, ResponderId,
    ResponseData, ResponseStatus, SingleResponse, Time,
};

use crate::signer::{sign_response_data, ResponseSigner};
use crate::status::{StatusQuery, StatusSource};
use crate::Error;

/// What the responder does with a request nonce (RFC 8954).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum NoncePolicy {
    /// Echo it in the response (a freshly signed response per request).
    #[default]
    Echo,
    /// Leave it out (the response may be a pre-signed one). The nonce is
    /// still checked: RFC 8954 2.1 requires malformedRequest for a nonce
    /// outside 1 to 32 octets.
    Ignore,
}

/// An issuer the responder answers for, with its CertID hashes computed
/// once under every supported algorithm.
#[derive(Debug, Clone)]
struct ServedIssuer {
    hashes: [(HashAlgorithm, Digest, Digest); 4],
}

impl ServedIssuer {
    fn new(issuer: &PreparedIssuer) -> Self {
        ServedIssuer {
            hashes: HashAlgorithm::ALL
                .map(|alg| (alg, issuer.name_hash(alg), issuer.key_hash(alg))),
        }
    }

    /// Whether the CertID's hashes are this issuer's under `alg`, compared
    /// in constant time.
    fn matches(&self, alg: HashAlgorithm, cert_id: &CertIdRef<'_>) -> bool {
        self.hashes.iter().any(|(a, name, key)| {
            (*a == alg)
                & (name.ct_eq(cert_id.issuer_name_hash()) & key.ct_eq(cert_id.issuer_key_hash()))
        })
    }
}

/// A request the responder will answer: each CertID matched to a served
/// issuer, and the nonce checked. See [`ResponseBuilder::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRequest {
    singles: Vec<(usize, CertId)>,
    nonce: Option<Extension>,
    key: Vec<u8>,
}

impl CheckedRequest {
    /// Whether the request carries a nonce.
    pub fn has_nonce(&self) -> bool {
        self.nonce.is_some()
    }

    /// The DER of the requested CertIDs, one after the other: what a cache
    /// of nonce-less responses is keyed by.
    pub fn cache_key(&self) -> &[u8] {
        &self.key
    }

    /// The requested CertIDs, each with the index of the issuer it names.
    pub fn cert_ids(&self) -> impl Iterator<Item = (usize, &CertId)> {
        self.singles.iter().map(|(i, id)| (*i, id))
    }
}

/// A signed, DER-encoded successful response, with the times an HTTP layer
/// puts in its caching headers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignedResponse {
    /// The DER `OCSPResponse`.
    pub der: Vec<u8>,
    /// `producedAt` and every `thisUpdate`.
    pub this_update: Time,
    /// Every `nextUpdate`, when the builder sets one.
    pub next_update: Option<Time>,
    /// Whether the response echoes a nonce (and so must not be reused).
    pub has_nonce: bool,
}

/// Builds signed responses to parsed requests (RFC 6960 4.2, RFC 5019).
///
/// For each requested CertID the builder finds the served issuer whose
/// Name and key hash to the CertID's under the CertID's own hash algorithm
/// (SHA-1, SHA-256, SHA-384 or SHA-512), asks the [`StatusSource`] about the
/// serial number, and writes one `SingleResponse` with the CertID exactly as
/// requested. `producedAt` and `thisUpdate` are the `now` passed in;
/// `nextUpdate` is `now` plus the validity, when one is set.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use ocsp_responder::{CertificateStatus, MemorySource, ResponseBuilder, RustCryptoSigner};
/// # let pki = ocsp_testkit::Pki::new(ocsp_testkit::Flavor::P256);
/// # let (ca_der, serial) = (pki.ca.cert.clone(), ocsp_testkit::Pki::LEAF_SERIAL);
/// # let key = include_bytes!("../../ocsp-testkit/keys/ca-p256.pk8");
/// # let request_der = ocsp_request::RequestBuilder::new()
/// #     .cert_id(ocsp_request::PreparedIssuer::from_certificate(&ca_der)?
/// #         .cert_id(serial, ocsp_request::HashAlgorithm::Sha1)?)
/// #     .build()?.to_der()?;
/// let signer = RustCryptoSigner::from_pkcs8_der(key)?;
/// let builder = ResponseBuilder::from_certificates_der(&ca_der, &ca_der, signer)?
///     .validity_seconds(Some(3600));
/// let mut source = MemorySource::new();
/// source.insert(0, serial, CertificateStatus::Good);
/// let now = ocsp_types::Time::from_unix(1_900_000_000).ok_or("time")?;
/// let response = builder.respond_der(&request_der, &source, now)?;
/// let parsed = ocsp_types::OcspResponseRef::parse(&response)?;
/// assert_eq!(parsed.status(), ocsp_types::ResponseStatus::Successful);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct ResponseBuilder<S> {
    issuers: Vec<ServedIssuer>,
    signer: S,
    responder_id: ResponderId,
    signer_name: Option<Vec<u8>>,
    certs: Option<Vec<Vec<u8>>>,
    validity: Option<i64>,
    nonce: NoncePolicy,
}

impl<S: ResponseSigner> ResponseBuilder<S> {
    /// A builder answering for `issuer`, signing with `signer`, naming
    /// itself `responder_id`. Nothing is checked: the caller vouches that
    /// `signer` may sign for `issuer` (see
    /// [`ResponseBuilder::from_certificates_der`] for the checked way).
    pub fn new(issuer: &PreparedIssuer, responder_id: ResponderId, signer: S) -> Self {
        ResponseBuilder {
            issuers: alloc::vec![ServedIssuer::new(issuer)],
            signer,
            responder_id,
            signer_name: None,
            certs: None,
            validity: None,
            nonce: NoncePolicy::default(),
        }
    }

    /// A builder for the CA certificate `issuer_der`, signing with `signer`
    /// whose certificate is `signer_der`: either the CA certificate itself,
    /// or a delegated responder certificate issued by the CA (its issuer
    /// Name is the CA's subject) with id-kp-OCSPSigning in its extended key
    /// usage; that certificate is then embedded in every response (RFC 6960
    /// 4.2.2.2). The ResponderID is byKey (the SHA-1 hash of the signer's
    /// public key, RFC 6960 4.2.1).
    ///
    /// The CA's signature on the delegated certificate and the match between
    /// `signer` and the certificate's key are not checked here: relying
    /// parties check both, so a mistake shows as responses nobody accepts.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidCertificate`] when either is not a DER certificate;
    /// [`Error::SignerNotAuthorized`] for a signer certificate that is
    /// neither.
    pub fn from_certificates_der(
        issuer_der: &[u8],
        signer_der: &[u8],
        signer: S,
    ) -> Result<Self, Error> {
        let invalid = |e: ocsp_types::Error| Error::InvalidCertificate(e.to_string());
        let ca = CertificateRef::parse(issuer_der).map_err(invalid)?;
        let responder = CertificateRef::parse(signer_der).map_err(invalid)?;
        let delegated = issuer_der != signer_der;
        if delegated {
            if responder.issuer().as_der() != ca.subject().as_der() {
                return Err(Error::SignerNotAuthorized(
                    "the signer certificate is not issued by the CA",
                ));
            }
            if responder.extended_key_usage_contains(&oid::KP_OCSP_SIGNING) != Ok(Some(true)) {
                return Err(Error::SignerNotAuthorized(
                    "the signer certificate lacks id-kp-OCSPSigning",
                ));
            }
        }
        let issuer = ocsp_request::PreparedIssuerRef::from_parsed(
            ca.subject(),
            ca.subject_public_key_info(),
        )
        .to_owned();
        let key_hash = HashAlgorithm::Sha1
            .digest(responder.subject_public_key_info().subject_public_key())
            .as_bytes()
            .to_vec();
        let mut builder = Self::new(&issuer, ResponderId::ByKey(key_hash), signer);
        builder.signer_name = Some(responder.subject().as_der().to_vec());
        if delegated {
            builder.certs = Some(alloc::vec![signer_der.to_vec()]);
        }
        Ok(builder)
    }

    /// [`ResponseBuilder::from_certificates_der`] for `x509_cert`
    /// certificates.
    ///
    /// They are re-encoded by `x509-cert`: a certificate that was not
    /// strict DER as issued comes out altered, and its signature no longer
    /// verifies. Prefer `from_certificates_der` with the bytes as issued
    /// when the signer certificate is embedded (a delegated responder).
    ///
    /// # Errors
    ///
    /// As `from_certificates_der`; [`Error::InvalidCertificate`] when one
    /// does not encode.
    pub fn from_certificates(
        issuer: &x509_cert::Certificate,
        signer_certificate: &x509_cert::Certificate,
        signer: S,
    ) -> Result<Self, Error> {
        use der::Encode as _;
        let encode = |c: &x509_cert::Certificate| {
            c.to_der()
                .map_err(|e| Error::InvalidCertificate(e.to_string()))
        };
        Self::from_certificates_der(&encode(issuer)?, &encode(signer_certificate)?, signer)
    }

    /// Answers for another issuer too (its index in [`StatusQuery::issuer`]
    /// is the number of issuers added before it).
    pub fn add_issuer(mut self, issuer: &PreparedIssuer) -> Self {
        self.issuers.push(ServedIssuer::new(issuer));
        self
    }

    /// Sets the ResponderID.
    pub fn responder_id(mut self, responder_id: ResponderId) -> Self {
        self.responder_id = responder_id;
        self
    }

    /// Names the responder byName (the signer certificate's subject) rather
    /// than byKey, when the builder was made from certificates; otherwise
    /// leaves the ResponderID as it is.
    pub fn responder_id_by_name(mut self) -> Self {
        if let Some(name) = &self.signer_name {
            self.responder_id = ResponderId::ByName(name.clone());
        }
        self
    }

    /// The certificates embedded in responses (`None`: the field is left
    /// out). Replaces the default (the delegated signer's certificate).
    pub fn certificates(mut self, certs: Option<Vec<Vec<u8>>>) -> Self {
        self.certs = certs;
        self
    }

    /// `nextUpdate` = `thisUpdate` + `seconds`; `None` leaves it out (as
    /// `openssl ocsp` does without `-nmin`/`-ndays`).
    pub fn validity_seconds(mut self, seconds: Option<u32>) -> Self {
        self.validity = seconds.map(i64::from);
        self
    }

    /// What to do with request nonces.
    pub fn nonce_policy(mut self, policy: NoncePolicy) -> Self {
        self.nonce = policy;
        self
    }

    /// The nonce policy.
    pub fn nonce(&self) -> NoncePolicy {
        self.nonce
    }

    /// The validity, in seconds, when set.
    pub fn validity(&self) -> Option<i64> {
        self.validity
    }

    /// Checks a parsed request: a non-empty request list, each CertID naming
    /// a served issuer under a supported hash algorithm, a nonce of 1 to 32
    /// octets, no critical extension other than the nonce.
    ///
    /// # Errors
    ///
    /// [`Error::EmptyRequestList`], [`Error::InvalidNonce`],
    /// [`Error::UnsupportedCriticalExtension`] (each answered with
    /// malformedRequest), [`Error::UnservedIssuer`] (unauthorized).
    pub fn check(&self, request: &OcspRequestRef<'_>) -> Result<CheckedRequest, Error> {
        let tbs = request.tbs_request();
        let nonce = check_extensions(tbs.extensions())?;
        let mut singles = Vec::new();
        let mut key = Vec::new();
        for single in tbs.requests().iter() {
            check_extensions(single.extensions())?;
            let cert_id = single.cert_id();
            // A hash this crate cannot compute cannot name an issuer it
            // serves. Not served: unauthorized for the whole request (RFC
            // 5019 2.2.3); OpenSSL's responder signs `unknown` instead.
            let alg = HashAlgorithm::from_algorithm_identifier(&cert_id.hash_algorithm())
                .map_err(|_| Error::UnservedIssuer)?;
            let issuer = self
                .issuers
                .iter()
                .position(|i| i.matches(alg, &cert_id))
                .ok_or(Error::UnservedIssuer)?;
            key.extend_from_slice(cert_id.as_der());
            singles.push((issuer, cert_id.to_owned().map_err(Error::MalformedRequest)?));
        }
        if singles.is_empty() {
            return Err(Error::EmptyRequestList);
        }
        Ok(CheckedRequest {
            singles,
            nonce,
            key,
        })
    }

    /// Signs a response to `request`: the status of each CertID from
    /// `source`, at `now`; the nonce echoed when `echo_nonce` and the
    /// request has one.
    ///
    /// # Errors
    ///
    /// The source's errors, [`Error::Signing`], [`Error::TimeOutOfRange`],
    /// [`Error::Encoding`].
    pub fn sign(
        &self,
        request: &CheckedRequest,
        source: &dyn StatusSource,
        now: Time,
        echo_nonce: bool,
    ) -> Result<SignedResponse, Error> {
        let next_update = match self.validity {
            Some(secs) => Some(
                now.unix_timestamp()
                    .checked_add(secs)
                    .and_then(Time::from_unix)
                    .ok_or(Error::TimeOutOfRange)?,
            ),
            None => None,
        };
        let mut responses = Vec::with_capacity(request.singles.len());
        for (issuer, cert_id) in &request.singles {
            let status = source.status(&StatusQuery::new(*issuer, &cert_id.serial_number, now))?;
            responses.push(SingleResponse {
                cert_id: cert_id.clone(),
                cert_status: status.into(),
                this_update: now,
                next_update,
                extensions: Vec::new(),
                empty_extensions_encoded: false,
            });
        }
        let nonce = request.nonce.as_ref().filter(|_| echo_nonce);
        let tbs = ResponseData {
            version_encoded: false,
            responder_id: self.responder_id.clone(),
            produced_at: now,
            responses,
            extensions: nonce.cloned().into_iter().collect(),
            empty_extensions_encoded: false,
        };
        let basic = sign_response_data(tbs, &self.signer, self.certs.clone())?;
        let der = OcspResponse::successful(basic)
            .to_der()
            .map_err(Error::Encoding)?;
        Ok(SignedResponse {
            der,
            this_update: now,
            next_update,
            has_nonce: nonce.is_some(),
        })
    }

    /// [`ResponseBuilder::check`] then [`ResponseBuilder::sign`], echoing
    /// the nonce under [`NoncePolicy::Echo`].
    ///
    /// # Errors
    ///
    /// As both; [`Error::response_status`] tells which error response to
    /// send ([`error_response`] encodes it).
    pub fn respond(
        &self,
        request: &OcspRequestRef<'_>,
        source: &dyn StatusSource,
        now: Time,
    ) -> Result<SignedResponse, Error> {
        let checked = self.check(request)?;
        self.sign(&checked, source, now, self.nonce == NoncePolicy::Echo)
    }

    /// The DER response to the DER request `request_der`: a signed response,
    /// or the error response its failure calls for (malformedRequest,
    /// unauthorized, tryLater, internalError).
    ///
    /// # Errors
    ///
    /// Only when even the error response cannot be encoded.
    pub fn respond_der(
        &self,
        request_der: &[u8],
        source: &dyn StatusSource,
        now: Time,
    ) -> Result<Vec<u8>, Error> {
        let outcome = OcspRequestRef::parse(request_der)
            .map_err(Error::MalformedRequest)
            .and_then(|request| self.respond(&request, source, now));
        match outcome {
            Ok(signed) => Ok(signed.der),
            Err(e) => error_response(e.response_status()),
        }
    }
}

/// The DER of an unsigned error response (`malformedRequest`, `tryLater`,
/// ...; RFC 6960 4.2.1).
///
/// # Errors
///
/// [`Error::Encoding`] for [`ResponseStatus::Successful`], which needs a
/// body.
pub fn error_response(status: ResponseStatus) -> Result<Vec<u8>, Error> {
    OcspResponse::error(status)
        .to_der()
        .map_err(Error::Encoding)
}

/// The nonce extension to echo, checked; refuses unknown critical
/// extensions.
fn check_extensions(extensions: ExtensionsRef<'_>) -> Result<Option<Extension>, Error> {
    let mut nonce = None;
    for ext in extensions.iter() {
        if ext.oid() == oid::OCSP_NONCE {
            // RFC 8954 2.1: the nonce is an OCTET STRING of 1 to 32 octets;
            // malformedRequest otherwise. Raw bytes in extnValue (RFC 2560
            // era clients) are read as the nonce, as ocsp-types does; like
            // OpenSSL's responder (OCSP_copy_nonce) the extension is echoed
            // as sent.
            let len = ocsp_types::ocsp_extensions::nonce_value(ext.value()).len();
            if !(ocsp_types::ocsp_extensions::MIN_NONCE_LEN
                ..=ocsp_types::ocsp_extensions::MAX_NONCE_LEN)
                .contains(&len)
            {
                return Err(Error::InvalidNonce { len });
            }
            // Echoed byte for byte, so the client finds its own encoding.
            nonce = Some(ext.to_owned().map_err(Error::MalformedRequest)?);
        } else if ext.is_critical() {
            return Err(Error::UnsupportedCriticalExtension(ext.oid().to_string()));
        }
    }
    Ok(nonce)
}
