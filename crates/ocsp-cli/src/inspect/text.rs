//! The human form of `ocsp inspect`, in the spirit of `openssl ocsp
//! -resp_text` / `-req_text`.

use std::fmt::{Result, Write};

use ocsp_types::{
    oid, AlgorithmIdentifierRef, CertIdRef, CertStatus, EmbeddedCertificatesRef, ExtensionRef,
    ExtensionsRef, OcspRequestRef, OcspResponseRef, ResponderIdRef, SingleResponseRef,
};

use super::notes::{self, Note};
use crate::cert_summary::CertSummary;
use crate::format::{
    algorithm_label, general_name, general_name_kind, hex, name_or_hex, serial_hex,
};

/// The text of a response.
pub fn response(response: &OcspResponseRef<'_>) -> std::result::Result<String, std::fmt::Error> {
    let mut out = String::new();
    let status = response.status();
    writeln!(out, "OCSP Response Data:")?;
    writeln!(
        out,
        "    OCSP Response Status: {} ({:#x})",
        status.name(),
        status.value()
    )?;
    let Some(basic) = response.basic() else {
        notes_section(&mut out, &notes::response(response))?;
        return Ok(out);
    };
    let tbs = basic.tbs_response_data();
    writeln!(
        out,
        "    Response Type: Basic OCSP Response ({})",
        oid::OCSP_BASIC
    )?;
    writeln!(out, "    Version: 1 (0x0)")?;
    match tbs.responder_id() {
        ResponderIdRef::ByName(name) => {
            writeln!(
                out,
                "    Responder Id (by name): {}",
                name_or_hex(name.as_der())
            )?;
        }
        ResponderIdRef::ByKey(key) => {
            writeln!(out, "    Responder Id (by key): {}", hex(key))?;
        }
    }
    writeln!(out, "    Produced At: {}", tbs.produced_at())?;
    writeln!(out, "    Responses: {}", tbs.responses().len())?;
    for single in tbs.responses() {
        single_response(&mut out, &single)?;
    }
    extensions(&mut out, "    ", "Response Extensions", &tbs.extensions())?;
    signature(
        &mut out,
        &basic.signature_algorithm(),
        basic.signature(),
        &basic.certs(),
    )?;
    notes_section(&mut out, &notes::response(response))?;
    Ok(out)
}

/// The text of a request.
pub fn request(request: &OcspRequestRef<'_>) -> std::result::Result<String, std::fmt::Error> {
    let mut out = String::new();
    let tbs = request.tbs_request();
    writeln!(out, "OCSP Request Data:")?;
    writeln!(out, "    Version: 1 (0x0)")?;
    match tbs.requestor_name() {
        Some(name) => writeln!(
            out,
            "    Requestor Name ({}): {}",
            general_name_kind(&name),
            general_name(&name)
        )?,
        None => writeln!(out, "    Requestor Name: none")?,
    }
    writeln!(out, "    Requestor List: {}", tbs.requests().len())?;
    for single in tbs.requests() {
        cert_id(&mut out, "        ", &single.cert_id())?;
        extensions(
            &mut out,
            "        ",
            "Request Single Extensions",
            &single.extensions(),
        )?;
    }
    extensions(&mut out, "    ", "Request Extensions", &tbs.extensions())?;
    match tbs.extensions().nonce() {
        Some(nonce) => writeln!(out, "    Nonce: {}", hex(nonce))?,
        None => writeln!(out, "    Nonce: none")?,
    }
    match request.signature() {
        Some(signature) => {
            writeln!(out, "    Signed: yes")?;
            self::signature(
                &mut out,
                &signature.algorithm(),
                signature.signature(),
                &signature.certs(),
            )?;
        }
        None => writeln!(out, "    Signed: no")?,
    }
    notes_section(&mut out, &notes::request(request))?;
    Ok(out)
}

/// `Notes:`, one line per accepted deviation, or `none`.
fn notes_section(out: &mut String, list: &[Note]) -> Result {
    if list.is_empty() {
        return writeln!(out, "Notes: none");
    }
    writeln!(out, "Notes:")?;
    for n in list {
        writeln!(
            out,
            "    {} at {} ({}): {}",
            n.kind, n.at, n.offset, n.description
        )?;
    }
    Ok(())
}

/// The signature of a response or a signed request: its algorithm, its
/// octets and the certificates sent with it.
fn signature(
    out: &mut String,
    algorithm: &AlgorithmIdentifierRef<'_>,
    octets: &[u8],
    certs: &EmbeddedCertificatesRef<'_>,
) -> Result {
    writeln!(
        out,
        "    Signature Algorithm: {}",
        algorithm_label(&algorithm.oid())
    )?;
    writeln!(out, "    Signature: {} bytes", octets.len())?;
    for line in octets.chunks(32) {
        writeln!(out, "        {}", hex(line))?;
    }
    certificates(out, certs)
}

fn cert_id(out: &mut String, indent: &str, id: &CertIdRef<'_>) -> Result {
    writeln!(out, "{indent}Certificate ID:")?;
    writeln!(
        out,
        "{indent}  Hash Algorithm: {}",
        algorithm_label(&id.hash_algorithm().oid())
    )?;
    writeln!(
        out,
        "{indent}  Issuer Name Hash: {}",
        hex(id.issuer_name_hash())
    )?;
    writeln!(
        out,
        "{indent}  Issuer Key Hash: {}",
        hex(id.issuer_key_hash())
    )?;
    writeln!(
        out,
        "{indent}  Serial Number: {}",
        serial_hex(id.serial_number())
    )
}

fn single_response(out: &mut String, single: &SingleResponseRef<'_>) -> Result {
    cert_id(out, "        ", &single.cert_id())?;
    let status = single.cert_status();
    writeln!(out, "        Cert Status: {}", status.name())?;
    if let CertStatus::Revoked(info) = status {
        writeln!(out, "        Revocation Time: {}", info.revocation_time)?;
        if let Some(reason) = info.revocation_reason {
            writeln!(
                out,
                "        Revocation Reason: {} ({:#x})",
                reason.name(),
                reason.value()
            )?;
        }
    }
    writeln!(out, "        This Update: {}", single.this_update())?;
    match single.next_update() {
        Some(next) => writeln!(out, "        Next Update: {next}")?,
        None => writeln!(out, "        Next Update: none")?,
    }
    extensions(
        out,
        "        ",
        "Response Single Extensions",
        &single.extensions(),
    )
}

fn certificates(out: &mut String, certs: &EmbeddedCertificatesRef<'_>) -> Result {
    writeln!(out, "    Certificates: {}", certs.len())?;
    for (i, der) in certs.iter().enumerate() {
        let summary = CertSummary::of(der);
        let or_unknown = |field: &Option<String>| field.clone().unwrap_or_else(|| "?".to_owned());
        writeln!(out, "        Certificate {}:", i + 1)?;
        writeln!(out, "            Subject: {}", or_unknown(&summary.subject))?;
        writeln!(out, "            Issuer: {}", or_unknown(&summary.issuer))?;
        writeln!(
            out,
            "            Serial Number: {}",
            or_unknown(&summary.serial)
        )?;
        if let Some(why) = &summary.decode_error {
            writeln!(out, "            (x509-cert cannot decode it: {why})")?;
        }
    }
    Ok(())
}

fn extensions(out: &mut String, indent: &str, title: &str, list: &ExtensionsRef<'_>) -> Result {
    if list.is_empty() {
        return Ok(());
    }
    writeln!(out, "{indent}{title}:")?;
    for ext in list {
        match extension_name(&ext) {
            Some(name) => writeln!(out, "{indent}    {name} ({}):", ext.oid())?,
            None => writeln!(out, "{indent}    {}:", ext.oid())?,
        }
        let critical = if ext.is_critical() { "yes" } else { "no" };
        writeln!(out, "{indent}        Critical: {critical}")?;
        writeln!(out, "{indent}        Value: {}", hex(ext.value()))?;
        extension_details(out, &format!("{indent}        "), &ext)?;
    }
    Ok(())
}

/// The usual name of the extensions OCSP defines.
fn extension_name(ext: &ExtensionRef<'_>) -> Option<&'static str> {
    let oid = ext.oid();
    let names = [
        (oid::OCSP_NONCE, "OCSP Nonce"),
        (oid::OCSP_CRL, "OCSP CRL References"),
        (oid::OCSP_RESPONSE, "OCSP Acceptable Responses"),
        (oid::OCSP_NOCHECK, "OCSP No Check"),
        (oid::OCSP_ARCHIVE_CUTOFF, "OCSP Archive Cutoff"),
        (oid::OCSP_SERVICE_LOCATOR, "OCSP Service Locator"),
        (
            oid::OCSP_PREF_SIG_ALGS,
            "OCSP Preferred Signature Algorithms",
        ),
        (oid::OCSP_EXTENDED_REVOKE, "OCSP Extended Revoke"),
        (oid::CT_SCT_LIST, "CT Signed Certificate Timestamp List"),
    ];
    names
        .into_iter()
        .find(|(known, _)| oid == *known)
        .map(|(_, name)| name)
}

/// What the value of a known extension says; an undecodable value is
/// noted, not an error.
fn extension_details(out: &mut String, indent: &str, ext: &ExtensionRef<'_>) -> Result {
    let oid = ext.oid();
    let invalid = |out: &mut String, e: ocsp_types::Error| {
        writeln!(out, "{indent}(the value does not decode: {e})")
    };
    if oid == oid::OCSP_NONCE {
        writeln!(out, "{indent}Nonce: {}", hex(ext.nonce()))?;
    } else if oid == oid::OCSP_CRL {
        match ext.crl_id() {
            Ok(crl) => {
                if let Some(url) = crl.url {
                    writeln!(out, "{indent}CRL URL: {url}")?;
                }
                if let Some(number) = crl.number {
                    writeln!(out, "{indent}CRL Number: {}", serial_hex(number))?;
                }
                if let Some(time) = crl.time {
                    writeln!(out, "{indent}CRL Time: {time}")?;
                }
            }
            Err(e) => invalid(out, e)?,
        }
    } else if oid == oid::OCSP_RESPONSE {
        match ext.acceptable_responses() {
            Ok(types) => {
                for t in types {
                    writeln!(out, "{indent}Acceptable: {t}")?;
                }
            }
            Err(e) => invalid(out, e)?,
        }
    } else if oid == oid::OCSP_ARCHIVE_CUTOFF {
        match ext.archive_cutoff() {
            Ok(time) => writeln!(out, "{indent}Archive Cutoff: {time}")?,
            Err(e) => invalid(out, e)?,
        }
    } else if oid == oid::OCSP_SERVICE_LOCATOR {
        match ext.service_locator() {
            Ok(locator) => {
                writeln!(
                    out,
                    "{indent}Issuer: {}",
                    name_or_hex(locator.issuer.as_der())
                )?;
                if let Some(aia) = locator.locator {
                    writeln!(out, "{indent}Locator: {}", hex(aia))?;
                }
            }
            Err(e) => invalid(out, e)?,
        }
    } else if oid == oid::OCSP_PREF_SIG_ALGS {
        match ext.preferred_signature_algorithms() {
            Ok(algorithms) => {
                for a in algorithms {
                    write!(
                        out,
                        "{indent}Preferred: {}",
                        algorithm_label(&a.sig_identifier.oid())
                    )?;
                    match a.cert_identifier {
                        Some(c) => writeln!(out, " for {}", algorithm_label(&c.oid()))?,
                        None => writeln!(out)?,
                    }
                }
            }
            Err(e) => invalid(out, e)?,
        }
    } else if oid == oid::OCSP_EXTENDED_REVOKE || oid == oid::OCSP_NOCHECK {
        if let Err(e) = ext.null_value() {
            invalid(out, e)?;
        }
    } else if oid == oid::CT_SCT_LIST {
        match ext.sct_list() {
            Ok(list) => writeln!(out, "{indent}SCT List: {} bytes", list.len())?,
            Err(e) => invalid(out, e)?,
        }
    }
    Ok(())
}
