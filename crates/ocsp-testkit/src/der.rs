//! A tiny DER writer for building certificates by hand.

/// Appends a TLV.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

/// A SEQUENCE of the concatenated parts.
pub fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
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
