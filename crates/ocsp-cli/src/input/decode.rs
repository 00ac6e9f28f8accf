//! Recognising the format of an input's bytes and decoding them into DER:
//! no file access and no CLI types, so that the fuzz crate (`fuzz/`)
//! compiles this file as it is.
//!
//! An OCSP message may come as DER, as PEM (`OCSP RESPONSE` / `OCSP REQUEST`),
//! as bare base64 text (OpenSSL's `.ors` files) or as an OCSP GET URL (RFC
//! 5019, or only its path). [`decode_message`] tries them in that order.
//! Certificates come as PEM (`CERTIFICATE`, any number) or one DER
//! certificate ([`decode_certificates`]).

use std::fmt;

use base64ct::{Base64, Base64Unpadded, Base64Url, Base64UrlUnpadded, Encoding};

/// The most bytes read from one input (a PEM or base64 message is larger
/// than its DER, which `ocsp_types` bounds at 1 MiB).
pub const MAX_INPUT_LEN: usize = 16 << 20;

/// The PEM labels of OCSP messages.
pub const MESSAGE_LABELS: &[&str] = &["OCSP RESPONSE", "OCSP REQUEST"];

/// The PEM label of a certificate.
pub const CERTIFICATE_LABEL: &str = "CERTIFICATE";

/// Why an input could not be read or decoded into DER.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The file (or stdin) could not be read.
    Io {
        /// The path as given.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// The input is larger than [`MAX_INPUT_LEN`].
    TooLarge {
        /// The path as given.
        path: String,
    },
    /// The input holds nothing.
    Empty,
    /// PEM text with no usable block of the wanted label.
    InvalidPem(String),
    /// Text that is not valid base64 (nor any other format recognised).
    InvalidBase64(String),
    /// A GET URL that does not carry a base64 request (the message of
    /// `ocsp_request::decode_get_url`).
    InvalidGetUrl(String),
    /// The bytes a GET URL carries are not a valid request.
    Malformed(ocsp_types::Error),
}

impl InputError {
    /// A stable name for the failure, for machine-readable output.
    pub fn kind(&self) -> &'static str {
        match self {
            InputError::Io { .. } => "Io",
            InputError::TooLarge { .. } => "InputTooLarge",
            InputError::Empty => "EmptyInput",
            InputError::InvalidPem(_) => "InvalidPem",
            InputError::InvalidBase64(_) => "InvalidBase64",
            InputError::InvalidGetUrl(_) => "InvalidGetUrl",
            InputError::Malformed(e) => e.kind(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { path, reason } => write!(f, "cannot read {path}: {reason}"),
            InputError::TooLarge { path } => {
                write!(
                    f,
                    "{path} is larger than the limit of {MAX_INPUT_LEN} bytes"
                )
            }
            InputError::Empty => f.write_str("the input is empty"),
            InputError::InvalidPem(why) => write!(f, "invalid PEM: {why}"),
            InputError::InvalidBase64(why) => write!(
                f,
                "the input is not DER, PEM, an OCSP GET URL or base64 text ({why})"
            ),
            InputError::InvalidGetUrl(why) => f.write_str(why),
            InputError::Malformed(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Turns the bytes of an input into the DER of an OCSP message.
///
/// In order: DER (binary input, normally starting with `0x30`, is returned
/// as is, for the DER parser to accept or explain); then, for text, PEM (the
/// first block labelled `OCSP RESPONSE` or `OCSP REQUEST`), an OCSP GET URL
/// or path (text starting with `http://`, `https://` or `/`) and base64
/// text. Text starting with `0` that is none of these is returned as is.
pub fn decode_message(bytes: &[u8]) -> Result<Vec<u8>, InputError> {
    let Some(text) = as_text(bytes) else {
        return Ok(bytes.to_vec());
    };
    match decode_message_text(text) {
        // A valid OCSP message always holds control octets (the OCTET STRING
        // or ENUMERATED tag, short lengths), so it is never "text"; but text
        // starting with `0` that is no other format goes to the DER parser.
        Err(_) if bytes.first() == Some(&0x30) => Ok(bytes.to_vec()),
        result => result,
    }
}

fn decode_message_text(text: &str) -> Result<Vec<u8>, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    if text.contains(PEM_BEGIN) {
        return pem_first(text, MESSAGE_LABELS);
    }
    if ["http://", "https://", "/"]
        .iter()
        .any(|p| text.starts_with(p))
    {
        return decode_get_url(text);
    }
    decode_base64(text)
}

/// The DER of the certificates in `bytes`: PEM `CERTIFICATE` blocks (other
/// blocks are skipped) or one DER certificate.
pub fn decode_certificates(bytes: &[u8]) -> Result<Vec<Vec<u8>>, InputError> {
    let Some(text) = as_text(bytes).map(str::trim) else {
        return Ok(vec![bytes.to_vec()]);
    };
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    let mut certs = Vec::new();
    for block in pem_blocks(text) {
        let block = block?;
        if block.label == CERTIFICATE_LABEL {
            certs.push(block.decode()?);
        }
    }
    if certs.is_empty() {
        return Err(InputError::InvalidPem(format!(
            "no {CERTIFICATE_LABEL} block found"
        )));
    }
    Ok(certs)
}

/// The input as text, when it is UTF-8 without control characters other
/// than whitespace (a leading byte order mark is dropped).
fn as_text(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.chars()
        .all(|c| !c.is_control() || c.is_ascii_whitespace())
        .then_some(text)
}

fn decode_get_url(text: &str) -> Result<Vec<u8>, InputError> {
    ocsp_request::decode_get_url(text).map_err(|e| match e {
        ocsp_request::Error::Malformed(inner) => InputError::Malformed(inner),
        other => InputError::InvalidGetUrl(other.to_string()),
    })
}

/// Decodes base64 text, ignoring whitespace; standard or URL-safe alphabet,
/// padded or not.
pub fn decode_base64(text: &str) -> Result<Vec<u8>, InputError> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let first_error = match Base64::decode_vec(&compact) {
        Ok(bytes) => return non_empty(bytes),
        Err(e) => e,
    };
    Base64Unpadded::decode_vec(&compact)
        .or_else(|_| Base64Url::decode_vec(&compact))
        .or_else(|_| Base64UrlUnpadded::decode_vec(&compact))
        .map_err(|_| InputError::InvalidBase64(first_error.to_string()))
        .and_then(non_empty)
}

fn non_empty(bytes: Vec<u8>) -> Result<Vec<u8>, InputError> {
    if bytes.is_empty() {
        Err(InputError::Empty)
    } else {
        Ok(bytes)
    }
}

const PEM_BEGIN: &str = "-----BEGIN ";
const PEM_END: &str = "-----END ";
const PEM_DASHES: &str = "-----";

/// One PEM block: its label and its lines, from the BEGIN line to the END
/// line (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock<'a> {
    /// The label, e.g. `OCSP RESPONSE`.
    pub label: &'a str,
    lines: Vec<&'a str>,
}

impl PemBlock<'_> {
    /// The lines between BEGIN and END.
    pub fn body(&self) -> &[&str] {
        let inner = self.lines.len().saturating_sub(1);
        self.lines.get(1..inner).unwrap_or_default()
    }

    /// The DER the block carries: strict RFC 7468 decoding first, then, for
    /// PEM that other tools accept (other line widths, headers), the base64
    /// of the body lines without a colon.
    pub fn decode(&self) -> Result<Vec<u8>, InputError> {
        let whole = self.lines.join("\n");
        let strict = match der::pem::decode_vec(whole.as_bytes()) {
            Ok((_, der)) => return non_empty(der),
            Err(e) => e,
        };
        let body: String = self
            .body()
            .iter()
            .filter(|line| !line.contains(':'))
            .flat_map(|line| line.chars())
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        Base64::decode_vec(&body)
            .map_err(|_| {
                InputError::InvalidPem(format!("cannot decode the {} block: {strict}", self.label))
            })
            .and_then(non_empty)
    }
}

/// Splits PEM text into blocks; text outside blocks is ignored. A BEGIN
/// line without its END line ends the list with an error.
pub fn pem_blocks(text: &str) -> Vec<Result<PemBlock<'_>, InputError>> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut blocks = Vec::new();
    let mut i = 0usize;
    while let Some(line) = lines.get(i) {
        let label = line
            .strip_prefix(PEM_BEGIN)
            .and_then(|rest| rest.strip_suffix(PEM_DASHES));
        let Some(label) = label else {
            i += 1;
            continue;
        };
        let end_line = format!("{PEM_END}{label}{PEM_DASHES}");
        let end = lines
            .iter()
            .skip(i + 1)
            .position(|l| *l == end_line)
            .map(|offset| i + 1 + offset);
        let Some(end) = end else {
            blocks.push(Err(InputError::InvalidPem(format!(
                "BEGIN {label} without END line"
            ))));
            break;
        };
        let block_lines = lines.get(i..=end).map(<[&str]>::to_vec).unwrap_or_default();
        blocks.push(Ok(PemBlock {
            label,
            lines: block_lines,
        }));
        i = end + 1;
    }
    blocks
}

/// Decodes the first PEM block whose label is one of `labels`; other blocks
/// are skipped.
pub fn pem_first(text: &str, labels: &[&str]) -> Result<Vec<u8>, InputError> {
    let mut found = Vec::new();
    for block in pem_blocks(text) {
        let block = block?;
        if labels.contains(&block.label) {
            return block.decode();
        }
        found.push(block.label);
    }
    let wanted = labels.join(" or ");
    if found.is_empty() {
        Err(InputError::InvalidPem(format!("no {wanted} block found")))
    } else {
        Err(InputError::InvalidPem(format!(
            "no {wanted} block found (found {})",
            found.join(", ")
        )))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const PEM_TEXT: &str = "intro\n-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n\
        -----BEGIN OCSP RESPONSE-----\nMAMKAQY=\n-----END OCSP RESPONSE-----\n\
        -----BEGIN CERTIFICATE-----\nMAEA\n-----END CERTIFICATE-----\n";

    #[test]
    fn first_matching_pem_block() {
        assert_eq!(
            decode_message(PEM_TEXT.as_bytes()).unwrap(),
            [0x30, 0x03, 0x0a, 0x01, 0x06]
        );
        let blocks = pem_blocks(PEM_TEXT);
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks.first().unwrap().as_ref().unwrap().body(), ["MAA="]);
    }

    #[test]
    fn certificates_from_pem_or_der() {
        assert_eq!(
            decode_certificates(PEM_TEXT.as_bytes()).unwrap(),
            [vec![0x30, 0x00], vec![0x30, 0x01, 0x00]]
        );
        assert_eq!(
            decode_certificates(&[0x30, 0x00]).unwrap(),
            [vec![0x30, 0x00]]
        );
        assert_eq!(decode_certificates(b"").unwrap_err().kind(), "EmptyInput");
        assert_eq!(
            decode_certificates(b"-----BEGIN X-----\n-----END X-----\n")
                .unwrap_err()
                .kind(),
            "InvalidPem"
        );
    }

    #[test]
    fn formats() {
        // Binary goes to the DER parser as it is.
        assert_eq!(decode_message(&[0x30, 0x00]).unwrap(), [0x30, 0x00]);
        assert_eq!(decode_message(&[0xff, 0x00]).unwrap(), [0xff, 0x00]);
        // Base64, any alphabet, with whitespace; text starting with `0` too.
        assert_eq!(
            decode_message(b" MAMK\nAQY=\n").unwrap(),
            [0x30, 0x03, 0x0a, 0x01, 0x06]
        );
        assert_eq!(decode_message(b"0000").unwrap(), [0xd3, 0x4d, 0x34]);
        assert_eq!(decode_message(b"0").unwrap(), b"0");
        assert_eq!(decode_message(b"0 !").unwrap(), b"0 !");
        assert_eq!(decode_message(b"_-8").unwrap(), [0xff, 0xef]);
        assert_eq!(decode_message(b"\xef\xbb\xbfMAA=").unwrap(), [0x30, 0x00]);
        assert_eq!(decode_message(b"M").unwrap_err().kind(), "InvalidBase64");
        assert_eq!(decode_message(b"  ").unwrap_err().kind(), "EmptyInput");
        assert_eq!(decode_message(b"=").unwrap_err().kind(), "InvalidBase64");
    }
}
