//! Choosing between the RFC 5019 GET and POST forms.

use alloc::string::String;
use alloc::vec::Vec;

use crate::get_url::encode_get_url;

/// The media type of a POST body: the DER `OCSPRequest`.
pub const CONTENT_TYPE: &str = "application/ocsp-request";

/// The longest GET URL, in bytes, for which [`Transport::choose`] picks GET
/// (RFC 5019 5: GET for small requests, so that responses can be cached).
pub const MAX_GET_URL_LEN: usize = 255;

/// How to send a request over HTTP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transport {
    /// `GET` this URL.
    Get(String),
    /// `POST` this body (the DER request) to the responder URL, with
    /// `Content-Type:` [`CONTENT_TYPE`].
    Post(Vec<u8>),
}

impl Transport {
    /// GET when the whole GET URL is at most [`MAX_GET_URL_LEN`] bytes, POST
    /// otherwise.
    ///
    /// ```
    /// use ocsp_request::Transport;
    /// let der = [0x30, 0x00];
    /// assert_eq!(
    ///     Transport::choose("http://ocsp.example.com", &der),
    ///     Transport::Get("http://ocsp.example.com/MAA%3D".into())
    /// );
    /// let long = "http://ocsp.example.com/".repeat(11);
    /// assert_eq!(Transport::choose(&long, &der), Transport::Post(der.to_vec()));
    /// ```
    pub fn choose(responder_url: &str, request_der: &[u8]) -> Self {
        let url = encode_get_url(responder_url, request_der);
        if url.len() <= MAX_GET_URL_LEN {
            Transport::Get(url)
        } else {
            Transport::Post(request_der.to_vec())
        }
    }
}
