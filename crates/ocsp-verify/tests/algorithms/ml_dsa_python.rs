//! Known-answer cross-check of ML-DSA against an independent implementation:
//! python's `cryptography` (OpenSSL's ML-DSA underneath).
//!
//! * Python verifies responses the testkit signed (the response signature
//!   under the CA's or the delegate's key taken from the certificates, and
//!   the delegate certificate's signature under the CA's key), and refuses
//!   a tampered one.
//! * Python derives the key pair from the testkit's seed (FIPS 204
//!   `ML-DSA.KeyGen_internal`: the public keys must be byte-identical) and
//!   signs the `tbsResponseData`; `ocsp_verify` verifies the response.
//!
//! `cryptography` 47 and later verify ML-DSA but cannot build ML-DSA
//! certificates or OCSP responses, hence the raw signatures. Without
//! python3 or with a `cryptography` lacking ML-DSA the test prints SKIPPED
//! and passes.

use std::path::Path;
use std::process::Command;

use crate::common::{status, GOOD_ISSUER};
use ocsp_testkit::support::{hex, TempDir};
use ocsp_testkit::{Flavor, KeyName, Pki};

/// `check DIR OID`: verifies DIR/resp.der against DIR/ca.der, prints
/// VERIFIED or INVALID. `sign DIR SET SEEDHEX`: signs DIR/tbs.der with the
/// ML-DSA-SET key of that seed into DIR/sig.bin, the raw public key into
/// DIR/pub.bin.
const PYTHON: &str = r#"
import sys
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.x509 import ocsp
from cryptography.hazmat.primitives.asymmetric import mldsa

mode, d = sys.argv[1], sys.argv[2]
read = lambda name: open(d + "/" + name, "rb").read()
if mode == "check":
    oid = sys.argv[3]
    response = ocsp.load_der_ocsp_response(read("resp.der"))
    ca = x509.load_der_x509_certificate(read("ca.der"))
    assert response.signature_algorithm_oid.dotted_string == oid, response.signature_algorithm_oid
    signer = ca.public_key()
    try:
        for cert in response.certificates:
            assert cert.signature_algorithm_oid.dotted_string == oid
            ca.public_key().verify(cert.signature, cert.tbs_certificate_bytes)
            signer = cert.public_key()
        signer.verify(response.signature, response.tbs_response_bytes)
        print("VERIFIED", type(signer).__name__)
    except InvalidSignature:
        print("INVALID")
elif mode == "sign":
    key_type = {"44": mldsa.MLDSA44PrivateKey, "65": mldsa.MLDSA65PrivateKey,
                "87": mldsa.MLDSA87PrivateKey}[sys.argv[3]]
    key = key_type.from_seed_bytes(bytes.fromhex(sys.argv[4]))
    open(d + "/sig.bin", "wb").write(key.sign(read("tbs.der")))
    open(d + "/pub.bin", "wb").write(key.public_key().public_bytes_raw())
    print("SIGNED")
"#;

const SETS: [(Flavor, KeyName, &str, &str); 3] = [
    (
        Flavor::MlDsa44,
        KeyName::CaMlDsa44,
        "44",
        "2.16.840.1.101.3.4.3.17",
    ),
    (
        Flavor::MlDsa65,
        KeyName::CaMlDsa65,
        "65",
        "2.16.840.1.101.3.4.3.18",
    ),
    (
        Flavor::MlDsa87,
        KeyName::CaMlDsa87,
        "87",
        "2.16.840.1.101.3.4.3.19",
    ),
];

fn python_has_ml_dsa() -> bool {
    Command::new("python3")
        .args([
            "-c",
            "from cryptography.hazmat.primitives.asymmetric import mldsa; mldsa.MLDSA44PrivateKey.from_seed_bytes(bytes(32))",
        ])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn python(args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(PYTHON)
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "python failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn python_check(dir: &Path, pki: &Pki, response: &[u8], oid: &str) -> String {
    std::fs::write(dir.join("ca.der"), &pki.ca.cert).unwrap();
    std::fs::write(dir.join("resp.der"), response).unwrap();
    python(&["check", dir.to_str().unwrap(), oid])
}

#[test]
fn python_cryptography_and_ocsp_verify_agree_on_ml_dsa() {
    if !python_has_ml_dsa() {
        eprintln!(
            "SKIPPED: python3 with an ML-DSA-capable `cryptography` (47+) is not available; \
             the ML-DSA cross-check against an independent implementation did not run"
        );
        return;
    }
    for (flavor, ca_key, set, oid) in SETS {
        let pki = Pki::new(flavor);
        let scratch = TempDir::new(&format!("ocsp-verify-ml-dsa-{set}"));
        // Ours signed, python verifies (issuer-signed and delegated) or
        // refuses (tampered).
        let mut tampered = pki.issuer_response();
        tampered.corrupt_signature = true;
        for (name, response, want) in [
            (
                "issuer",
                pki.issuer_response().sign(&pki.ca.key),
                "VERIFIED",
            ),
            (
                "delegated",
                pki.delegated_response().sign(&pki.delegate.key),
                "VERIFIED",
            ),
            ("tampered", tampered.sign(&pki.ca.key), "INVALID"),
        ] {
            let dir = scratch.join(name);
            std::fs::create_dir(&dir).unwrap();
            let answer = python_check(&dir, &pki, &response, oid);
            assert!(answer.starts_with(want), "ML-DSA-{set} {name}: {answer}");
        }

        // Python signed (from the testkit's seed), ours verifies.
        let dir = scratch.path();
        let spec = pki.issuer_response();
        std::fs::write(dir.join("tbs.der"), spec.tbs_der()).unwrap();
        let seed = hex(&ca_key.ml_dsa_seed());
        assert_eq!(
            python(&["sign", dir.to_str().unwrap(), set, &seed]).trim(),
            "SIGNED"
        );
        assert_eq!(
            std::fs::read(dir.join("pub.bin")).unwrap(),
            pki.ca.key.public_key_bits(),
            "ML-DSA-{set}: the same seed gives the same public key"
        );
        let signature = std::fs::read(dir.join("sig.bin")).unwrap();
        let response = spec.with_signature(signature.clone());
        assert_eq!(status(&pki, &response), GOOD_ISSUER, "ML-DSA-{set}");
        let mut flipped = signature;
        flipped[100] ^= 0x04;
        assert_eq!(
            status(&pki, &spec.with_signature(flipped)),
            Err(ocsp_verify::Error::InvalidSignature),
            "ML-DSA-{set} python-signed, tampered"
        );
    }
}
