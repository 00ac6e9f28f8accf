//! Building an `OCSPRequest` (RFC 6960 4.1).

use alloc::vec::Vec;

use ocsp_types::{CertId, Extension, GeneralName, OcspRequest, Request, Signature, TbsRequest};

use crate::certificate::{CertificateParts, Role};
use crate::nonce::Nonce;
use crate::signing::RequestSigner;
use crate::Error;

/// Builds an OCSP request: one or more CertIDs, an optional nonce,
/// `requestorName` and request extensions, and an optional signature.
///
/// Without a nonce or signature this is exactly the request `openssl ocsp
/// -no_nonce` sends. The nonce goes first among the request extensions.
///
/// ```
/// # fn main() -> Result<(), ocsp_request::Error> {
/// use ocsp_request::{cert_id_for_serial, HashAlgorithm, Nonce, RequestBuilder};
/// # let name = include_bytes!("../tests/data/wikipedia-issuer-name.der");
/// # let spki = include_bytes!("../tests/data/wikipedia-issuer-spki.der");
/// let id = cert_id_for_serial(&[0x10, 0xe6], name, spki, HashAlgorithm::Sha1)?;
/// let request = RequestBuilder::new()
///     .cert_id(id)
///     .nonce(Nonce::random(32, |buf| buf.fill(7))?) // use a real CSPRNG
///     .build()?;
/// let der = request.to_der()?;
/// assert_eq!(ocsp_types::OcspRequestRef::parse(&der)?.tbs_request().extensions().nonce(),
///            Some(&[7u8; 32][..]));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestBuilder {
    requests: Vec<Request>,
    nonce: Option<Nonce>,
    requestor_name: Option<GeneralName>,
    extensions: Vec<Extension>,
}

impl RequestBuilder {
    /// An empty builder (no CertID yet, no nonce).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a CertID (without `singleRequestExtensions`).
    pub fn cert_id(&mut self, cert_id: CertId) -> &mut Self {
        self.requests.push(Request {
            cert_id,
            extensions: Vec::new(),
            empty_extensions_encoded: false,
        });
        self
    }

    /// Adds a `Request`, for one that carries `singleRequestExtensions`.
    pub fn request(&mut self, request: Request) -> &mut Self {
        self.requests.push(request);
        self
    }

    /// Sets the nonce (RFC 8954), replacing any earlier one.
    pub fn nonce(&mut self, nonce: Nonce) -> &mut Self {
        self.nonce = Some(nonce);
        self
    }

    /// Sets `requestorName`. A signed request needs one; see
    /// [`RequestBuilder::build_signed`].
    pub fn requestor_name(&mut self, name: GeneralName) -> &mut Self {
        self.requestor_name = Some(name);
        self
    }

    /// Adds a request extension, e.g.
    /// [`Extension::preferred_signature_algorithms`] or
    /// [`Extension::acceptable_responses`]. Use [`RequestBuilder::nonce`] for
    /// the nonce.
    pub fn extension(&mut self, extension: Extension) -> &mut Self {
        self.extensions.push(extension);
        self
    }

    /// The unsigned request.
    ///
    /// # Errors
    ///
    /// [`Error::NoCertIds`] without a CertID, [`Error::DuplicateExtension`]
    /// when two request extensions share an OID, [`Error::Malformed`] when a
    /// part cannot be encoded (e.g. an invalid extension or CertID).
    pub fn build(&self) -> Result<OcspRequest, Error> {
        let tbs_request = self.tbs_request(self.requestor_name.clone())?;
        // Encode once so that the request is known to be encodable.
        tbs_request.to_der()?;
        Ok(OcspRequest {
            tbs_request,
            signature: None,
        })
    }

    /// The request signed by `signer` (RFC 6960 4.1.2), with `certificates`
    /// (DER; the signer's first, then its chain, or none) in `certs`.
    ///
    /// RFC 6960 requires a `requestorName` in a signed request: when none was
    /// set, the directoryName of the first certificate's subject is used.
    ///
    /// # Errors
    ///
    /// Those of [`RequestBuilder::build`], and [`Error::MissingRequestorName`]
    /// (no name and no certificate), [`Error::InvalidCertificate`] (a
    /// certificate is not DER X.509) and [`Error::Signer`].
    pub fn build_signed<S: RequestSigner + ?Sized>(
        &self,
        signer: &S,
        certificates: &[Vec<u8>],
    ) -> Result<OcspRequest, Error> {
        let mut first_subject = None;
        for (i, der) in certificates.iter().enumerate() {
            let parts = CertificateParts::parse(der, Role::Subject)?;
            if i == 0 {
                first_subject = Some(GeneralName::directory_name(parts.subject));
            }
        }
        let requestor_name = self
            .requestor_name
            .clone()
            .or(first_subject)
            .ok_or(Error::MissingRequestorName)?;
        let tbs_request = self.tbs_request(Some(requestor_name))?;
        let tbs_der = tbs_request.to_der()?;
        let algorithm = signer.algorithm();
        let signature = signer.sign(&tbs_der)?;
        Ok(OcspRequest {
            tbs_request,
            signature: Some(Signature {
                algorithm,
                signature,
                certs: (!certificates.is_empty()).then(|| certificates.to_vec()),
            }),
        })
    }

    fn tbs_request(&self, requestor_name: Option<GeneralName>) -> Result<TbsRequest, Error> {
        if self.requests.is_empty() {
            return Err(Error::NoCertIds);
        }
        let mut extensions = Vec::with_capacity(self.extensions.len() + 1);
        if let Some(nonce) = &self.nonce {
            extensions.push(nonce.to_extension()?);
        }
        for extension in &self.extensions {
            if extensions
                .iter()
                .any(|e: &Extension| e.oid == extension.oid)
            {
                return Err(Error::DuplicateExtension(extension.oid));
            }
            extensions.push(extension.clone());
        }
        Ok(TbsRequest {
            version_encoded: false,
            requestor_name,
            requests: self.requests.clone(),
            extensions,
            empty_extensions_encoded: false,
        })
    }
}
