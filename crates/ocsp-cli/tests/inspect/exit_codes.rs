//! Invalid structures and unreadable files (exit 1, with their error kind),
//! usage errors (exit 2), and no panic on any mutation of the seed.

use super::*;

#[test]
fn invalid_structures_exit_1_with_their_kind() {
    let seed = seed_der();
    let mut trailing = seed.clone();
    trailing.push(0);
    // (what, the input, the error kind)
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "non-minimal length of responseStatus",
            vec![0x30, 0x04, 0x0a, 0x81, 0x01, 0x00],
            "NonMinimalLength",
        ),
        (
            "BER indefinite length",
            vec![0x30, 0x80, 0x0a, 0x01, 0x06, 0x00, 0x00],
            "IndefiniteLength",
        ),
        ("truncated", seed[..seed.len() - 10].to_vec(), "Truncated"),
        ("one byte", vec![0x30], "Truncated"),
        ("trailing bytes", trailing, "TrailingData"),
        (
            "responseStatus 4 is not defined",
            vec![0x30, 0x03, 0x0a, 0x01, 0x04],
            "UndefinedResponseStatus",
        ),
        (
            "successful needs responseBytes",
            vec![0x30, 0x03, 0x0a, 0x01, 0x00],
            "MissingResponseBytes",
        ),
        (
            "looks like a request (a SEQUENCE first): the request parser's error",
            vec![0x30, 0x02, 0x30, 0x00],
            "MissingField",
        ),
        (
            "binary garbage: the DER parser explains",
            vec![0x04, 0x02, 0xff, 0xfe],
            "UnexpectedTag",
        ),
        (
            "more binary garbage",
            vec![0xff, 0x00, 0x13, 0x37, 0x80],
            "UnexpectedTag",
        ),
        (
            "text of none of the formats",
            b"hello, world!\n".to_vec(),
            "InvalidBase64",
        ),
        ("text with a bang", b"not!base64".to_vec(), "InvalidBase64"),
        (
            "PEM without the wanted block",
            pem("CERTIFICATE", &seed).into_bytes(),
            "InvalidPem",
        ),
        (
            "PEM without its END line",
            b"-----BEGIN OCSP RESPONSE-----\nMIIG\n".to_vec(),
            "InvalidPem",
        ),
        (
            "PEM whose body is not base64",
            b"-----BEGIN OCSP RESPONSE-----\n!!!!\n-----END OCSP RESPONSE-----\n".to_vec(),
            "InvalidPem",
        ),
        (
            "a GET URL that carries no request",
            b"http://ocsp.example.com/".to_vec(),
            "InvalidGetUrl",
        ),
        (
            "a GET path that carries no request",
            b"/!!!".to_vec(),
            "InvalidGetUrl",
        ),
        (
            "valid base64 of invalid DER",
            Base64::encode_string(&seed[..100]).into_bytes(),
            "Truncated",
        ),
        ("empty input", vec![], "EmptyInput"),
        ("only whitespace", b" \n\t\n".to_vec(), "EmptyInput"),
    ];
    for (what, bytes, kind) in cases {
        assert_fails(what, &bytes, kind);
    }
}

#[test]
fn unreadable_file_exits_1() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let missing = tmp.join("does-not-exist.der");
    let err = assert_fails_on("a missing file", missing.to_str().unwrap(), "Io");
    assert!(err.starts_with("error: Io: cannot read "), "{err}");
    // A directory cannot be read as a file.
    let dir = TempDir::new("ocsp-cli-inspect");
    assert_fails_on("a directory", dir.path().to_str().unwrap(), "Io");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec![],
        vec!["inspect"],
        vec!["inspect", "--no-such-flag", SEED],
        vec!["inspect", SEED, "extra"],
        vec!["no-such-command"],
    ] {
        let out = ocsp(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert!(inspect_text(&["--help"], b"").contains("--json"));
}

#[test]
fn no_panic_on_mutations_of_the_seed() {
    // Every single-byte truncation point and a few byte flips near the front.
    let seed = seed_der();
    let mut inputs: Vec<Vec<u8>> = (0..40).map(|n| seed[..n].to_vec()).collect();
    for i in 0..60 {
        let mut flipped = seed.clone();
        flipped[i] ^= 0x41;
        inputs.push(flipped);
    }
    for input in inputs {
        let out = ocsp_with_stdin(&["inspect", "--json", "-"], &input);
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(1), "{code:?}");
        let v = parse_one_object(&text(&out.stdout));
        if code == Some(1) {
            assert!(v["error"]["kind"].is_string());
            assert_eq!(text(&out.stderr).lines().count(), 1);
        }
    }
}
