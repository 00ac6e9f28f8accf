//! Invalid structures and unreadable files (exit 1, with their error kind),
//! usage errors (exit 2), and no panic on any mutation of the seed.

use super::*;

#[test]
fn invalid_structures_exit_1_with_their_kind() {
    let seed = seed_der();
    // Non-minimal length of responseStatus.
    assert_fails(&[0x30, 0x04, 0x0a, 0x81, 0x01, 0x00], "NonMinimalLength");
    // BER indefinite length.
    assert_fails(
        &[0x30, 0x80, 0x0a, 0x01, 0x06, 0x00, 0x00],
        "IndefiniteLength",
    );
    // Truncated.
    assert_fails(&seed[..seed.len() - 10], "Truncated");
    assert_fails(&[0x30], "Truncated");
    // Trailing bytes.
    let mut trailing = seed.clone();
    trailing.push(0);
    assert_fails(&trailing, "TrailingData");
    // responseStatus 4 is not defined; successful needs responseBytes.
    assert_fails(&[0x30, 0x03, 0x0a, 0x01, 0x04], "UndefinedResponseStatus");
    assert_fails(&[0x30, 0x03, 0x0a, 0x01, 0x00], "MissingResponseBytes");
    // Looks like a request (a SEQUENCE first): the request parser's error.
    assert_fails(&[0x30, 0x02, 0x30, 0x00], "MissingField");
    // Binary garbage: the DER parser explains.
    assert_fails(&[0x04, 0x02, 0xff, 0xfe], "UnexpectedTag");
    assert_fails(&[0xff, 0x00, 0x13, 0x37, 0x80], "UnexpectedTag");
    // Text that is none of the formats.
    assert_fails(b"hello, world!\n", "InvalidBase64");
    assert_fails(b"not!base64", "InvalidBase64");
    // PEM without the wanted block, or a broken one.
    assert_fails(pem("CERTIFICATE", &seed).as_bytes(), "InvalidPem");
    assert_fails(b"-----BEGIN OCSP RESPONSE-----\nMIIG\n", "InvalidPem");
    assert_fails(
        b"-----BEGIN OCSP RESPONSE-----\n!!!!\n-----END OCSP RESPONSE-----\n",
        "InvalidPem",
    );
    // GET URLs that carry no request.
    assert_fails(b"http://ocsp.example.com/", "InvalidGetUrl");
    assert_fails(b"/!!!", "InvalidGetUrl");
    // Valid base64 of invalid DER.
    assert_fails(Base64::encode_string(&seed[..100]).as_bytes(), "Truncated");
    // Empty input.
    assert_fails(b"", "EmptyInput");
    assert_fails(b" \n\t\n", "EmptyInput");
}

#[test]
fn unreadable_file_exits_1() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let missing = tmp.join("does-not-exist.der");
    for json in [false, true] {
        let mut args = vec!["inspect", missing.to_str().unwrap()];
        if json {
            args.push("--json");
        }
        let out = ocsp(&args, b"");
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1);
        assert!(err.starts_with("error: Io: cannot read "), "{err}");
        if json {
            assert_eq!(parse_one_object(&stdout(&out))["error"]["kind"], "Io");
        } else {
            assert!(out.stdout.is_empty());
        }
    }
    // A directory cannot be read as a file.
    let dir = TempDir::new("ocsp-cli-inspect");
    let out = ocsp(&["inspect", "--json", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(parse_one_object(&stdout(&out))["error"]["kind"], "Io");
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
        let out = ocsp(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let out = ocsp(&["inspect", "--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("--json"));
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
        let out = ocsp(&["inspect", "--json", "-"], &input);
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(1), "{code:?}");
        let v = parse_one_object(&stdout(&out));
        if code == Some(1) {
            assert!(v["error"]["kind"].is_string());
            assert_eq!(stderr(&out).lines().count(), 1);
        }
    }
}
