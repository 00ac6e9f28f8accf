//! Plumbing shared by the workspace's integration tests: hex, PEM,
//! temporary directories, the shared third-party vectors (with a loud skip
//! when they are absent) and the `openssl` CLI as a test peer.
//!
//! Every helper panics on failure: a test that cannot set itself up fails.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use base64ct::{Base64, Encoding};

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Lowercase or uppercase hex (an even number of digits) to bytes.
pub fn unhex(s: &str) -> Vec<u8> {
    assert!(s.len().is_multiple_of(2), "odd hex length: {s}");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// `der` as a PEM block labelled `label`, 64 base64 characters a line.
pub fn pem(label: &str, der: &[u8]) -> String {
    let b64 = Base64::encode_string(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Every PEM block labelled `label` in `text`, decoded.
pub fn pem_blocks(text: &str, label: &str) -> Vec<Vec<u8>> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&begin) {
        let after = &rest[start + begin.len()..];
        let stop = after.find(&end).expect("END line");
        let b64: String = after[..stop].split_whitespace().collect();
        out.push(Base64::decode_vec(&b64).expect("base64"));
        rest = &after[stop + end.len()..];
    }
    out
}

/// The first certificate of a PEM file.
pub fn read_pem_cert(path: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(path).unwrap();
    pem_blocks(&text, "CERTIFICATE").remove(0)
}

/// Decodes a base64 file with no PEM armour (OpenSSL's `.ors` test format).
pub fn read_base64_file(path: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(path).unwrap();
    let joined: String = text.split_whitespace().collect();
    Base64::decode_vec(&joined).unwrap()
}

/// The first `SingleResponse` of a parsed successful response.
pub fn first_single<'a>(
    response: &ocsp_types::OcspResponseRef<'a>,
) -> ocsp_types::SingleResponseRef<'a> {
    response
        .basic()
        .expect("a successful response")
        .tbs_response_data()
        .responses()
        .iter()
        .next()
        .expect("at least one SingleResponse")
}

/// A fresh directory under [`std::env::temp_dir`], unique to this process
/// and call, removed (exactly it, never a parent) when dropped.
#[derive(Debug)]
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Creates `<temp>/<tag>-<pid>-<n>`.
    pub fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        assert!(
            !tag.is_empty() && !tag.contains(['/', '\\']) && tag != "." && tag != "..",
            "a temporary directory's tag is one plain name: {tag:?}"
        );
        let path = std::env::temp_dir().join(format!("{tag}-{}-{n}", std::process::id()));
        // A leftover of an earlier process with the same pid: this exact
        // directory only.
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir(&path).unwrap();
        TempDir { path }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `name` inside the directory (not created).
    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        let name = name.as_ref();
        assert!(
            !name.as_os_str().is_empty() && name.is_relative(),
            "a name inside the directory: {}",
            name.display()
        );
        self.path.join(name)
    }

    /// Writes `bytes` to `name` inside the directory; returns its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Prints a loud skip notice (tests that skip still pass: the notice is
/// what a reader of the log sees).
pub fn skip(test: &str, why: &str) {
    eprintln!();
    eprintln!("************************************************************");
    eprintln!("*** SKIPPED {test}: {why}");
    eprintln!("************************************************************");
}

/// The shared third-party vectors, `../shared/vectors/<sub>` next to the
/// workspace, or `None` after a loud SKIPPED notice when they are absent
/// (CI always has them).
pub fn shared_vectors(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/vectors"
    ))
    .join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        skip(
            sub,
            &format!(
                "shared test vectors not found at {} (CI always has them)",
                dir.display()
            ),
        );
        None
    }
}

/// A tab-separated file with a header line (the shared vectors'
/// manifests): one map from column name to value per non-empty line.
pub fn read_tsv(path: &Path) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Whether the `openssl` binary runs (no notice).
pub fn have_openssl() -> bool {
    Command::new("openssl")
        .arg("version")
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the `openssl` binary runs; prints a loud SKIPPED for `test`
/// when it does not.
pub fn openssl_available(test: &str) -> bool {
    let ok = have_openssl();
    if !ok {
        skip(test, "the openssl CLI is not available");
    }
    ok
}

/// Runs `openssl ARGS` in `dir` with an empty stdin, asserting success.
pub fn openssl(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run openssl");
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The count of a run over a table of vectors: each mismatch printed to
/// stderr as it comes, then `N passed, M failed` (the line CI reads).
#[derive(Debug, Default)]
pub struct Tally {
    /// The cases that gave what was expected.
    pub passed: usize,
    /// The others.
    pub failed: usize,
}

impl Tally {
    /// Counts one case: passed when `ok`, else failed, with
    /// `MISMATCH <mismatch()>` printed.
    pub fn record(&mut self, ok: bool, mismatch: impl FnOnce() -> String) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            eprintln!("MISMATCH {}", mismatch());
        }
    }

    /// Prints `N passed, M failed`; returns `(passed, failed)`.
    pub fn finish(&self) -> (usize, usize) {
        println!("{} passed, {} failed", self.passed, self.failed);
        (self.passed, self.failed)
    }
}

/// Asserts that the certificate `der` carries both lax encodings rustls
/// accepts and strict DER does not: `critical FALSE` written, and a
/// keyUsage padded with a zero octet.
pub fn assert_lax_encodings(der: &[u8]) {
    use ocsp_types::DeviationKind;
    let cert = ocsp_types::CertificateRef::parse(der).unwrap();
    for wanted in [
        DeviationKind::ExplicitNonCritical,
        DeviationKind::PaddedKeyUsage,
    ] {
        assert!(
            cert.deviations().any(|d| d.kind == wanted),
            "the certificate does not carry {wanted:?}"
        );
    }
}
