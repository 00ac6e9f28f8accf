//! The RustCrypto request signer with ML-DSA PKCS#8 keys in the three RFC
//! 9881 forms (seed, expandedKey, both), feature `ml-dsa`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ml_dsa::{EncodedSignature, MlDsa44, MlDsa65, MlDsa87, MlDsaParams, Signature, SigningKey};
use ocsp_request::{
    cert_id_for_certificate, HashAlgorithm, RequestBuilder, RequestSigner, RustCryptoSigner,
    SignatureHash,
};
use ocsp_testkit::der::tlv;
use ocsp_types::{GeneralName, OcspRequestRef};

const CA: &[u8] = include_bytes!("data/test-ca.der");
const LEAF: &[u8] = include_bytes!("data/leaf-aia-ocsp.der");
const SEED: [u8; 32] = [0x5a; 32];

/// PKCS#8 v1 (or v2 with `public_key`) of an ML-DSA private key CHOICE.
fn pkcs8(
    last_arc: u8,
    parameters: &[u8],
    private_key: &[u8],
    public_key: Option<&[u8]>,
) -> Vec<u8> {
    let oid = tlv(
        0x06,
        &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, last_arc],
    );
    let mut content = tlv(0x02, &[u8::from(public_key.is_some())]);
    content.extend(tlv(0x30, &[oid.as_slice(), parameters].concat()));
    content.extend(tlv(0x04, private_key));
    if let Some(public_key) = public_key {
        content.extend(tlv(0x81, &[&[0][..], public_key].concat()));
    }
    tlv(0x30, &content)
}

fn seed_form() -> Vec<u8> {
    tlv(0x80, &SEED)
}

#[allow(deprecated)]
fn expanded<P: MlDsaParams>() -> Vec<u8> {
    SigningKey::<P>::from_seed(&SEED.into())
        .expanded_key()
        .to_expanded()
        .to_vec()
}

fn expanded_form<P: MlDsaParams>() -> Vec<u8> {
    tlv(0x04, &expanded::<P>())
}

fn both_form<P: MlDsaParams>() -> Vec<u8> {
    tlv(
        0x30,
        &[tlv(0x04, &SEED), tlv(0x04, &expanded::<P>())].concat(),
    )
}

fn verifies<P: MlDsaParams>(message: &[u8], signature: &[u8]) -> bool {
    let key = SigningKey::<P>::from_seed(&SEED.into());
    let Ok(encoded) = EncodedSignature::<P>::try_from(signature) else {
        return false;
    };
    let Some(signature) = Signature::<P>::decode(&encoded) else {
        return false;
    };
    key.expanded_key()
        .verifying_key()
        .verify_with_context(message, &[], &signature)
}

fn check_set<P: MlDsaParams>(last_arc: u8, name: &str) {
    let message = b"tbsRequest stand-in";
    let mut signatures = Vec::new();
    for (form, private_key) in [
        ("seed", seed_form()),
        ("expandedKey", expanded_form::<P>()),
        ("both", both_form::<P>()),
    ] {
        let signer = RustCryptoSigner::from_pkcs8_der(&pkcs8(last_arc, &[], &private_key, None))
            .unwrap_or_else(|e| panic!("{name} {form}: {e}"));
        assert_eq!(
            signer.algorithm().oid.to_string(),
            format!("2.16.840.1.101.3.4.3.{last_arc}"),
            "{name} {form}"
        );
        assert_eq!(signer.algorithm().parameters, None, "{name} {form}");
        assert!(format!("{signer:?}").contains(name), "{name} {form}");
        let signature = signer.sign(message).unwrap();
        assert!(verifies::<P>(message, &signature), "{name} {form}");
        assert!(
            !verifies::<P>(b"another message", &signature),
            "{name} {form}"
        );
        signatures.push(signature);
    }
    // One key in three forms: the deterministic variant gives one signature.
    assert!(signatures.windows(2).all(|w| w[0] == w[1]), "{name}");
    // PKCS#8 v2 with the matching public key.
    let public = SigningKey::<P>::from_seed(&SEED.into())
        .expanded_key()
        .verifying_key()
        .encode()
        .to_vec();
    assert!(
        RustCryptoSigner::from_pkcs8_der(&pkcs8(last_arc, &[], &seed_form(), Some(&public)))
            .is_ok(),
        "{name} v2"
    );
}

#[test]
fn the_three_forms_of_each_parameter_set_sign_alike() {
    check_set::<MlDsa44>(0x11, "ML-DSA-44");
    check_set::<MlDsa65>(0x12, "ML-DSA-65");
    check_set::<MlDsa87>(0x13, "ML-DSA-87");
}

#[test]
fn inconsistent_or_malformed_keys_are_refused() {
    let refused = |der: Vec<u8>, why: &str| {
        let err = RustCryptoSigner::from_pkcs8_der(&der).unwrap_err();
        assert!(err.message().contains(why), "{why}: {}", err.message());
    };
    // Parameters present (RFC 9881: absent).
    refused(
        pkcs8(0x11, &[0x05, 0x00], &seed_form(), None),
        "with parameters",
    );
    // A 31-octet seed.
    refused(
        pkcs8(0x11, &[], &tlv(0x80, &[0x5a; 31]), None),
        "other than 32 octets",
    );
    // An expanded key of another parameter set.
    refused(
        pkcs8(0x11, &[], &expanded_form::<MlDsa65>(), None),
        "wrong length",
    );
    // `both` whose expanded key is another seed's.
    let mut other = expanded::<MlDsa44>();
    other[0] ^= 1;
    refused(
        pkcs8(
            0x11,
            &[],
            &tlv(0x30, &[tlv(0x04, &SEED), tlv(0x04, &other)].concat()),
            None,
        ),
        "not its seed's",
    );
    // An expanded key with an s1 coefficient out of range (packed 7 > 2 * eta):
    // refused, not a panic in the decoder.
    let mut bad = expanded::<MlDsa44>();
    bad[128] = 0xff;
    refused(
        pkcs8(0x11, &[], &tlv(0x04, &bad), None),
        "s1 or s2 out of range",
    );
    let mut bad = expanded::<MlDsa65>();
    bad[128 + 640 + 1] = 0x9f;
    refused(
        pkcs8(0x12, &[], &tlv(0x04, &bad), None),
        "s1 or s2 out of range",
    );
    // A public key that is not the private key's.
    refused(
        pkcs8(0x11, &[], &seed_form(), Some(&[0u8; 1312])),
        "public key is not its private key's",
    );
    // Not one of the three forms.
    refused(
        pkcs8(0x11, &[], &tlv(0x02, &[1]), None),
        "none of seed, expandedKey, both",
    );
    // ML-DSA keys take no hash.
    let signer = RustCryptoSigner::from_pkcs8_der(&pkcs8(0x12, &[], &seed_form(), None)).unwrap();
    assert!(signer.with_hash(SignatureHash::Sha384).is_err());
}

#[test]
fn a_signed_request_carries_the_ml_dsa_signature() {
    let signer =
        RustCryptoSigner::from_pkcs8_der(&pkcs8(0x12, &[], &both_form::<MlDsa65>(), None)).unwrap();
    let request = RequestBuilder::new()
        .cert_id(cert_id_for_certificate(LEAF, CA, HashAlgorithm::Sha1).unwrap())
        .requestor_name(GeneralName::directory_name(&[0x30, 0x00]))
        .build_signed(&signer, &[])
        .unwrap()
        .to_der()
        .unwrap();
    let parsed = OcspRequestRef::parse(&request).unwrap();
    let signature = parsed.signature().unwrap();
    assert_eq!(
        signature.algorithm().oid().to_string(),
        "2.16.840.1.101.3.4.3.18"
    );
    assert_eq!(signature.algorithm().parameters(), None);
    assert_eq!(signature.signature().len(), 3309);
    assert!(verifies::<MlDsa65>(
        parsed.tbs_request().as_der(),
        signature.signature()
    ));
}

/// python's `cryptography` (OpenSSL's ML-DSA) writes the PKCS#8 of a seed
/// (its seed form); the signer loads it, signs, and python verifies the
/// signature. Skipped, loudly, without an ML-DSA-capable `cryptography`.
#[test]
fn python_cryptography_keys_and_verification() {
    const PYTHON: &str = r#"
import sys
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import mldsa
key_type = {"44": mldsa.MLDSA44PrivateKey, "65": mldsa.MLDSA65PrivateKey, "87": mldsa.MLDSA87PrivateKey}[sys.argv[2]]
key = key_type.from_seed_bytes(bytes.fromhex(sys.argv[3]))
if sys.argv[1] == "pkcs8":
    sys.stdout.write(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()).hex())
else:
    try:
        key.public_key().verify(bytes.fromhex(sys.argv[4]), bytes.fromhex(sys.argv[5]))
        sys.stdout.write("VERIFIED")
    except InvalidSignature:
        sys.stdout.write("INVALID")
"#;
    let python = |args: &[&str]| -> Option<String> {
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(PYTHON)
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8(out.stdout).unwrap())
    };
    let hex = |bytes: &[u8]| -> String { bytes.iter().map(|b| format!("{b:02x}")).collect() };
    let seed = hex(&SEED);
    if python(&["pkcs8", "44", &seed]).is_none() {
        eprintln!(
            "SKIPPED: python3 with an ML-DSA-capable `cryptography` (47+) is not available; \
             the ML-DSA signer cross-check did not run"
        );
        return;
    }
    let message = b"a tbsRequest, as far as python knows";
    for set in ["44", "65", "87"] {
        let pkcs8_hex = python(&["pkcs8", set, &seed]).unwrap();
        let der: Vec<u8> = (0..pkcs8_hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&pkcs8_hex[i..i + 2], 16).unwrap())
            .collect();
        let signer = RustCryptoSigner::from_pkcs8_der(&der).unwrap();
        let mut signature = signer.sign(message).unwrap();
        assert_eq!(
            python(&["verify", set, &seed, &hex(&signature), &hex(message)]).unwrap(),
            "VERIFIED",
            "ML-DSA-{set}"
        );
        signature[7] ^= 1;
        assert_eq!(
            python(&["verify", set, &seed, &hex(&signature), &hex(message)]).unwrap(),
            "INVALID",
            "ML-DSA-{set} tampered"
        );
    }
}
