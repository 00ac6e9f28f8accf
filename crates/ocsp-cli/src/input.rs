//! Reading inputs (a file, or `-` for stdin); their format is recognised
//! and decoded by [`decode`].

mod decode;

use std::io::Read;
use std::path::Path;

use crate::error::CliError;

use decode::{decode_certificates, decode_message};
pub use decode::{pem_first, InputError, MAX_INPUT_LEN};

/// The path that means standard input.
pub const STDIN: &str = "-";

/// Reads the whole of `path`, or stdin when it is [`STDIN`], up to
/// [`MAX_INPUT_LEN`] bytes.
pub fn read_input(path: &Path) -> Result<Vec<u8>, InputError> {
    let shown = path.display().to_string();
    let io_error = |e: std::io::Error| InputError::Io {
        path: shown.clone(),
        reason: e.to_string(),
    };
    let limit = u64::try_from(MAX_INPUT_LEN)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    if path.as_os_str() == STDIN {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    } else {
        std::fs::File::open(path)
            .and_then(|file| file.take(limit).read_to_end(&mut bytes))
            .map_err(io_error)?;
    }
    if bytes.len() > MAX_INPUT_LEN {
        return Err(InputError::TooLarge { path: shown });
    }
    Ok(bytes)
}

/// Reads an OCSP message from `path` (or stdin) and returns its DER; see
/// [`decode_message`].
pub fn read_message(path: &Path) -> Result<Vec<u8>, InputError> {
    decode_message(&read_input(path)?)
}

/// Reads certificates from `path` (or stdin): every `CERTIFICATE` block of a
/// PEM file, or one DER certificate. Returns the DER of each, unchecked.
pub fn read_certificates(path: &Path) -> Result<Vec<Vec<u8>>, InputError> {
    decode_certificates(&read_input(path)?)
}

/// The first certificate of `path` (or stdin): the first `CERTIFICATE`
/// block of a PEM file, or the DER certificate; errors name the file.
pub fn read_first_certificate(path: &Path) -> Result<Vec<u8>, CliError> {
    read_certificates(path)
        .map_err(in_file(path))?
        .into_iter()
        .next()
        .ok_or_else(|| in_file(path)(InputError::Empty))
}

/// Turns an input error about `path` into a [`CliError`] whose message
/// starts with the path (unless the message already names it).
pub fn in_file(path: &Path) -> impl Fn(InputError) -> CliError + '_ {
    move |e| match e {
        InputError::Io { .. } | InputError::TooLarge { .. } => CliError::from(e),
        other => {
            let e = CliError::from(other);
            CliError::new(e.kind, format!("{}: {}", path.display(), e.message))
        }
    }
}
