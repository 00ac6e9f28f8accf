//! Differential tests against OpenSSL: the same testkit responses go through
//! `ocsp_verify` and through `openssl ocsp -respin`, and both must agree on
//! verified-or-not, and on the status when both verify. The cases are in
//! `cases.rs`; the world, the two runners and the test here.
//!
//! # Making OpenSSL's model comparable
//!
//! ```text
//! openssl ocsp -respin resp.der -issuer ca.pem -cert leaf.pem -no_nonce
//!              -CAfile cafile.pem -no-CApath -no-CAstore -attime T
//!              [-VAfile trusted.pem] [-sha256] [-status_age SECS]
//! ```
//!
//! * `-CAfile` holds the issuer (and, for two cases, an unrelated CA): the
//!   chain of a delegated responder is validated up to it, as ours is
//!   checked against the issuer. `-issuer` makes OpenSSL retry with the
//!   issuer as an explicitly trusted signer (`OCSP_TRUSTOTHER`), which is
//!   how a response the issuer signs itself verifies.
//! * `-cert` (with `-issuer`) makes OpenSSL look the CertID up; without it
//!   OpenSSL never checks that the response is about our certificate.
//!   `-sha256` (before `-cert`, which it applies to) when the response's
//!   CertID uses SHA-256 (OpenSSL compares the hash algorithm too).
//! * `-attime T` sets the time of the certificate checks only. OpenSSL
//!   checks thisUpdate/nextUpdate against the **wall clock**
//!   (`OCSP_check_validity` ignores `-attime`), with a 300 s tolerance
//!   (`-validity_period`, the same as our default skew). So every
//!   certificate and response here is built around the current time T, and
//!   ours is run at T too.
//! * `-VAfile` is our locally trusted responder.
//! * `-no_nonce`: no nonce in either model.
//!
//! OpenSSL's answer counts as "verified" when it exits 0 and says `Response
//! verify OK`, finds a status for the certificate (no `ERROR: No Status
//! found`) and does not warn `Status times invalid` (which it only warns
//! about, exiting 0).
//!
//! Where the models differ, the case says why and only our verdict is
//! asserted (OpenSSL's is printed).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use ocsp_testkit::support;
use ocsp_testkit::{
    by_key, cert, cert_id, der, single, CertSpec, Flavor, HashAlg, Key, KeyName, Pki, ResponseSpec,
    SigAlg, DAY, HOUR,
};
use ocsp_types::{
    CertStatus, CrlReason, Extension, ObjectIdentifier, OcspResponse, ResponderId, ResponseStatus,
    RevokedInfo, Time,
};
use ocsp_verify::{algorithms, Error, Issuer, Status, Subject, UnixTime, Verifier};

// ---------------------------------------------------------------- the world

/// A testkit PKI re-issued around the current time.
struct World {
    /// `Rsa`, `P256`, `P384`, `P521` or `Ed25519`.
    flavor: String,
    /// The current time, Unix seconds.
    t: i64,
    pki: Pki,
    dir: PathBuf,
}

impl World {
    fn new(flavor: Flavor, t: i64, dir: &Path) -> World {
        let pki = Pki::new_at(flavor, t);
        let flavor = format!("{flavor:?}");
        let dir = dir.join(&flavor);
        std::fs::create_dir_all(&dir).unwrap();
        World {
            flavor,
            t,
            pki,
            dir,
        }
    }

    fn at(&self, offset: i64) -> Time {
        Time::from_unix(self.t + offset).unwrap()
    }

    /// The delegate's certificate spec, valid around T.
    fn delegate_spec(&self) -> CertSpec {
        let mut spec = self.pki.delegate_spec();
        spec.not_before = self.at(-30 * DAY);
        spec.not_after = self.at(30 * DAY);
        spec
    }

    fn leaf_single(&self, status: CertStatus) -> ocsp_types::SingleResponse {
        single(
            self.pki.leaf_cert_id(HashAlg::Sha1),
            status,
            self.at(-HOUR),
            Some(self.at(3 * DAY)),
        )
    }

    /// Signed by the CA (byKey), good, thisUpdate T - 1h, nextUpdate T + 3d.
    fn issuer_response(&self) -> ResponseSpec {
        let mut spec = self.pki.issuer_response();
        spec.produced_at = self.at(-HOUR);
        spec.singles = vec![self.leaf_single(CertStatus::Good)];
        spec
    }

    /// Signed by the delegate (byKey, certificate embedded), good.
    fn delegated_response(&self) -> ResponseSpec {
        let mut spec = self.pki.delegated_response();
        spec.produced_at = self.at(-HOUR);
        spec.singles = vec![self.leaf_single(CertStatus::Good)];
        spec
    }

    fn with_delegate(&self, cert: Vec<u8>) -> ResponseSpec {
        let mut spec = self.delegated_response();
        spec.certs = Some(vec![cert]);
        spec
    }
}

// ---------------------------------------------------------------- cases

/// What a verifier concluded: the status, or why not (our error variant,
/// or OpenSSL's words).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Verified(&'static str),
    Refused(String),
}

impl Outcome {
    fn verified(&self) -> Option<&'static str> {
        match self {
            Outcome::Verified(status) => Some(status),
            Outcome::Refused(_) => None,
        }
    }
}

/// How the two models relate on a case.
#[derive(Debug, Clone, Copy)]
enum Model {
    /// Both must say the same.
    Same,
    /// They differ by design; the reason.
    Differs(&'static str),
}

struct Case {
    name: String,
    response: Vec<u8>,
    /// Our expected verdict: a status, or the error variant's name.
    ours: Result<&'static str, &'static str>,
    model: Model,
    /// The certificate in question (default: the PKI's leaf).
    leaf: Option<Vec<u8>>,
    /// More trust anchors for OpenSSL's CAfile (the issuer is always there).
    extra_anchors: Vec<Vec<u8>>,
    /// A locally trusted responder (ours) / `-VAfile` (OpenSSL).
    trusted: Option<Vec<u8>>,
    /// More `openssl ocsp` arguments.
    openssl_args: Vec<&'static str>,
}

fn case(name: &str, response: Vec<u8>, ours: Result<&'static str, &'static str>) -> Case {
    Case {
        name: name.to_owned(),
        response,
        ours,
        model: Model::Same,
        leaf: None,
        extra_anchors: Vec::new(),
        trusted: None,
        openssl_args: Vec::new(),
    }
}

impl Case {
    fn differs(mut self, why: &'static str) -> Case {
        self.model = Model::Differs(why);
        self
    }
}

const GOOD: Result<&str, &str> = Ok("good");

use cases::{common_cases, ecdsa_cases, rsa_cases};

// ---------------------------------------------------------------- running both

/// The PEM blocks of `ders`, one after another.
fn pem(label: &str, ders: &[&[u8]]) -> String {
    ders.iter().map(|der| support::pem(label, der)).collect()
}

fn ours(w: &World, c: &Case) -> Outcome {
    let trusted: Vec<&[u8]> = c.trusted.iter().map(Vec::as_slice).collect();
    let leaf = c.leaf.as_deref().unwrap_or(&w.pki.leaf);
    let result = Verifier::new(algorithms::ALL)
        .with_trusted_responders(&trusted)
        .verify(
            &c.response,
            Subject::Certificate(leaf),
            Issuer::Certificate(&w.pki.ca.cert),
            UnixTime::since_unix_epoch(Duration::from_secs(w.t as u64)),
            None,
        );
    match result {
        Ok(v) => Outcome::Verified(match v.status {
            Status::Good => "good",
            Status::Revoked { .. } => "revoked",
            Status::Unknown => "unknown",
            _ => "other",
        }),
        Err(e) => Outcome::Refused(variant(&e)),
    }
}

/// The variant name of an error (its Debug form up to the first field).
fn variant(e: &Error) -> String {
    let debug = format!("{e:?}");
    debug.split([' ', '(', '{']).next().unwrap().to_owned()
}

fn openssl(w: &World, c: &Case, n: usize) -> Outcome {
    let dir = &w.dir;
    let file = |name: &str, bytes: &[u8]| {
        let path = dir.join(format!("{n:02}-{name}"));
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let leaf = c.leaf.as_deref().unwrap_or(&w.pki.leaf);
    let response = file("resp.der", &c.response);
    let ca = file("ca.pem", pem("CERTIFICATE", &[&w.pki.ca.cert]).as_bytes());
    let mut anchors: Vec<&[u8]> = vec![&w.pki.ca.cert];
    anchors.extend(c.extra_anchors.iter().map(Vec::as_slice));
    let ca_file = file("cafile.pem", pem("CERTIFICATE", &anchors).as_bytes());
    let leaf = file("leaf.pem", pem("CERTIFICATE", &[leaf]).as_bytes());
    let mut cmd = Command::new("openssl");
    cmd.arg("ocsp")
        .arg("-respin")
        .arg(&response)
        .arg("-issuer")
        .arg(&ca)
        // Before -cert: a digest option applies to the -cert after it.
        .args(&c.openssl_args)
        .arg("-cert")
        .arg(&leaf)
        .arg("-no_nonce")
        .arg("-CAfile")
        .arg(&ca_file)
        .args(["-no-CApath", "-no-CAstore", "-attime"])
        .arg(w.t.to_string());
    if let Some(trusted) = &c.trusted {
        cmd.arg("-VAfile").arg(file(
            "trusted.pem",
            pem("CERTIFICATE", &[trusted]).as_bytes(),
        ));
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let all = format!("{stdout}{stderr}");
    let prefix = format!("{}: ", leaf.display());
    let status_line = stdout
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map(str::trim);
    let refused = |why: &str| Outcome::Refused(why.to_owned());
    if !out.status.success() {
        return refused(&first_line(&all, "exit status not 0"));
    }
    if !stderr.contains("Response verify OK") {
        return refused(&first_line(&all, "no 'Response verify OK'"));
    }
    if all.contains("Status times invalid") {
        return refused("WARNING: Status times invalid");
    }
    match status_line {
        Some("good") => Outcome::Verified("good"),
        Some("revoked") => Outcome::Verified("revoked"),
        Some("unknown") => Outcome::Verified("unknown"),
        Some(other) => refused(other),
        None => refused(&first_line(&all, "no status line")),
    }
}

/// The most informative words of OpenSSL's output: its first OCSP error
/// (`...:OCSP routines:FUNCTION:REASON:FILE:LINE:DETAIL`), else any
/// library's, else a line saying it failed.
fn first_line(all: &str, fallback: &str) -> String {
    let error = |library: &str| {
        all.lines().find_map(|l| {
            let (_, after) = l.split_once(library)?;
            let mut fields = after.splitn(5, ':');
            let (function, reason) = (fields.next()?, fields.next()?);
            let detail = fields.nth(2).map(str::trim).filter(|d| !d.is_empty());
            Some(match detail {
                Some(detail) => format!("{function}: {reason}: {detail}"),
                None => format!("{function}: {reason}"),
            })
        })
    };
    error("OCSP routines:")
        .or_else(|| error(" routines:"))
        .unwrap_or_else(|| {
            all.lines()
                .find(|l| l.contains("ERROR") || l.contains("Failure") || l.contains("rror"))
                .map_or(fallback, |l| l.rsplit(": ").next().unwrap_or(l))
                .trim()
                .to_owned()
        })
}

#[test]
fn differential_against_openssl() {
    if !support::openssl_available("differential_against_openssl") {
        return;
    }
    let version = Command::new("openssl").arg("version").output().unwrap();
    println!("{}", String::from_utf8_lossy(&version.stdout).trim());
    let t = i64::try_from(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap();
    let dir = ocsp_testkit::support::TempDir::new("ocsp-verify-differential");

    let rsa = World::new(Flavor::Rsa, t, &dir);
    let p256 = World::new(Flavor::P256, t, &dir);
    let p384 = World::new(Flavor::P384, t, &dir);
    let p521 = World::new(Flavor::P521, t, &dir);
    let ed25519 = World::new(Flavor::Ed25519, t, &dir);
    let mut runs: Vec<(&World, Case)> = Vec::new();
    for w in [&rsa, &p256, &p384, &p521, &ed25519] {
        runs.extend(common_cases(w).into_iter().map(|c| (w, c)));
    }
    runs.extend(rsa_cases(&rsa).into_iter().map(|c| (&rsa, c)));
    runs.extend(
        ecdsa_cases(&p256, SigAlg::EcdsaSha384)
            .into_iter()
            .map(|c| (&p256, c)),
    );
    runs.extend(
        ecdsa_cases(&p384, SigAlg::EcdsaSha256)
            .into_iter()
            .map(|c| (&p384, c)),
    );
    runs.extend(
        ecdsa_cases(&p521, SigAlg::EcdsaSha256)
            .into_iter()
            .map(|c| (&p521, c)),
    );

    let (mut agreed, mut documented, mut failures) = (0, 0, Vec::new());
    for (n, (w, c)) in runs.iter().enumerate() {
        let ours = ours(w, c);
        let theirs = openssl(w, c, n);
        let want = match c.ours {
            Ok(status) => Outcome::Verified(status),
            Err(kind) => Outcome::Refused(kind.to_owned()),
        };
        if ours != want {
            failures.push(format!("{}: ours {ours:?}, expected {want:?}", c.name));
            continue;
        }
        match c.model {
            Model::Same => {
                if ours.verified() == theirs.verified() {
                    agreed += 1;
                    println!("agree     {:<55} ours {ours:?}, openssl {theirs:?}", c.name);
                } else {
                    failures.push(format!("{}: ours {ours:?}, openssl {theirs:?}", c.name));
                }
            }
            Model::Differs(why) => {
                documented += 1;
                let note = if ours.verified() == theirs.verified() {
                    " (they agree here after all: revisit the note)"
                } else {
                    ""
                };
                println!(
                    "differs   {:<55} ours {ours:?}, openssl {theirs:?}{note}\n          why: {why}",
                    c.name
                );
            }
        }
    }
    println!(
        "{agreed} agreed, {documented} documented differences, {} failures",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "disagreements:\n{}",
        failures.join("\n")
    );
    assert!(agreed >= 60, "{agreed}");
}

mod cases;
#[path = "../common/mod.rs"]
mod common;
