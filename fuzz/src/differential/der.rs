//! A small DER reader of the differential target's own.
//!
//! It decides whether an input is DER *independently of ocsp-types' reader*
//! (a verdict that reused the parser under test would prove nothing), and
//! reads single elements at an offset for the known-difference classifier.
//! It only knows the TLV layer and the few primitive rules the classifier
//! needs; OpenSSL's re-encoding checks the primitive contents it decodes.

/// One element whose identifier and length are in DER form.
#[derive(Debug, Clone, Copy)]
pub struct Tlv<'a> {
    /// The first identifier octet (class, constructed bit, low tag number).
    pub first: u8,
    /// The tag number (any size up to 2^28).
    pub number: u32,
    /// The content octets.
    pub value: &'a [u8],
}

impl Tlv<'_> {
    fn is_universal(&self) -> bool {
        self.first & 0xc0 == 0
    }

    fn is_constructed(&self) -> bool {
        self.first & 0x20 != 0
    }
}

/// The universal types that are constructed by definition (EXTERNAL,
/// EMBEDDED PDV, SEQUENCE, SET, CHARACTER STRING). DER encodes every other
/// universal type, strings included (X.690 10.2), in the primitive form.
fn universal_is_constructed(number: u32) -> bool {
    matches!(number, 8 | 11 | 16 | 17 | 29)
}

/// Reads the identifier octets: `(first octet, tag number, rest)`, if they
/// are in the shortest form (X.690 8.1.2).
fn identifier(input: &[u8]) -> Option<(u8, u32, &[u8])> {
    let (&first, mut rest) = input.split_first()?;
    if first & 0x1f != 0x1f {
        return Some((first, u32::from(first & 0x1f), rest));
    }
    // High tag number: base-128 octets, no leading 0x80, and only for
    // numbers that do not fit the low form. Four octets are plenty.
    let mut number = 0u32;
    for i in 0..4 {
        let (&b, after) = rest.split_first()?;
        rest = after;
        if i == 0 && b == 0x80 {
            return None;
        }
        number = (number << 7) | u32::from(b & 0x7f);
        if b & 0x80 == 0 {
            return (number >= 31).then_some((first, number, rest));
        }
    }
    None
}

/// Reads a definite length in the fewest octets (X.690 10.1): `(len, rest)`.
fn length(input: &[u8]) -> Option<(usize, &[u8])> {
    let (&first, rest) = input.split_first()?;
    if first < 0x80 {
        return Some((usize::from(first), rest));
    }
    // 0x80 is BER's indefinite form; five or more length octets would
    // describe more than 4 GiB, which no input here holds.
    let n = usize::from(first & 0x7f);
    if !(1..=4).contains(&n) {
        return None;
    }
    let (octets, rest) = rest.split_at_checked(n)?;
    if octets.first() == Some(&0) {
        return None;
    }
    let len = octets
        .iter()
        .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
    (len >= 0x80).then_some((len, rest))
}

/// Reads the element at the start of `input` if its identifier and length
/// are DER: the element and the bytes after it.
pub fn read(input: &[u8]) -> Option<(Tlv<'_>, &[u8])> {
    let (first, number, rest) = identifier(input)?;
    let (len, rest) = length(rest)?;
    let (value, rest) = rest.split_at_checked(len)?;
    Some((
        Tlv {
            first,
            number,
            value,
        },
        rest,
    ))
}

/// The element starting at `offset` (what follows it is ignored).
pub fn element_at(input: &[u8], offset: usize) -> Option<Tlv<'_>> {
    read(input.get(offset..)?).map(|(tlv, _)| tlv)
}

/// The one element making up all of `input`.
pub fn single(input: &[u8]) -> Option<Tlv<'_>> {
    match read(input)? {
        (tlv, []) => Some(tlv),
        _ => None,
    }
}

/// The elements of a constructed value, in order, if they fill it exactly.
pub fn children(mut value: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let mut out = Vec::new();
    while !value.is_empty() {
        let (tlv, rest) = read(value)?;
        out.push(tlv);
        value = rest;
    }
    Some(out)
}

/// Deeper than any OCSP response or certificate; past it the verdict is
/// "not DER" (a conservative answer: it only makes the target skip a check).
const MAX_DEPTH: usize = 64;

/// Whether `input` is a sequence of DER elements at every level of
/// construction: definite minimal lengths, shortest identifiers, no
/// end-of-contents octets, the primitive form for every universal type but
/// the constructed ones (so no BER constructed strings), and DER contents
/// for BOOLEAN, INTEGER, ENUMERATED, BIT STRING, NULL and OBJECT IDENTIFIER.
/// The values inside OCTET STRINGs and BIT STRINGs are not looked into.
pub fn is_der(input: &[u8]) -> bool {
    elements_are_der(input, 0)
}

fn elements_are_der(mut input: &[u8], depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    while !input.is_empty() {
        let Some((tlv, rest)) = read(input) else {
            return false;
        };
        if !element_is_der(&tlv, depth) {
            return false;
        }
        input = rest;
    }
    true
}

fn element_is_der(tlv: &Tlv<'_>, depth: usize) -> bool {
    if tlv.is_constructed() {
        return !(tlv.is_universal() && !universal_is_constructed(tlv.number))
            && elements_are_der(tlv.value, depth + 1);
    }
    !tlv.is_universal() || primitive_is_der(tlv.number, tlv.value)
}

/// The DER rules for the contents of the universal primitive types that
/// OCSP and X.509 use; OpenSSL keeps some of these as received (a BOOLEAN
/// or a certificate's tbsCertificate), so its re-encoding cannot tell.
fn primitive_is_der(number: u32, value: &[u8]) -> bool {
    match number {
        // End-of-contents, and the constructed-only types.
        0 => false,
        n if universal_is_constructed(n) => false,
        // BOOLEAN: one octet, FF for TRUE (X.690 11.1).
        1 => matches!(value, [0x00] | [0xff]),
        // INTEGER, ENUMERATED: minimal two's complement (X.690 8.3.2).
        2 | 10 => match value {
            [] => false,
            [0x00, next, ..] => next & 0x80 != 0,
            [0xff, next, ..] => next & 0x80 == 0,
            _ => true,
        },
        // BIT STRING: at most 7 unused bits, none for an empty string, and
        // the unused bits zero (X.690 11.2).
        3 => match value {
            [unused] => *unused == 0,
            [unused, .., last] => *unused <= 7 && last & ((1u8 << *unused) - 1) == 0,
            [] => false,
        },
        // NULL: no content.
        5 => value.is_empty(),
        // OBJECT IDENTIFIER: non-empty, every subidentifier minimal and
        // terminated (X.690 8.19.2).
        6 => {
            !value.is_empty()
                && value.last().is_some_and(|b| b & 0x80 == 0)
                && value
                    .split_inclusive(|b| b & 0x80 == 0)
                    .all(|arc| arc.first() != Some(&0x80))
        }
        _ => true,
    }
}

/// The value of INTEGER/ENUMERATED content octets if it is non-negative and
/// fits in 64 bits.
pub fn unsigned_value(content: &[u8]) -> Option<u64> {
    let (&first, _) = content.split_first()?;
    if first & 0x80 != 0 {
        return None;
    }
    let digits = match content {
        [0, rest @ ..] if !rest.is_empty() => rest,
        _ => content,
    };
    if digits.len() > 8 {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)),
    )
}

/// Whether GeneralizedTime content is `YYYYMMDDHHMMSSZ` naming a real
/// instant: the only form RFC 5280 4.1.2.5.2 allows (no fraction, no offset,
/// seconds 00-59).
pub fn is_profiled_time(value: &[u8]) -> bool {
    let Some((digits, b"Z")) = value.split_at_checked(14) else {
        return false;
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let num = |from: usize, to: usize| {
        digits[from..to]
            .iter()
            .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'))
    };
    let (year, month, day) = (num(0, 4), num(4, 6), num(6, 8));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day) && num(8, 10) < 24 && num(10, 12) < 60 && num(12, 14) < 60
}

/// Whether OBJECT IDENTIFIER content is valid X.690 (8.19: non-empty, every
/// subidentifier minimal and terminated) with an arc of more than 128 bits,
/// which X.690 allows and OpenSSL decodes (as a BIGNUM).
pub fn is_oid_with_huge_arc(value: &[u8]) -> bool {
    if value.is_empty() || value.last().is_some_and(|b| b & 0x80 != 0) {
        return false;
    }
    let mut huge = false;
    for arc in value.split_inclusive(|b| b & 0x80 == 0) {
        let Some((&lead, _)) = arc.split_first() else {
            return false;
        };
        if lead == 0x80 {
            return false;
        }
        let lead_bits = 8 - (lead & 0x7f).leading_zeros() as usize;
        huge |= lead_bits + 7 * (arc.len() - 1) > 128;
    }
    huge
}

/// Encodes one element with a low tag number and DER length.
pub fn encode(tag: u8, value: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = value.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let octets = len.to_be_bytes();
        let skip = octets.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (octets.len() - skip) as u8);
        out.extend_from_slice(&octets[skip..]);
    }
    out.extend_from_slice(value);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_structure() {
        assert!(is_der(&[0x30, 0x03, 0x0a, 0x01, 0x03]));
        assert!(!is_der(&[0x30, 0x80, 0x0a, 0x01, 0x03, 0, 0]));
        assert!(!is_der(&[0x30, 0x81, 0x03, 0x0a, 0x01, 0x03]));
        assert!(!is_der(&[0x24, 0x03, 0x04, 0x01, 0x00]));
        assert!(!is_der(&[0x10, 0x00]));
        assert!(is_der(&[0x9f, 0x1f, 0x00]));
        assert!(!is_der(&[0x9f, 0x1e, 0x00]));
        assert!(!is_der(&[0x30, 0x02, 0x00, 0x00]));
        assert!(is_der(&[0x01, 0x01, 0xff, 0x02, 0x02, 0x00, 0x80]));
        assert!(!is_der(&[0x01, 0x01, 0x01]));
        assert!(!is_der(&[0x02, 0x02, 0x00, 0x7f]));
        assert!(is_der(&[0x03, 0x02, 0x04, 0xf0]));
        assert!(!is_der(&[0x03, 0x02, 0x04, 0xf8]));
        assert!(!is_der(&[0x03, 0x01, 0x04]));
        assert!(!is_der(&[0x06, 0x02, 0x80, 0x01]));
    }

    #[test]
    fn times_and_oids() {
        assert!(is_profiled_time(b"20000229120000Z"));
        assert!(!is_profiled_time(b"19000229120000Z"));
        assert!(!is_profiled_time(b"20000229120000.5Z"));
        assert!(!is_profiled_time(b"20000229120060Z"));
        let mut oid = vec![0x2a, 0x83];
        oid.extend([0xff; 17]);
        oid.push(0x7f);
        assert!(!is_oid_with_huge_arc(&oid));
        oid[1] = 0x84;
        assert!(is_oid_with_huge_arc(&oid));
        assert!(!is_oid_with_huge_arc(&[0x2a, 0x80, 0x01]));
    }
}
