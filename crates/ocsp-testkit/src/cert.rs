//! Certificates built by hand, with a knob per property a responder
//! certificate is judged by.

use ocsp_types::Time;

use crate::der;
use crate::keys::{algorithm_identifier_der, Key, SigAlg};

/// id-kp-OCSPSigning.
pub const KP_OCSP_SIGNING: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x09];
/// id-kp-serverAuth.
pub const KP_SERVER_AUTH: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01];
/// keyUsage digitalSignature.
pub const KU_DIGITAL_SIGNATURE: u8 = 0x80;
/// keyUsage keyCertSign | cRLSign.
pub const KU_CERT_SIGN: u8 = 0x06;
/// keyUsage nonRepudiation (contentCommitment) alone, as qualified CAs
/// issue OCSP signers.
pub const KU_NON_REPUDIATION: u8 = 0x40;
/// keyUsage keyCertSign alone.
pub const KU_KEY_CERT_SIGN: u8 = 0x04;

/// What to put in a certificate.
#[derive(Debug, Clone)]
pub struct CertSpec {
    /// Serial number magnitude.
    pub serial: Vec<u8>,
    /// Subject Name DER.
    pub subject: Vec<u8>,
    /// notBefore.
    pub not_before: Time,
    /// notAfter.
    pub not_after: Time,
    /// extendedKeyUsage purposes (OID contents); `None` leaves it out.
    pub eku: Option<Vec<Vec<u8>>>,
    /// keyUsage first octet; `None` leaves it out.
    pub key_usage: Option<u8>,
    /// basicConstraints cA (critical).
    pub ca: bool,
    /// Other extensions: (OID contents, critical, extnValue content).
    pub extra_extensions: Vec<(Vec<u8>, bool, Vec<u8>)>,
    /// Signature algorithm (default: the issuer key's).
    pub sig_alg: Option<SigAlg>,
    /// Flip a bit of the certificate's signature.
    pub corrupt_signature: bool,
    /// Write `critical FALSE` in every non-critical extension (not DER; what
    /// some CAs do, accepted by rustls-webpki).
    pub explicit_non_critical: bool,
    /// Write keyUsage with a trailing zero octet, `03 03 07 xx 00`, as
    /// GnuTLS's certtool does (not DER; accepted by rustls-webpki).
    pub padded_key_usage: bool,
}

impl CertSpec {
    /// A plain end-entity certificate valid from `not_before` to `not_after`.
    pub fn new(serial: &[u8], subject: Vec<u8>, not_before: Time, not_after: Time) -> Self {
        CertSpec {
            serial: serial.to_vec(),
            subject,
            not_before,
            not_after,
            eku: None,
            key_usage: None,
            ca: false,
            extra_extensions: Vec::new(),
            sig_alg: None,
            corrupt_signature: false,
            explicit_non_critical: false,
            padded_key_usage: false,
        }
    }

    /// Issues the certificate for `subject_key`, signed by `issuer_key` under `issuer_name`.
    pub fn issue(&self, subject_key: &Key, issuer_name: &[u8], issuer_key: &Key) -> Vec<u8> {
        let alg = self.sig_alg.unwrap_or_else(|| issuer_key.default_alg());
        let alg_der = algorithm_identifier_der(&alg.algorithm_identifier());
        let mut exts: Vec<Vec<u8>> = Vec::new();
        let ext = |oid: &[u8], critical: bool, value: &[u8]| {
            let crit: &[u8] = match (critical, self.explicit_non_critical) {
                (true, _) => &[0x01, 0x01, 0xff],
                (false, true) => &[0x01, 0x01, 0x00],
                (false, false) => &[],
            };
            der::seq(&[&der::oid(oid), crit, &der::octets(value)])
        };
        if self.ca {
            exts.push(ext(
                &[0x55, 0x1d, 0x13],
                true,
                &der::seq(&[&[0x01, 0x01, 0xff]]),
            ));
        }
        if let Some(ku) = self.key_usage {
            let unused = ku.trailing_zeros().min(7) as u8;
            let bits: &[u8] = if self.padded_key_usage {
                &[7, ku, 0x00]
            } else {
                &[unused, ku]
            };
            exts.push(ext(&[0x55, 0x1d, 0x0f], true, &der::tlv(0x03, bits)));
        }
        if let Some(eku) = &self.eku {
            let oids: Vec<Vec<u8>> = eku.iter().map(|o| der::oid(o)).collect();
            let refs: Vec<&[u8]> = oids.iter().map(Vec::as_slice).collect();
            exts.push(ext(&[0x55, 0x1d, 0x25], false, &der::seq(&refs)));
        }
        for (oid, critical, value) in &self.extra_extensions {
            exts.push(ext(oid, *critical, value));
        }
        let ext_refs: Vec<&[u8]> = exts.iter().map(Vec::as_slice).collect();
        let extensions = if exts.is_empty() {
            Vec::new()
        } else {
            der::tlv(0xa3, &der::seq(&ext_refs))
        };
        let tbs = der::seq(&[
            &der::tlv(0xa0, &der::tlv(0x02, &[2])),
            &der::uint(&self.serial),
            &alg_der,
            issuer_name,
            &der::seq(&[&der::time(self.not_before), &der::time(self.not_after)]),
            &self.subject,
            &subject_key.spki_der(),
            &extensions,
        ]);
        let mut signature = issuer_key.sign(alg, &tbs);
        if self.corrupt_signature {
            if let Some(last) = signature.last_mut() {
                *last ^= 0x01;
            }
        }
        der::seq(&[&tbs, &alg_der, &der::bits(&signature)])
    }
}

/// Faults of the extensions a responder certificate is judged by, as
/// editors of a [`CertSpec`] (each replaces the one extension it breaks and
/// leaves the rest), for tables of cases.
pub mod faults {
    use super::CertSpec;
    use crate::der;

    /// An unknown extension OID, 1.2.3.4.
    pub const UNKNOWN: &[u8] = &[0x2a, 0x03, 0x04];
    /// id-ce-extKeyUsage.
    const EXT_KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x25];
    /// id-ce-keyUsage.
    const KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x0f];
    /// id-ce-basicConstraints.
    const BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];

    fn push(spec: &mut CertSpec, oid: &[u8], critical: bool, value: Vec<u8>) {
        spec.extra_extensions.push((oid.to_vec(), critical, value));
    }

    /// extendedKeyUsage an empty SEQUENCE.
    pub fn malformed_eku(spec: &mut CertSpec) {
        spec.eku = None;
        push(spec, EXT_KEY_USAGE, false, der::seq(&[]));
    }

    /// keyUsage an empty BIT STRING (critical).
    pub fn malformed_key_usage(spec: &mut CertSpec) {
        spec.key_usage = None;
        push(spec, KEY_USAGE, true, der::tlv(0x03, &[]));
    }

    /// A second keyUsage (digitalSignature, critical) after the spec's own.
    pub fn repeated_key_usage(spec: &mut CertSpec) {
        push(spec, KEY_USAGE, true, der::tlv(0x03, &[7, 0x80]));
    }

    /// basicConstraints an INTEGER (critical).
    pub fn malformed_basic_constraints(spec: &mut CertSpec) {
        spec.ca = false;
        push(spec, BASIC_CONSTRAINTS, true, der::tlv(0x02, &[1]));
    }

    /// [`UNKNOWN`], critical, with a NULL value.
    pub fn unknown_critical(spec: &mut CertSpec) {
        push(spec, UNKNOWN, true, der::tlv(0x05, &[]));
    }
}
