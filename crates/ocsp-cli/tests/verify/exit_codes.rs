//! Bad inputs (exit 1, with their error kind), usage errors (exit 2), and
//! no panic on any mutation of the seed.

use super::*;

#[test]
fn bad_inputs_exit_1_with_their_kind() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let garbage = write_temp(&tmp, "garbage.bin", &[0x30, 0x03, 0x02, 0x01]);
    let binary_junk = write_temp(&tmp, "junk.bin", &[0xff, 0x00, 0x13, 0x37]);
    let empty = write_temp(&tmp, "empty.der", b"");
    let not_pem = write_temp(&tmp, "cert.txt", b"hello");
    let bad_cert = write_temp(&tmp, "bad-cert.der", &[0x30, 0x00]);
    let missing = tmp.join("missing.der").to_str().unwrap().to_owned();
    let unsuccessful = write_temp(&tmp, "try-later.der", &[0x30, 0x03, 0x0a, 0x01, 0x03]);
    let with = |response: &str, issuer_name: &str, issuer_spki: &str| {
        owned(&seed_args("2017-08-15T00:00:00Z", &[]))
            .into_iter()
            .map(|a| match a.as_str() {
                SEED => response.to_owned(),
                SEED_NAME => issuer_name.to_owned(),
                SEED_SPKI => issuer_spki.to_owned(),
                _ => a,
            })
            .collect::<Vec<String>>()
    };
    let with_issuer =
        |issuer: &str| owned(&["--response", SEED, "--serial", "01", "--issuer", issuer]);
    // (args, kind, reported on stderr as an input error)
    let cases: Vec<(Vec<String>, &str, bool)> = vec![
        (with(&garbage, SEED_NAME, SEED_SPKI), "Malformed", false),
        (with(&binary_junk, SEED_NAME, SEED_SPKI), "Malformed", false),
        (
            with(&unsuccessful, SEED_NAME, SEED_SPKI),
            "Unsuccessful",
            false,
        ),
        (with(&empty, SEED_NAME, SEED_SPKI), "EmptyInput", true),
        (with(&not_pem, SEED_NAME, SEED_SPKI), "InvalidBase64", true),
        (with(&missing, SEED_NAME, SEED_SPKI), "Io", true),
        (with(SEED, &empty, SEED_SPKI), "EmptyInput", true),
        (with(SEED, SEED_SPKI, SEED_SPKI), "InvalidIssuer", false),
        (with(SEED, SEED_NAME, SEED_NAME), "InvalidIssuer", false),
        (with(SEED, SEED_NAME, &missing), "Io", true),
        (
            owned(&[
                "--response",
                SEED,
                "--cert",
                &bad_cert,
                "--issuer-name",
                SEED_NAME,
                "--issuer-spki",
                SEED_SPKI,
            ]),
            "InvalidCertificate",
            false,
        ),
        (with_issuer(&not_pem), "InvalidPem", true),
        (with_issuer(&bad_cert), "InvalidIssuer", false),
        (
            [
                with(SEED, SEED_NAME, SEED_SPKI),
                owned(&["--trusted-responder", &bad_cert]),
            ]
            .concat(),
            "InvalidTrustedResponder",
            false,
        ),
    ];
    for (args, kind, input_error) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_not_verified(&args, kind);
        // Text form: input errors on stderr (one line), verdicts on stdout.
        let out = verify_text(&args);
        if input_error {
            assert_input_error(&out, kind);
        } else {
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
            assert!(stderr.is_empty(), "{stderr}");
            assert!(stdout.starts_with("FAILED: "), "{stdout}");
            assert!(
                stdout.contains(&format!("error kind:   {kind}\n")),
                "{stdout}"
            );
        }
    }
}

/// The arguments, owned.
fn owned(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| (*a).to_owned()).collect()
}

#[test]
fn usage_errors_exit_2() {
    // The arguments after `verify`: a required input missing, or two that
    // exclude each other, or a serial that is not hex.
    let incomplete: &[&[&str]] = &[
        &[],
        &["--serial", "01", "--issuer", SEED],
        &["--response", SEED, "--issuer", SEED],
        &["--response", SEED, "--serial", "01"],
        &[
            "--response",
            SEED,
            "--serial",
            "01",
            "--cert",
            SEED,
            "--issuer",
            SEED,
        ],
        &[
            "--response",
            SEED,
            "--serial",
            "01",
            "--issuer",
            SEED,
            "--issuer-name",
            SEED,
            "--issuer-spki",
            SEED,
        ],
        &["--response", SEED, "--serial", "01", "--issuer-name", SEED],
        &["--response", SEED, "--serial", "01", "--issuer-spki", SEED],
        &["--response", SEED, "--serial", "xyz", "--issuer", SEED],
        &["--response", SEED, "--serial", "", "--issuer", SEED],
    ];
    // Added to a complete invocation: a bad value or an unknown flag.
    let base = ["--response", SEED, "--serial", "01", "--issuer", SEED];
    let bad_flags: &[&[&str]] = &[
        &["--at", "yesterday"],
        &["--at", "2017-08-15"],
        &["--at", "-5"],
        &["--skew", "-1"],
        &["--max-age", "1h"],
        &["--nonce", "abc"],
        &["--nonce", ""],
        &["--require-nonce"],
        &["--no-such-flag"],
    ];
    let rows = incomplete
        .iter()
        .map(|args| [&["verify"], *args].concat())
        .chain(
            bad_flags
                .iter()
                .map(|extra| [&["verify"], &base[..], extra].concat()),
        );
    for args in rows {
        let out = ocsp(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = verify_text(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("--trusted-responder"));
}

#[test]
fn no_panic_on_mutations_of_the_seed() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let seed = std::fs::read(SEED).unwrap();
    let mut inputs: Vec<Vec<u8>> = (0..30).map(|n| seed[..n].to_vec()).collect();
    for i in (0..seed.len()).step_by(37) {
        let mut flipped = seed.clone();
        flipped[i] ^= 0x41;
        inputs.push(flipped);
    }
    for input in inputs {
        let path = write_temp(&tmp, "mutated.der", &input);
        let (code, value) = verify_json(&replaced(
            seed_args("2017-08-15T00:00:00Z", &[]),
            SEED,
            &path,
        ));
        assert!(code == 0 || code == 1, "{code}");
        if code == 1 {
            assert_eq!(value["verified"], false);
            assert!(value["error"]["kind"].is_string());
        }
    }
}
