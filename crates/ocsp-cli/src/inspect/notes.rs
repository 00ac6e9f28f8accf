//! The `Notes:` of `ocsp inspect`: each deviation from DER or the RFCs that
//! the parser accepted (see `ocsp_types::DeviationKind` and
//! docs/COMPATIBILITY.md), in the message and in its embedded certificates.

use ocsp_types::{
    CertificateRef, Deviation, EmbeddedCertificatesRef, OcspRequestRef, OcspResponseRef,
};

/// One accepted deviation, located for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    /// The `DeviationKind` name, e.g. `ExplicitDefaultVersion`.
    pub kind: &'static str,
    /// The field, e.g. `ResponseData.version`; inside an embedded
    /// certificate prefixed with `certs[i].`.
    pub at: String,
    /// Where: `byte N`, of the message or of the certificate.
    pub offset: String,
    /// What the deviation is.
    pub description: &'static str,
}

fn note(deviation: &Deviation, prefix: Option<&str>) -> Note {
    let (at, offset) = match prefix {
        None => (
            deviation.at.path.to_owned(),
            format!("byte {}", deviation.at.offset),
        ),
        Some(prefix) => (
            format!("{prefix}.{}", deviation.at.path),
            format!("byte {} of {prefix}", deviation.at.offset),
        ),
    };
    Note {
        kind: deviation.kind.name(),
        at,
        offset,
        description: deviation.kind.description(),
    }
}

/// The deviations of each certificate that parses (`certs_path` names the
/// field, e.g. `BasicOCSPResponse.certs`).
fn certificate_notes(certs: &EmbeddedCertificatesRef<'_>, certs_path: &str, out: &mut Vec<Note>) {
    for (i, der) in certs.iter().enumerate() {
        let Ok(cert) = CertificateRef::parse(der) else {
            continue;
        };
        let prefix = format!("{certs_path}[{i}]");
        out.extend(cert.deviations().map(|d| note(&d, Some(&prefix))));
    }
}

/// The notes of a response.
pub(crate) fn response(response: &OcspResponseRef<'_>) -> Vec<Note> {
    let mut out: Vec<Note> = response.deviations().map(|d| note(&d, None)).collect();
    if let Some(basic) = response.basic() {
        certificate_notes(&basic.certs(), "BasicOCSPResponse.certs", &mut out);
    }
    out
}

/// The notes of a request.
pub(crate) fn request(request: &OcspRequestRef<'_>) -> Vec<Note> {
    let mut out: Vec<Note> = request.deviations().map(|d| note(&d, None)).collect();
    if let Some(signature) = request.signature() {
        certificate_notes(&signature.certs(), "Signature.certs", &mut out);
    }
    out
}
