//! Helpers shared by the integration tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use base64ct::{Base64, Encoding};

/// Prints a loud skip notice.
pub fn skip(test: &str, why: &str) {
    eprintln!();
    eprintln!("************************************************************");
    eprintln!("*** SKIPPED {test}: {why}");
    eprintln!("************************************************************");
}

/// Whether the `openssl` binary runs.
pub fn have_openssl() -> bool {
    Command::new("openssl")
        .arg("version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Runs `openssl` with `args` in `dir`, asserting success.
pub fn openssl(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run openssl");
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A fresh directory under the target's temporary directory.
pub fn temp_dir(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("ocsp-request-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
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

/// The shared test vectors directory, if present.
pub fn shared_vectors(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/vectors/"
    ))
    .join(sub);
    dir.is_dir().then_some(dir)
}

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Lowercase or uppercase hex to bytes.
pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// A small PKI made with the openssl CLI: root → intermediate → leaves.
/// Its directory is removed when it is dropped.
pub struct Pki {
    pub dir: PathBuf,
}

impl Drop for Pki {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `-newkey` arguments for a key type.
fn newkey(kind: &str) -> Vec<&'static str> {
    match kind {
        "rsa" => vec!["-newkey", "rsa:2048"],
        "ec" => vec!["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
        _ => panic!("key kind"),
    }
}

impl Pki {
    /// Creates `root.pem`, `int.pem` (issued by root), `leaf1.pem`,
    /// `leaf2.pem` (issued by int, with AIA; leaf2's serial has its top bit
    /// set) and `noaia.pem` (issued by int, without AIA), keys `*.key`, all
    /// with keys of `kind` (`rsa` or `ec`).
    pub fn new(kind: &str) -> Pki {
        let dir = temp_dir(&format!("pki-{kind}"));
        let d = dir.as_path();
        std::fs::write(
            d.join("ca.cnf"),
            "basicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\n\
             subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n\
             authorityInfoAccess = OCSP;URI:http://root-ocsp.example.com/\n",
        )
        .unwrap();
        std::fs::write(
            d.join("leaf.cnf"),
            "basicConstraints = CA:FALSE\nsubjectKeyIdentifier = hash\n\
             authorityInfoAccess = caIssuers;URI:http://ca.example.com/int.crt,\
             OCSP;URI:http://ocsp.example.com/,OCSP;URI:http://ocsp2.example.com/ocsp\n",
        )
        .unwrap();
        std::fs::write(d.join("noaia.cnf"), "basicConstraints = CA:FALSE\n").unwrap();

        let mut root = vec![
            "req", "-x509", "-nodes", "-keyout", "root.key", "-out", "root.pem",
        ];
        root.extend(newkey(kind));
        root.extend(["-subj", "/C=XX/O=ocsp-rs tests/CN=Test Root", "-days", "30"]);
        openssl(d, &root);

        let issue = |name: &str, subj: &str, ca: &str, ext: &str, serial: &str| {
            let key = format!("{name}.key");
            let csr = format!("{name}.csr");
            let pem = format!("{name}.pem");
            let mut req = vec!["req", "-new", "-nodes", "-keyout", &key, "-out", &csr];
            req.extend(newkey(kind));
            req.extend(["-subj", subj]);
            openssl(d, &req);
            let ca_pem = format!("{ca}.pem");
            let ca_key = format!("{ca}.key");
            openssl(
                d,
                &[
                    "x509",
                    "-req",
                    "-in",
                    &csr,
                    "-CA",
                    &ca_pem,
                    "-CAkey",
                    &ca_key,
                    "-set_serial",
                    serial,
                    "-out",
                    &pem,
                    "-days",
                    "30",
                    "-extfile",
                    ext,
                ],
            );
        };
        issue(
            "int",
            "/C=XX/O=ocsp-rs tests/CN=Test Intermediate",
            "root",
            "ca.cnf",
            "4660",
        );
        issue(
            "leaf1",
            "/CN=leaf1.example",
            "int",
            "leaf.cnf",
            "0x0102030405060708090a",
        );
        issue(
            "leaf2",
            "/CN=leaf2.example",
            "int",
            "leaf.cnf",
            "0x8000000000000001",
        );
        issue("noaia", "/CN=noaia.example", "int", "noaia.cnf", "7");
        Pki { dir }
    }

    /// The DER of `name.pem`.
    pub fn der(&self, name: &str) -> Vec<u8> {
        read_pem_cert(&self.dir.join(format!("{name}.pem")))
    }

    /// Runs `openssl ocsp` with `args` and `-reqout out`, returning the DER.
    pub fn openssl_request(&self, args: &[&str], out: &str) -> Vec<u8> {
        let mut all = vec!["ocsp"];
        all.extend_from_slice(args);
        all.extend(["-reqout", out]);
        openssl(&self.dir, &all);
        std::fs::read(self.dir.join(out)).unwrap()
    }
}
