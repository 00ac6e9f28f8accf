//! DER building blocks for certificates and responses made by hand, on the
//! `ocsp_types::der` writer.

/// One element, written by the `ocsp_types::der` writer (definite,
/// minimal length). The content is not checked, on purpose: the testkit's
/// fault knobs and `hostile` inputs wrap values the strict parsers refuse
/// or flag (an encoded `critical FALSE`, a padded keyUsage, a corrupted
/// signature) as raw content octets in well-formed elements.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    ocsp_types::der::to_tlv(tag, content)
}

/// The tag and minimal definite length octets of an element whose content
/// is `len` octets long (for elements too large to build whole).
pub fn header(tag: u8, len: usize) -> Vec<u8> {
    let octets: Vec<u8> = len
        .to_be_bytes()
        .into_iter()
        .skip_while(|&b| b == 0)
        .collect();
    match octets.as_slice() {
        [] => vec![tag, 0],
        [short] if *short < 0x80 => vec![tag, *short],
        long => [&[tag, 0x80 | long.len() as u8][..], long].concat(),
    }
}

/// A SEQUENCE of the concatenated parts.
pub fn seq(parts: &[&[u8]]) -> Vec<u8> {
    ocsp_types::der::sequence(&parts.concat())
}

/// An OID from its content octets.
pub fn oid(contents: &[u8]) -> Vec<u8> {
    tlv(0x06, contents)
}

/// A non-negative INTEGER from a magnitude.
pub fn uint(magnitude: &[u8]) -> Vec<u8> {
    tlv(0x02, &ocsp_types::serial_from_unsigned(magnitude))
}

/// A BIT STRING with no unused bits.
pub fn bits(octets: &[u8]) -> Vec<u8> {
    let mut c = vec![0];
    c.extend_from_slice(octets);
    tlv(0x03, &c)
}

/// An OCTET STRING.
pub fn octets(content: &[u8]) -> Vec<u8> {
    tlv(0x04, content)
}

/// A GeneralizedTime.
pub fn time(t: ocsp_types::Time) -> Vec<u8> {
    let (y, mo, d, h, mi, s) = t.to_civil();
    tlv(
        0x18,
        format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z").as_bytes(),
    )
}

/// `Name` with one CN (and an O, to look real).
pub fn name(cn: &str) -> Vec<u8> {
    let atv =
        |oid_bytes: &[u8], v: &str| tlv(0x31, &seq(&[&oid(oid_bytes), &tlv(0x0c, v.as_bytes())]));
    seq(&[
        &atv(&[0x55, 0x04, 0x0a], "ocsp-rs testkit"),
        &atv(&[0x55, 0x04, 0x03], cn),
    ])
}
