//! Differential tests against OpenSSL: the same testkit responses go through
//! `ocsp_verify` and through `openssl ocsp -respin`, and both must agree on
//! verified-or-not, and on the status when both verify.
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

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use base64ct::{Base64, Encoding};
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

/// The cases common to every key type.
fn common_cases(w: &World) -> Vec<Case> {
    let pki = &w.pki;
    let named = |n: &str| format!("{} {n}", w.flavor);
    let mut cases = Vec::new();

    cases.push(case(
        &named("issuer good"),
        w.issuer_response().sign(&pki.ca.key),
        GOOD,
    ));
    cases.push(case(
        &named("delegated good"),
        w.delegated_response().sign(&pki.delegate.key),
        GOOD,
    ));
    let mut spec = w.delegated_response();
    spec.responder_id = pki.delegate_by_name();
    cases.push(case(
        &named("delegated byName good"),
        spec.sign(&pki.delegate.key),
        GOOD,
    ));
    let mut spec = w.issuer_response();
    spec.corrupt_signature = true;
    cases.push(case(
        &named("issuer bad signature"),
        spec.sign(&pki.ca.key),
        Err("InvalidSignature"),
    ));
    let mut spec = w.delegated_response();
    spec.corrupt_signature = true;
    cases.push(case(
        &named("delegated bad signature"),
        spec.sign(&pki.delegate.key),
        Err("InvalidSignature"),
    ));
    cases
}

fn rsa_cases(w: &World) -> Vec<Case> {
    let pki = &w.pki;
    let mut cases = Vec::new();
    let revoked = |reason| {
        CertStatus::Revoked(RevokedInfo {
            revocation_time: w.at(-10 * DAY),
            revocation_reason: reason,
        })
    };

    // ------------------------------------------------ valid shapes
    for (name, status, want) in [
        (
            "revoked keyCompromise",
            revoked(Some(CrlReason::KeyCompromise)),
            "revoked",
        ),
        ("revoked without reason", revoked(None), "revoked"),
        ("unknown", CertStatus::Unknown, "unknown"),
    ] {
        let mut spec = w.issuer_response();
        spec.singles = vec![w.leaf_single(status)];
        cases.push(case(
            &format!("issuer {name}"),
            spec.sign(&pki.ca.key),
            Ok(want),
        ));
        let mut spec = w.delegated_response();
        spec.singles = vec![w.leaf_single(status)];
        cases.push(case(
            &format!("delegated {name}"),
            spec.sign(&pki.delegate.key),
            Ok(want),
        ));
    }
    let mut spec = w.issuer_response();
    spec.responder_id = ResponderId::ByName(pki.ca.name.clone());
    cases.push(case("issuer byName good", spec.sign(&pki.ca.key), GOOD));
    for alg in [
        SigAlg::RsaPssSha256,
        SigAlg::RsaSha384,
        SigAlg::RsaSha512,
        SigAlg::RsaSha1,
    ] {
        let mut spec = w.issuer_response();
        spec.sig_alg = alg;
        cases.push(case(
            &format!("issuer {alg:?}"),
            spec.sign(&pki.ca.key),
            GOOD,
        ));
    }
    let mut spec = w.issuer_response();
    spec.singles = vec![single(
        pki.leaf_cert_id(HashAlg::Sha256),
        CertStatus::Good,
        w.at(-HOUR),
        Some(w.at(DAY)),
    )];
    let mut c = case("SHA-256 CertID", spec.sign(&pki.ca.key), GOOD);
    c.openssl_args = vec!["-sha256"];
    cases.push(c);
    // Another certificate's revoked answer next to ours.
    let mut spec = w.issuer_response();
    spec.singles = vec![
        single(
            cert_id(HashAlg::Sha1, &pki.ca.name, &pki.ca.key, &[0x99]),
            revoked(Some(CrlReason::Superseded)),
            w.at(-HOUR),
            Some(w.at(DAY)),
        ),
        w.leaf_single(CertStatus::Good),
    ];
    cases.push(case("two single responses", spec.sign(&pki.ca.key), GOOD));
    // Extra embedded certificates are harmless.
    let mut spec = w.issuer_response();
    spec.certs = Some(vec![pki.other_ca.cert.clone(), pki.leaf.clone()]);
    cases.push(case(
        "issuer with unrelated certs",
        spec.sign(&pki.ca.key),
        GOOD,
    ));

    // ------------------------------------------------ responder faults
    let mut spec = w.issuer_response();
    spec.responder_id = ResponderId::ByKey(vec![0x42; 20]);
    cases.push(case(
        "wrong responder ID byKey",
        spec.sign(&pki.ca.key),
        Err("NoAuthorizedResponder"),
    ));
    spec.responder_id = ResponderId::ByName(der::name("Nobody"));
    cases.push(case(
        "wrong responder ID byName",
        spec.sign(&pki.ca.key),
        Err("NoAuthorizedResponder"),
    ));
    cases.push(case(
        "names the CA, signed by another key",
        w.issuer_response().sign(&pki.other_ca.key),
        Err("InvalidSignature"),
    ));
    let mut spec = w.delegated_response();
    spec.certs = None;
    cases.push(case(
        "delegated without its certificate",
        spec.sign(&pki.delegate.key),
        Err("NoAuthorizedResponder"),
    ));
    for (name, eku) in [
        ("delegate without EKU", None),
        (
            "delegate with serverAuth only",
            Some(vec![cert::KP_SERVER_AUTH.to_vec()]),
        ),
    ] {
        let mut c = w.delegate_spec();
        c.eku = eku;
        cases.push(case(
            name,
            w.with_delegate(pki.issue_delegate(&c))
                .sign(&pki.delegate.key),
            Err("DelegatedResponderNotOcspSigning"),
        ));
    }
    // SHA-1 on the delegate's certificate: both accept it by default
    // (ocsp-verify refuses it only with allow_sha1_signatures = false).
    let mut c = w.delegate_spec();
    c.sig_alg = Some(SigAlg::RsaSha1);
    cases.push(case(
        "delegate certificate signed with SHA-1",
        w.with_delegate(pki.issue_delegate(&c))
            .sign(&pki.delegate.key),
        GOOD,
    ));
    let mut c = w.delegate_spec();
    c.eku = Some(vec![
        cert::KP_SERVER_AUTH.to_vec(),
        cert::KP_OCSP_SIGNING.to_vec(),
    ]);
    cases.push(case(
        "delegate with serverAuth and OCSPSigning",
        w.with_delegate(pki.issue_delegate(&c))
            .sign(&pki.delegate.key),
        GOOD,
    ));
    // Same issuer Name, another key.
    let c = w
        .delegate_spec()
        .issue(&pki.delegate.key, &pki.other_ca.name, &pki.other_ca.key);
    cases.push(case(
        "delegate issued by another key under the CA's Name",
        w.with_delegate(c).sign(&pki.delegate.key),
        Err("DelegatedResponderBadSignature"),
    ));
    // Another CA, which OpenSSL trusts too: the chain is valid, but it is not
    // the issuer of the certificate in question.
    let stranger_key = Key::load(KeyName::OtherRsa);
    let stranger_name = der::name("Stranger CA");
    let mut stranger_spec = CertSpec::new(
        &[3],
        stranger_name.clone(),
        w.at(-1000 * DAY),
        w.at(1000 * DAY),
    );
    stranger_spec.ca = true;
    stranger_spec.key_usage = Some(cert::KU_CERT_SIGN | cert::KU_DIGITAL_SIGNATURE);
    let stranger_cert = stranger_spec.issue(&stranger_key, &stranger_name, &stranger_key);
    let c = w
        .delegate_spec()
        .issue(&pki.delegate.key, &stranger_name, &stranger_key);
    let mut stranger_case = case(
        "delegate issued by another trusted CA",
        w.with_delegate(c).sign(&pki.delegate.key),
        Err("DelegatedResponderWrongIssuer"),
    );
    stranger_case.extra_anchors = vec![stranger_cert.clone()];
    cases.push(stranger_case);
    // The stranger CA signs the response itself.
    let mut spec = w.issuer_response();
    spec.responder_id = by_key(&stranger_key);
    spec.certs = Some(vec![stranger_cert.clone()]);
    let mut c = case(
        "signed by another trusted CA",
        spec.sign(&stranger_key),
        Err("DelegatedResponderWrongIssuer"),
    );
    c.extra_anchors = vec![stranger_cert];
    cases.push(c);
    for (name, nb, na) in [
        ("expired delegate", w.at(-30 * DAY), w.at(-DAY)),
        ("delegate not yet valid", w.at(DAY), w.at(30 * DAY)),
    ] {
        let mut c = w.delegate_spec();
        c.not_before = nb;
        c.not_after = na;
        cases.push(case(
            name,
            w.with_delegate(pki.issue_delegate(&c))
                .sign(&pki.delegate.key),
            Err("DelegatedResponderNotValid"),
        ));
    }
    let mut c = w.delegate_spec();
    c.corrupt_signature = true;
    cases.push(case(
        "delegate certificate signature broken",
        w.with_delegate(pki.issue_delegate(&c))
            .sign(&pki.delegate.key),
        Err("DelegatedResponderBadSignature"),
    ));
    let mut c = w.delegate_spec();
    c.extra_extensions
        .push((vec![0x2a, 0x03, 0x04], true, vec![0x05, 0x00]));
    cases.push(case(
        "delegate with an unknown critical extension",
        w.with_delegate(pki.issue_delegate(&c))
            .sign(&pki.delegate.key),
        Err("DelegatedResponderUnhandledCriticalExtension"),
    ));

    // A responder the CA never certified, trusted locally (-VAfile).
    let rogue = Key::load(KeyName::OtherRsa);
    let rogue_name = der::name("Local responder");
    let rogue_cert = CertSpec::new(&[9], rogue_name.clone(), w.at(-DAY), w.at(DAY)).issue(
        &rogue,
        &rogue_name,
        &rogue,
    );
    let mut spec = w.issuer_response();
    spec.responder_id = by_key(&rogue);
    let rogue_response = spec.sign(&rogue);
    let mut c = case("locally trusted responder", rogue_response.clone(), GOOD);
    c.trusted = Some(rogue_cert.clone());
    cases.push(c);
    cases.push(case(
        "locally trusted responder, not trusted",
        rogue_response,
        Err("NoAuthorizedResponder"),
    ));

    // ------------------------------------------------ CertID faults
    for (name, field) in [
        ("issuer name hash", 0),
        ("issuer key hash", 1),
        ("serial", 2),
    ] {
        let mut id = pki.leaf_cert_id(HashAlg::Sha1);
        match field {
            0 => id.issuer_name_hash[0] ^= 1,
            1 => id.issuer_key_hash[19] ^= 1,
            _ => id.serial_number = vec![0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5e],
        }
        let mut spec = w.issuer_response();
        spec.singles = vec![single(id, CertStatus::Good, w.at(-HOUR), Some(w.at(DAY)))];
        cases.push(case(
            &format!("wrong CertID {name}"),
            spec.sign(&pki.ca.key),
            Err("NoMatchingResponse"),
        ));
    }
    // A SHA-256 CertID, without -sha256: a difference of interface more
    // than of rules (with -sha256 both agree, see "SHA-256 CertID").
    let mut spec = w.issuer_response();
    spec.singles = vec![single(
        pki.leaf_cert_id(HashAlg::Sha256),
        CertStatus::Good,
        w.at(-HOUR),
        Some(w.at(DAY)),
    )];
    cases.push(
        case(
            "SHA-256 CertID, OpenSSL asks SHA-1",
            spec.sign(&pki.ca.key),
            GOOD,
        )
        .differs(
            "OpenSSL looks up the CertID it builds (SHA-1 unless -sha256 is given) \
             and compares the hash algorithm; ocsp-verify recomputes the issuer hashes \
             under each CertID's own algorithm (SHA-1/256/384/512).",
        ),
    );

    // ------------------------------------------------ time (wall clock)
    let times = |this: i64, next: Option<i64>| {
        let mut spec = w.issuer_response();
        spec.singles = vec![single(
            pki.leaf_cert_id(HashAlg::Sha1),
            CertStatus::Good,
            w.at(this),
            next.map(|n| w.at(n)),
        )];
        spec.produced_at = w.at(this.min(0));
        spec.sign(&pki.ca.key)
    };
    cases.push(case(
        "expired a day ago",
        times(-3 * DAY, Some(-DAY)),
        Err("Expired"),
    ));
    cases.push(case(
        "not valid for another day",
        times(DAY, Some(3 * DAY)),
        Err("NotYetValid"),
    ));
    cases.push(case(
        "expired 100 s ago (within the 300 s skew)",
        times(-DAY, Some(-100)),
        GOOD,
    ));
    cases.push(case(
        "thisUpdate 200 s ahead (within the 300 s skew)",
        times(200, Some(DAY)),
        GOOD,
    ));
    cases.push(case(
        "expired 1000 s ago",
        times(-DAY, Some(-1000)),
        Err("Expired"),
    ));
    cases.push(case(
        "nextUpdate before thisUpdate",
        times(-HOUR, Some(-2 * HOUR)),
        Err("NextUpdateBeforeThisUpdate"),
    ));
    cases.push(case("no nextUpdate, fresh", times(-HOUR, None), GOOD));
    // Without nextUpdate, ours refuses after max_age_without_next_update (10
    // days); OpenSSL's -status_age 864000 is the same bound.
    let mut c = case(
        "no nextUpdate, 20 days old",
        times(-20 * DAY, None),
        Err("TooOld"),
    );
    c.openssl_args = vec!["-status_age", "864000"];
    cases.push(c);
    cases.push(
        case(
            "no nextUpdate, 20 days old, no -status_age",
            times(-20 * DAY, None),
            Err("TooOld"),
        )
        .differs(
            "Without -status_age OpenSSL sets no age limit on a response without \
                 nextUpdate; ocsp-verify applies Policy::max_age_without_next_update \
                 (10 days, as mozilla::pkix): such a responder always has newer \
                 information (RFC 6960 4.2.2.1).",
        ),
    );

    // ------------------------------------------------ other statuses
    let try_later = OcspResponse {
        status: ResponseStatus::TryLater,
        basic: None,
    }
    .to_der()
    .unwrap();
    cases.push(case("tryLater", try_later, Err("Unsuccessful")));

    // ------------------------------------------------ documented differences
    let mut c = w.delegate_spec();
    c.key_usage = Some(cert::KU_CERT_SIGN);
    cases.push(
        case(
            "delegate keyUsage without digitalSignature",
            w.with_delegate(pki.issue_delegate(&c))
                .sign(&pki.delegate.key),
            Err("DelegatedResponderKeyUsage"),
        )
        .differs(
            "OpenSSL's OCSP-helper purpose does not check the responder's keyUsage; \
             ocsp-verify requires digitalSignature when keyUsage is present \
             (RFC 5280 4.2.1.3: the key signs the response).",
        ),
    );
    let mut spec = w.delegated_response();
    spec.singles.push(single(
        cert_id(
            HashAlg::Sha1,
            &der::name("Other CA"),
            &pki.other_ca.key,
            &[0x01],
        ),
        CertStatus::Good,
        w.at(-HOUR),
        Some(w.at(DAY)),
    ));
    cases.push(
        case(
            "delegated, also answering about another CA's certificate",
            spec.sign(&pki.delegate.key),
            GOOD,
        )
        .differs(
            "OpenSSL refuses a delegated response whose CertIDs name more than one \
             issuer (ocsp_check_ids); ocsp-verify only reads the single responses \
             about the certificate in question, which the delegate may answer for.",
        ),
    );
    let mut spec = w.issuer_response();
    spec.extensions = vec![Extension {
        oid: ObjectIdentifier::new_unwrap("1.2.3.4"),
        critical: true,
        value: vec![0x05, 0x00],
    }];
    cases.push(
        case(
            "unknown critical response extension",
            spec.sign(&pki.ca.key),
            Err("UnhandledCriticalExtension"),
        )
        .differs(
            "OpenSSL does not look at response or single extensions when verifying; \
             ocsp-verify fails on a critical one it does not process (RFC 5280 4.2 \
             semantics, as mozilla::pkix).",
        ),
    );
    // The certificate in question expired before the response was produced.
    let expired_leaf = CertSpec::new(
        Pki::LEAF_SERIAL,
        der::name("leaf.example"),
        w.at(-100 * DAY),
        w.at(-DAY),
    )
    .issue(&Key::load(KeyName::OtherRsa), &pki.ca.name, &pki.ca.key);
    let mut c = case(
        "producedAt after the certificate expired",
        w.issuer_response().sign(&pki.ca.key),
        Err("ProducedOutsideCertificateValidity"),
    )
    .differs(
        "OpenSSL does not compare producedAt with the certificate in question; \
         ocsp-verify requires producedAt within its validity (as Chromium): a \
         response produced after expiry says nothing a CA still vouches for.",
    );
    c.leaf = Some(expired_leaf);
    cases.push(c);
    cases
}

fn ecdsa_cases(w: &World, other_hash: SigAlg) -> Vec<Case> {
    let mut spec = w.issuer_response();
    spec.sig_alg = other_hash;
    vec![case(
        &format!("{} issuer {other_hash:?}", w.flavor),
        spec.sign(&w.pki.ca.key),
        GOOD,
    )]
}

// ---------------------------------------------------------------- running both

fn pem(label: &str, ders: &[&[u8]]) -> String {
    let mut out = String::new();
    for der in ders {
        let b64 = Base64::encode_string(der);
        writeln!(out, "-----BEGIN {label}-----").unwrap();
        for line in b64.as_bytes().chunks(64) {
            writeln!(out, "{}", std::str::from_utf8(line).unwrap()).unwrap();
        }
        writeln!(out, "-----END {label}-----").unwrap();
    }
    out
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

fn openssl_available() -> bool {
    Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn differential_against_openssl() {
    if !openssl_available() {
        eprintln!("SKIPPED: the openssl command is not available; no differential test run");
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
