//! Choosing between the RFC 5019 GET and POST forms.

use alloc::string::String;
use alloc::vec::Vec;

use crate::get_url::encode_get_url;

/// The media type of a POST body: the DER `OCSPRequest`.
pub const CONTENT_TYPE: &str = "application/ocsp-request";

/// The longest GET URL, in bytes, for which [`RequestForm::choose`] picks GET
/// (RFC 5019 5: GET for small requests, so that responses can be cached).
pub const MAX_GET_URL_LEN: usize = 255;

/// The HTTP form of one request (RFC 5019 5): the GET URL or the POST body.
/// Sending it is a transport's job (`ocsp_http::HttpTransport`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestForm {
    /// `GET` this URL.
    Get(String),
    /// `POST` this body (the DER request) to the responder URL, with
    /// `Content-Type:` [`CONTENT_TYPE`].
    Post(Vec<u8>),
}

impl RequestForm {
    /// GET when the whole GET URL is at most [`MAX_GET_URL_LEN`] bytes, POST
    /// otherwise.
    ///
    /// ```
    /// use ocsp_request::RequestForm;
    /// let der = [0x30, 0x00];
    /// assert_eq!(
    ///     RequestForm::choose("http://ocsp.example.com", &der),
    ///     RequestForm::Get("http://ocsp.example.com/MAA%3D".into())
    /// );
    /// let long = "http://ocsp.example.com/".repeat(11);
    /// assert_eq!(RequestForm::choose(&long, &der), RequestForm::Post(der.to_vec()));
    /// ```
    pub fn choose(responder_url: &str, request_der: &[u8]) -> Self {
        let url = encode_get_url(responder_url, request_der);
        if url.len() <= MAX_GET_URL_LEN {
            RequestForm::Get(url)
        } else {
            RequestForm::Post(request_der.to_vec())
        }
    }
}
