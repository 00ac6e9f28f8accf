//! IndexFile: reloads on change, gated by the caller's clock; a broken file
//! keeps the previous index in service.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::{Arc, Mutex};

use ocsp_responder::{CertificateStatus, Error, IndexFile, StatusQuery, StatusSource};
use ocsp_testkit::support::TempDir;
use ocsp_types::Time;

const GOOD: &str = "V\t301231235959Z\t\t1001\tunknown\t/CN=leaf\n";
const REVOKED: &str = "R\t301231235959Z\t240101000000Z,keyCompromise\t1001\tunknown\t/CN=leaf\n";

fn t(secs: i64) -> Time {
    Time::from_unix(1_800_000_000 + secs).unwrap()
}

fn status(source: &IndexFile, now: Time) -> CertificateStatus {
    source
        .status(&StatusQuery::new(0, &[0x10, 0x01], now))
        .unwrap()
}

/// Replaces the file the way `openssl ca` does: a new file renamed over it.
fn replace(path: &std::path::Path, text: &str) {
    let tmp = path.with_extension("new");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// An index file holding `text`, in a fresh directory named after `tag`,
/// opened with `recheck_every(seconds)`.
fn index(tag: &str, text: &str, seconds: u32) -> (TempDir, std::path::PathBuf, IndexFile) {
    let dir = TempDir::new(tag);
    let path = dir.join("index.txt");
    std::fs::write(&path, text).unwrap();
    let source = IndexFile::open(&path).unwrap().recheck_every(seconds);
    (dir, path, source)
}

#[test]
fn reloads_when_the_file_changes_with_a_zero_gate() {
    let (_dir, path, source) = index("ocsp-responder-reload", GOOD, 0);
    let g0 = source.generation(t(0));
    assert_eq!(status(&source, t(0)), CertificateStatus::Good);
    replace(&path, REVOKED);
    assert!(matches!(
        status(&source, t(0)),
        CertificateStatus::Revoked { .. }
    ));
    assert_ne!(source.generation(t(0)), g0);
}

#[test]
fn the_gate_follows_the_callers_clock() {
    let (_dir, path, source) = index("ocsp-responder-gate", GOOD, 10);
    assert_eq!(status(&source, t(0)), CertificateStatus::Good);
    replace(&path, REVOKED);
    // Within 10 s of the last look: not looked at again.
    assert_eq!(status(&source, t(9)), CertificateStatus::Good);
    assert!(matches!(
        status(&source, t(10)),
        CertificateStatus::Revoked { .. }
    ));
}

#[test]
fn a_broken_file_keeps_the_previous_index_and_is_reported() {
    let (_dir, path, source) = index("ocsp-responder-broken", REVOKED, 0);
    let errors = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&errors);
    let source = source.on_reload_error(move |e| seen.lock().unwrap().push(e.kind()));
    replace(&path, &format!("{GOOD}X\tbroken\n"));
    assert!(matches!(
        status(&source, t(0)),
        CertificateStatus::Revoked { .. }
    ));
    assert_eq!(*errors.lock().unwrap(), ["InvalidIndex"]);
    // The same broken version is not parsed again.
    assert!(matches!(
        status(&source, t(1)),
        CertificateStatus::Revoked { .. }
    ));
    assert_eq!(errors.lock().unwrap().len(), 1);
    // A fixed file is taken.
    replace(&path, GOOD);
    assert_eq!(status(&source, t(2)), CertificateStatus::Good);
}

#[test]
fn open_refuses_a_broken_or_missing_file() {
    let dir = TempDir::new("ocsp-responder-open");
    let path = dir.join("index.txt");
    assert!(matches!(IndexFile::open(&path), Err(Error::Io { .. })));
    std::fs::write(&path, "V\tnot a time\t\t01\tunknown\t/CN=x\n").unwrap();
    assert!(matches!(
        IndexFile::open(&path),
        Err(Error::InvalidIndex { line: 1, .. })
    ));
}
