//! ML-DSA private keys (FIPS 204) in PKCS#8, in the three forms of RFC 9881
//! section 6 (feature `ml-dsa`):
//!
//! ```text
//! ML-DSA-PrivateKey ::= CHOICE {
//!   seed [0] OCTET STRING (SIZE (32)),
//!   expandedKey OCTET STRING (SIZE (2560 | 4032 | 4896)),
//!   both SEQUENCE { seed OCTET STRING (SIZE (32)), expandedKey OCTET STRING } }
//! ```
//!
//! The algorithm identifier must have absent parameters. With `both`, the
//! expanded key must be the one the seed gives, and an optional PKCS#8 v2
//! public key must be the key's: a key file whose parts disagree is
//! refused rather than signed with. An expanded key alone is checked
//! coefficient by coefficient (s1 and s2 within [-eta, eta]) before it is
//! decoded, as the `ml-dsa` crate's decoder asserts that range.

use alloc::boxed::Box;
use alloc::vec::Vec;

use ml_dsa::pkcs8::PrivateKeyInfoRef;
use ml_dsa::{ExpandedSigningKey, ExpandedSigningKeyBytes, MlDsa44, MlDsa65, MlDsa87, MlDsaParams};
use ocsp_types::der::{tag, Reader};

use crate::signing::SignerError;

/// An ML-DSA signing key of one of the three parameter sets.
#[derive(Clone)]
pub(crate) enum MlDsaKey {
    MlDsa44(Box<ExpandedSigningKey<MlDsa44>>),
    MlDsa65(Box<ExpandedSigningKey<MlDsa65>>),
    MlDsa87(Box<ExpandedSigningKey<MlDsa87>>),
}

/// id-ml-dsa-44, -65, -87 (2.16.840.1.101.3.4.3.17 to .19) content octets
/// without the last arc.
const ML_DSA_ARC: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03];

/// The layout of an expanded key beyond rho, K and tr (FIPS 204 table 2 and
/// `skEncode`): the bits per s1/s2 coefficient, eta, and l and k.
struct Layout {
    eta_bits: usize,
    eta: u32,
    l: usize,
    k: usize,
}

impl MlDsaKey {
    /// The key of a PKCS#8 document, `None` when it is not an ML-DSA key.
    pub(crate) fn from_pkcs8_der(der: &[u8]) -> Option<Result<Self, SignerError>> {
        let info = PrivateKeyInfoRef::try_from(der).ok()?;
        let oid = info.algorithm.oid.as_bytes();
        let last = match oid.split_last() {
            Some((last, arc)) if arc == ML_DSA_ARC => *last,
            _ => return None,
        };
        if info.algorithm.parameters.is_some() {
            return Some(Err(SignerError::new(
                "ML-DSA PKCS#8 key with parameters (RFC 9881: absent)",
            )));
        }
        let public_key = info.public_key.as_ref().map(|k| k.raw_bytes());
        let private_key = info.private_key.as_bytes();
        Some(match last {
            0x11 => load::<MlDsa44>(private_key, public_key, &ML_DSA_44)
                .map(|k| MlDsaKey::MlDsa44(Box::new(k))),
            0x12 => load::<MlDsa65>(private_key, public_key, &ML_DSA_65)
                .map(|k| MlDsaKey::MlDsa65(Box::new(k))),
            0x13 => load::<MlDsa87>(private_key, public_key, &ML_DSA_87)
                .map(|k| MlDsaKey::MlDsa87(Box::new(k))),
            _ => return None,
        })
    }

    /// The parameter set's name.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            MlDsaKey::MlDsa44(_) => "ML-DSA-44",
            MlDsaKey::MlDsa65(_) => "ML-DSA-65",
            MlDsaKey::MlDsa87(_) => "ML-DSA-87",
        }
    }

    /// The identifier (RFC 9881: id-ml-dsa-*, parameters absent).
    pub(crate) fn oid(&self) -> ocsp_types::ObjectIdentifier {
        let dotted = match self {
            MlDsaKey::MlDsa44(_) => "2.16.840.1.101.3.4.3.17",
            MlDsaKey::MlDsa65(_) => "2.16.840.1.101.3.4.3.18",
            MlDsaKey::MlDsa87(_) => "2.16.840.1.101.3.4.3.19",
        };
        ocsp_types::ObjectIdentifier::new_unwrap(dotted)
    }

    /// Pure ML-DSA over `message`, empty context, the deterministic variant
    /// (FIPS 204 algorithm 2 with rnd = 0: no random source needed).
    pub(crate) fn sign(&self, message: &[u8]) -> Result<Vec<u8>, SignerError> {
        let failed = |_| SignerError::new("ML-DSA signing failed");
        Ok(match self {
            MlDsaKey::MlDsa44(k) => k
                .sign_deterministic(message, &[])
                .map_err(failed)?
                .encode()
                .to_vec(),
            MlDsaKey::MlDsa65(k) => k
                .sign_deterministic(message, &[])
                .map_err(failed)?
                .encode()
                .to_vec(),
            MlDsaKey::MlDsa87(k) => k
                .sign_deterministic(message, &[])
                .map_err(failed)?
                .encode()
                .to_vec(),
        })
    }
}

const ML_DSA_44: Layout = Layout {
    eta_bits: 3,
    eta: 2,
    l: 4,
    k: 4,
};
const ML_DSA_65: Layout = Layout {
    eta_bits: 4,
    eta: 4,
    l: 5,
    k: 6,
};
const ML_DSA_87: Layout = Layout {
    eta_bits: 3,
    eta: 2,
    l: 7,
    k: 8,
};

/// The three forms of `ML-DSA-PrivateKey`.
enum Form<'a> {
    Seed(&'a [u8]),
    Expanded(&'a [u8]),
    Both(&'a [u8], &'a [u8]),
}

fn form(private_key: &[u8]) -> Result<Form<'_>, SignerError> {
    let malformed = |_| SignerError::new("malformed ML-DSA private key (RFC 9881 section 6)");
    let path = "ML-DSA-PrivateKey";
    let mut r = Reader::new(private_key);
    let any = r.read_any(path).map_err(malformed)?;
    r.finish(path).map_err(malformed)?;
    match any.tag {
        // seed [0] IMPLICIT OCTET STRING (SIZE (32))
        t if t == tag::implicit_primitive(0) => Ok(Form::Seed(any.value)),
        tag::OCTET_STRING => Ok(Form::Expanded(any.value)),
        tag::SEQUENCE => {
            let mut both = any.contents();
            let seed = both.read(tag::OCTET_STRING, path).map_err(malformed)?;
            let expanded = both.read(tag::OCTET_STRING, path).map_err(malformed)?;
            both.finish(path).map_err(malformed)?;
            Ok(Form::Both(seed.value, expanded.value))
        }
        _ => Err(SignerError::new(
            "ML-DSA private key is none of seed, expandedKey, both (RFC 9881 section 6)",
        )),
    }
}

fn from_seed<P: MlDsaParams>(seed: &[u8]) -> Result<ExpandedSigningKey<P>, SignerError> {
    let seed = ml_dsa::Seed::try_from(seed)
        .map_err(|_| SignerError::new("ML-DSA seed of other than 32 octets"))?;
    Ok(ExpandedSigningKey::from_seed(&seed))
}

#[allow(deprecated)] // The expanded form is deprecated in practice, not in RFC 9881.
fn encoded<P: MlDsaParams>(key: &ExpandedSigningKey<P>) -> ExpandedSigningKeyBytes<P> {
    key.to_expanded()
}

fn from_expanded<P: MlDsaParams>(
    expanded: &[u8],
    layout: &Layout,
) -> Result<ExpandedSigningKey<P>, SignerError> {
    let bytes = ExpandedSigningKeyBytes::<P>::try_from(expanded)
        .map_err(|_| SignerError::new("ML-DSA expanded key of the wrong length"))?;
    if !eta_coefficients_in_range(expanded, layout) {
        return Err(SignerError::new(
            "ML-DSA expanded key with s1 or s2 out of range",
        ));
    }
    #[allow(deprecated)] // Safe here: the range its decoder asserts was checked.
    let key = ExpandedSigningKey::<P>::from_expanded(&bytes);
    Ok(key)
}

/// Whether every packed s1 and s2 coefficient (`eta - s`, FIPS 204
/// `BitPack(s, eta, eta)`, little-endian bit order) is at most `2 * eta`.
fn eta_coefficients_in_range(expanded: &[u8], layout: &Layout) -> bool {
    // rho (32) || K (32) || tr (64) || s1 || s2 || t0
    let coefficients = (layout.l + layout.k) * 256;
    let len = coefficients * layout.eta_bits / 8;
    let Some(packed) = expanded.get(128..128 + len) else {
        return false;
    };
    let mask = (1u32 << layout.eta_bits) - 1;
    let (mut acc, mut have) = (0u32, 0usize);
    let mut checked = 0;
    for byte in packed {
        acc |= u32::from(*byte) << have;
        have += 8;
        while have >= layout.eta_bits {
            if acc & mask > 2 * layout.eta {
                return false;
            }
            acc >>= layout.eta_bits;
            have -= layout.eta_bits;
            checked += 1;
        }
    }
    checked == coefficients
}

fn load<P: MlDsaParams>(
    private_key: &[u8],
    public_key: Option<&[u8]>,
    layout: &Layout,
) -> Result<ExpandedSigningKey<P>, SignerError> {
    let key = match form(private_key)? {
        Form::Seed(seed) => from_seed::<P>(seed)?,
        Form::Expanded(expanded) => from_expanded::<P>(expanded, layout)?,
        Form::Both(seed, expanded) => {
            let key = from_seed::<P>(seed)?;
            if encoded(&key).as_slice() != expanded {
                return Err(SignerError::new(
                    "ML-DSA key whose expanded key is not its seed's (RFC 9881 section 6)",
                ));
            }
            key
        }
    };
    if let Some(public_key) = public_key {
        if key.verifying_key().encode().as_slice() != public_key {
            return Err(SignerError::new(
                "ML-DSA PKCS#8 key whose public key is not its private key's",
            ));
        }
    }
    Ok(key)
}
