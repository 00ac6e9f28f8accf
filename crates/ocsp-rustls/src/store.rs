//! [`StapleStore`]: the last verified staple of each certificate, on disk,
//! so that a restarted server staples at once.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use crate::error::StapleError;

/// The largest staple file read: a TLS 1.3 `status_request` extension
/// cannot carry more (its length is 16 bits).
pub const MAX_STAPLE_LEN: usize = 0xffff;

/// A directory of OCSP responses, one file per certificate, named
/// `<SHA-256 of the certificate's DER, lowercase hex>.der`.
///
/// **Nothing read from it is trusted**: [`crate::StaplingResolver`]
/// verifies a stored response against the certificate's issuer at the
/// current time before stapling it, exactly as a freshly fetched one. The
/// store only saves the fetch after a restart. Writes are atomic: the
/// response goes to a temporary file in the same directory, is flushed to
/// disk, then renamed over the old file, so a crash leaves the old or the
/// new response, never a torn one.
#[derive(Debug, Clone)]
pub struct StapleStore {
    dir: PathBuf,
}

impl StapleStore {
    /// A store in `dir`, created if missing.
    ///
    /// # Errors
    ///
    /// [`StapleError::Store`] when the directory cannot be created.
    pub fn new(dir: impl Into<PathBuf>) -> Result<Self, StapleError> {
        let dir = dir.into();
        fs::create_dir_all(&dir).map_err(|e| store_error(&e, "cannot create", &dir))?;
        Ok(StapleStore { dir })
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of the certificate `cert_der`.
    pub fn path(&self, cert_der: &[u8]) -> PathBuf {
        self.dir.join(format!("{}.der", fingerprint_hex(cert_der)))
    }

    /// The stored response for `cert_der`, unverified; `None` when there is
    /// no file.
    ///
    /// # Errors
    ///
    /// [`StapleError::Store`] when the file cannot be read or is larger than
    /// [`MAX_STAPLE_LEN`].
    pub fn load(&self, cert_der: &[u8]) -> Result<Option<Vec<u8>>, StapleError> {
        let path = self.path(cert_der);
        let file = match fs::File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(store_error(&e, "cannot open", &path)),
        };
        let mut der = Vec::new();
        // One octet more than allowed, to tell "too large" from "exactly
        // the limit" without reading an unbounded file.
        let limit = u64::try_from(MAX_STAPLE_LEN)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        file.take(limit)
            .read_to_end(&mut der)
            .map_err(|e| store_error(&e, "cannot read", &path))?;
        if der.len() > MAX_STAPLE_LEN {
            return Err(StapleError::Store {
                kind: io::ErrorKind::InvalidData,
                message: format!("{} is larger than {MAX_STAPLE_LEN} octets", path.display()),
            });
        }
        Ok(Some(der))
    }

    /// Saves `response` as the stored response of `cert_der`, atomically
    /// (temporary file in the same directory, `fsync`, rename).
    ///
    /// # Errors
    ///
    /// [`StapleError::Store`] when the file cannot be written (the temporary
    /// file is then removed, the old response left in place).
    pub fn save(&self, cert_der: &[u8], response: &[u8]) -> Result<(), StapleError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let path = self.path(cert_der);
        let temp = self.dir.join(format!(
            ".{}.{}-{}.tmp",
            fingerprint_hex(cert_der),
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = write_synced(&temp, response).and_then(|()| fs::rename(&temp, &path));
        if let Err(e) = written {
            // Best effort: the temporary file may not exist.
            let _ = fs::remove_file(&temp);
            return Err(store_error(&e, "cannot write", &path));
        }
        // Make the rename itself durable where directories can be synced
        // (Unix); elsewhere opening a directory fails and is not an error.
        if let Ok(dir) = fs::File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Removes the stored response of `cert_der`, if any.
    ///
    /// # Errors
    ///
    /// [`StapleError::Store`] when an existing file cannot be removed.
    pub fn remove(&self, cert_der: &[u8]) -> Result<(), StapleError> {
        let path = self.path(cert_der);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                Err(store_error(&e, "cannot remove", &path))
            }
            _ => Ok(()),
        }
    }
}

/// Creates `path` (which must not exist), writes `bytes` and flushes them
/// to disk.
fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn store_error(e: &io::Error, what: &str, path: &Path) -> StapleError {
    StapleError::Store {
        kind: e.kind(),
        message: format!("{what} {}: {e}", path.display()),
    }
}

/// The SHA-256 of `cert_der`, lowercase hex: the certificate's file name in
/// a [`StapleStore`] (as `openssl x509 -fingerprint -sha256` without the
/// colons).
pub fn fingerprint_hex(cert_der: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(cert_der);
    let mut out = String::with_capacity(64);
    for byte in digest.iter() {
        for nibble in [byte >> 4, byte & 0x0f] {
            if let Some(&digit) = DIGITS.get(usize::from(nibble)) {
                out.push(char::from(digit));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fingerprint_hex;

    #[test]
    fn fingerprint_is_sha256_hex() {
        assert_eq!(
            fingerprint_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
