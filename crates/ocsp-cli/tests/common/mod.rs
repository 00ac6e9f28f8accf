//! What the test binaries of the `ocsp` command share: running it as a
//! process, reading what it printed, and the checks every report of a
//! failure must pass. Each test binary includes this module and uses the
//! part it needs.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::channel;
use std::time::Duration;

use ocsp_testkit::response::ResponseSpec;
use ocsp_testkit::support::TempDir;
use ocsp_testkit::Pki;
use serde_json::Value;

/// `ocsp ARGS`, its stdout piped.
pub fn ocsp_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ocsp"));
    command.args(args).stdout(Stdio::piped());
    command
}

/// Runs `ocsp ARGS`, feeding `stdin`; no run may panic or ask for a
/// backtrace.
pub fn ocsp_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = ocsp_command(args)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The process may exit before reading (e.g. a usage error).
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("panicked"), "panic for {args:?}: {all}");
    assert!(
        !all.contains("RUST_BACKTRACE"),
        "backtrace for {args:?}: {all}"
    );
    out
}

/// Runs `ocsp ARGS` with an empty stdin; see [`ocsp_with_stdin`].
pub fn ocsp(args: &[&str]) -> Output {
    ocsp_with_stdin(args, b"")
}

/// What the command printed, which must be UTF-8.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The one JSON object `text` holds (one value, an object).
pub fn parse_one_object(text: &str) -> Value {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let value = values.next().unwrap().unwrap();
    assert!(values.next().is_none(), "more than one JSON value: {text}");
    assert!(value.is_object(), "{value}");
    value
}

/// The keys of a JSON object, in order.
pub fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

/// Writes `bytes` to `name` in `dir`; returns the path as a string.
pub fn write_temp(dir: &TempDir, name: &str, bytes: &[u8]) -> String {
    dir.write(name, bytes).to_str().unwrap().to_owned()
}

/// Asserts that `text` holds each of `lines`.
pub fn assert_contains_all(text: &str, lines: &[&str]) {
    for line in lines {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

/// An input error in text form: exit 1, nothing on stdout, and one line on
/// stderr, `error: KIND: MESSAGE`. Returns the stderr text.
pub fn assert_input_error(out: &Output, kind: &str) -> String {
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "for {kind}: {stderr}");
    assert!(stdout.is_empty(), "for {kind}: {stdout}");
    assert_eq!(stderr.lines().count(), 1, "for {kind}: {stderr}");
    assert!(
        stderr.starts_with(&format!("error: {kind}: ")),
        "for {kind}: {stderr}"
    );
    stderr
}

/// `ocsp verify --json ARGS`: the exit code and the JSON object.
pub fn verify_json(args: &[&str]) -> (i32, Value) {
    let out = ocsp(&[&["verify", "--json"], args].concat());
    let code = out.status.code().unwrap();
    (code, parse_one_object(&text(&out.stdout)))
}

/// `--response RESPONSE --cert CERT --issuer ISSUER --at AT`.
pub fn testkit_args<'a>(
    response: &'a str,
    cert: &'a str,
    issuer: &'a str,
    at: &'a str,
) -> [&'a str; 8] {
    [
        "--response",
        response,
        "--cert",
        cert,
        "--issuer",
        issuer,
        "--at",
        at,
    ]
}

/// The testkit PKI's delegated response, with a responder certificate that
/// deviates as careful peers accept (rustls-webpki): `critical FALSE`
/// written out, and a padded keyUsage.
pub fn delegated_response_with_deviant_certificate(pki: &Pki) -> ResponseSpec {
    let mut delegate = pki.delegate_spec();
    delegate.explicit_non_critical = true;
    delegate.padded_key_usage = true;
    delegate.key_usage = Some(ocsp_testkit::cert::KU_DIGITAL_SIGNATURE);
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![pki.issue_delegate(&delegate)]);
    spec
}

/// `ocsp serve`, running; killed on drop.
pub struct Served {
    /// The process.
    pub child: Child,
    /// The URL it serves at, as it printed it.
    pub url: String,
}

impl Served {
    /// Runs `ocsp serve ARGS` in `dir` and waits, at most `limit`, for its
    /// first line: `listening on URL`.
    pub fn start(dir: &Path, args: &[&str], limit: Duration) -> Served {
        let mut child = ocsp_command(&[&["serve"], args].concat())
            .current_dir(dir)
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        // Read in a thread, so that the wait is bounded.
        let stdout = child.stdout.take().unwrap();
        // Killed on drop from here on, if it does not start either.
        let mut served = Served {
            child,
            url: String::new(),
        };
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(limit).expect("ocsp serve did not start");
        line.trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("ocsp serve {args:?}: unexpected first line {line:?}"))
            .clone_into(&mut served.url);
        served
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
