//! OpenSSL's CA database, `index.txt`: what `openssl ca` writes and
//! `openssl ocsp -index` reads.
//!
//! One certificate per line, six fields separated by tabs:
//!
//! ```text
//! V  301231235959Z                               1001  unknown  /CN=leaf
//! R  301231235959Z  240101000000Z,keyCompromise  1002  unknown  /CN=gone
//! ```
//!
//! 1. the status: `V` (valid), `R` (revoked) or `E` (expired);
//! 2. the expiry: UTCTime `YYMMDDHHMMSSZ` or GeneralizedTime
//!    `YYYYMMDDHHMMSSZ`;
//! 3. the revocation: empty unless `R`; then the time (as the expiry),
//!    optionally `,reason`, where `reason` is a CRLReason name as
//!    `openssl ca -crl_reason` writes it, or one of OpenSSL's forms with an
//!    argument: `holdInstruction,OID` (certificateHold), `keyTime,TIME`
//!    (keyCompromise) and `CAkeyTime,TIME` (cACompromise);
//! 4. the serial number in hexadecimal;
//! 5. the file name (`unknown`);
//! 6. the subject.
//!
//! Strict where the bytes carry meaning: a line that does not read this way
//! refuses the whole index, with its line number (a responder that skipped
//! it would answer `unknown`, or worse, for a revoked certificate). So does a
//! serial number listed twice. Blank lines are skipped, and a trailing `\r`
//! (an index edited on Windows) is ignored.

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

use ocsp_types::{CrlReason, Time};

use crate::status::{CertificateStatus, StatusQuery, StatusSource};
use crate::Error;

/// The longest serial number accepted, in octets (RFC 5280 allows 20; some
/// CAs exceed it by a little).
const MAX_SERIAL_LEN: usize = 32;

/// A parsed `index.txt`: serial number → status.
///
/// ```
/// use ocsp_responder::{CertificateStatus, Index, StatusQuery, StatusSource};
/// let index = Index::parse("V\t301231235959Z\t\t1001\tunknown\t/CN=leaf\n")?;
/// let now = ocsp_types::Time::from_unix(0).unwrap();
/// assert_eq!(index.status(&StatusQuery::new(0, &[0x10, 0x01], now))?, CertificateStatus::Good);
/// assert_eq!(index.status(&StatusQuery::new(0, &[0x10, 0x02], now))?, CertificateStatus::Unknown);
/// # Ok::<(), ocsp_responder::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    entries: BTreeMap<Vec<u8>, IndexEntry>,
}

/// One line of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct IndexEntry {
    /// `Good` for `V` and `E` lines (an expired certificate was not
    /// revoked), `Revoked` for `R`.
    pub status: CertificateStatus,
    /// The certificate's expiry.
    pub expires: Time,
    /// Whether the line is marked `E`.
    pub expired: bool,
}

impl Index {
    /// Parses the text of an index.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidIndex`] with the 1-based line number of the first line
    /// that does not read as described in the module documentation, or that
    /// repeats a serial number.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let mut entries = BTreeMap::new();
        for (n, line) in text.split('\n').enumerate() {
            let line_no = n.saturating_add(1);
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let invalid = |reason| Error::InvalidIndex {
                line: line_no,
                reason,
            };
            let (serial, entry) = parse_line(line).map_err(invalid)?;
            if entries.insert(serial, entry).is_some() {
                return Err(invalid("serial number listed twice"));
            }
        }
        Ok(Index { entries })
    }

    /// The entry of the certificate with this serial number (an unsigned
    /// magnitude; leading zeros are ignored).
    pub fn get(&self, serial: &[u8]) -> Option<&IndexEntry> {
        let start = serial.iter().position(|b| *b != 0).unwrap_or(serial.len());
        self.entries.get(serial.get(start..).unwrap_or_default())
    }

    /// How many certificates are listed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The index of one CA: it answers for whichever issuer the query names
/// (like `openssl ocsp -index`, which reads one index for its CAs).
impl StatusSource for Index {
    fn status(&self, query: &StatusQuery<'_>) -> Result<CertificateStatus, Error> {
        Ok(query
            .serial_magnitude()
            .and_then(|serial| self.entries.get(serial))
            .map_or(CertificateStatus::Unknown, |e| e.status))
    }
}

fn parse_line(line: &str) -> Result<(Vec<u8>, IndexEntry), &'static str> {
    let mut fields = line.split('\t');
    let mut next = || fields.next().ok_or("fewer than 6 tab-separated fields");
    let (kind, expiry, revocation, serial) = (next()?, next()?, next()?, next()?);
    let (_file, _subject) = (next()?, next()?);
    if fields.next().is_some() {
        return Err("more than 6 tab-separated fields");
    }
    let expires = parse_time(expiry).ok_or("expiry is not YYMMDDHHMMSSZ or YYYYMMDDHHMMSSZ")?;
    // `E` is `good`: an expired certificate was not revoked. (OpenSSL's
    // `ocsp -index` writes no SingleResponse at all for `E` lines.)
    let status = match kind {
        "V" | "E" if revocation.is_empty() => CertificateStatus::Good,
        "V" | "E" => return Err("revocation field set on a V or E line"),
        "R" => parse_revocation(revocation)?,
        _ => return Err("status is not V, R or E"),
    };
    let serial = parse_serial(serial)?;
    Ok((
        serial,
        IndexEntry {
            status,
            expires,
            expired: kind == "E",
        },
    ))
}

/// `TIME[,REASON[,ARGUMENT]]`, as OpenSSL's `make_revoked` writes it.
fn parse_revocation(field: &str) -> Result<CertificateStatus, &'static str> {
    let mut parts = field.split(',');
    let time = parts
        .next()
        .and_then(parse_time)
        .ok_or("revocation time is not YYMMDDHHMMSSZ or YYYYMMDDHHMMSSZ")?;
    let reason = match parts.next() {
        None => None,
        Some(name) => Some(parse_reason(name, parts.next())?),
    };
    if parts.next().is_some() {
        return Err("revocation field has too many commas");
    }
    Ok(CertificateStatus::Revoked { time, reason })
}

fn parse_reason(name: &str, argument: Option<&str>) -> Result<CrlReason, &'static str> {
    // OpenSSL compares reason names without regard to case (ca.c).
    let is = |n: &str| name.eq_ignore_ascii_case(n);
    let with_argument = if is("holdInstruction") {
        // The hold instruction OID, in dotted or short-name form.
        argument
            .filter(|a| !a.is_empty())
            .ok_or("holdInstruction without its instruction")?;
        return Ok(CrlReason::CertificateHold);
    } else if is("keyTime") {
        Some(CrlReason::KeyCompromise)
    } else if is("CAkeyTime") {
        Some(CrlReason::CaCompromise)
    } else {
        None
    };
    if let Some(reason) = with_argument {
        // The compromise time (an invalidity date, not carried in OCSP).
        argument
            .and_then(parse_time)
            .ok_or("keyTime or CAkeyTime without a valid time")?;
        return Ok(reason);
    }
    if argument.is_some() {
        return Err("this revocation reason takes no argument");
    }
    (0..=10u64)
        .filter_map(CrlReason::from_value)
        .find(|r| is(r.name()))
        .ok_or("unknown revocation reason")
}

fn parse_serial(hex: &str) -> Result<Vec<u8>, &'static str> {
    const NOT_HEX: &str = "serial number is not hexadecimal";
    if hex.is_empty() {
        return Err(NOT_HEX);
    }
    let digits = hex.trim_start_matches('0');
    if digits.len() > MAX_SERIAL_LEN * 2 {
        return Err("serial number longer than 32 octets");
    }
    let mut out = Vec::with_capacity(digits.len().div_ceil(2));
    let mut nibbles = digits.bytes().map(|c| (c as char).to_digit(16));
    // An odd count: the first octet has one digit.
    if digits.len() % 2 == 1 {
        let d = nibbles.next().flatten().ok_or(NOT_HEX)?;
        out.push(d as u8);
    }
    while let Some(hi) = nibbles.next() {
        let lo = nibbles.next().flatten().ok_or(NOT_HEX)?;
        let hi = hi.ok_or(NOT_HEX)?;
        out.push((hi * 16 + lo) as u8);
    }
    Ok(out)
}

/// A UTCTime `YYMMDDHHMMSSZ` (years 1950 to 2049, RFC 5280) or a
/// GeneralizedTime `YYYYMMDDHHMMSSZ`.
fn parse_time(s: &str) -> Option<Time> {
    let digits = s.strip_suffix('Z')?;
    if !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let num =
        |from: usize, len: usize| -> Option<u32> { digits.get(from..from + len)?.parse().ok() };
    let (year, rest) = match digits.len() {
        12 => {
            let yy = num(0, 2)?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, 2)
        }
        14 => (num(0, 4)?, 4),
        _ => return None,
    };
    Time::from_civil(
        year,
        num(rest, 2)?,
        num(rest + 2, 2)?,
        num(rest + 4, 2)?,
        num(rest + 6, 2)?,
        num(rest + 8, 2)?,
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn t(unix: i64) -> Time {
        Time::from_unix(unix).unwrap()
    }

    fn status_of(index: &Index, serial: &[u8]) -> CertificateStatus {
        index.status(&StatusQuery::new(0, serial, t(0))).unwrap()
    }

    #[test]
    fn reads_what_openssl_ca_writes() {
        let index = Index::parse(
            "V\t301231235959Z\t\t1001\tunknown\t/CN=good\n\
             R\t301231235959Z\t240101000000Z,keyCompromise\t1002\tunknown\t/CN=revoked\n\
             R\t301231235959Z\t240101000000Z\t1003\tunknown\t/CN=no reason\n\
             E\t200101000000Z\t\t1004\tunknown\t/CN=expired\n\
             R\t20501231235959Z\t20240101000000Z,CAkeyTime,20231231000000Z\t00A5\tunknown\t/CN=ca key\n\
             R\t301231235959Z\t240101000000Z,holdInstruction,holdInstructionReject\t1006\tunknown\t/CN=hold\n\
             R\t301231235959Z\t240101000000Z,superseded\t1007\tunknown\t/CN=superseded\n",
        )
        .unwrap();
        assert_eq!(index.len(), 7);
        let at = t(1_704_067_200);
        assert_eq!(status_of(&index, &[0x10, 0x01]), CertificateStatus::Good);
        let revoked = |reason| CertificateStatus::Revoked { time: at, reason };
        assert_eq!(
            status_of(&index, &[0x10, 0x02]),
            revoked(Some(CrlReason::KeyCompromise))
        );
        assert_eq!(status_of(&index, &[0x10, 0x03]), revoked(None));
        assert_eq!(status_of(&index, &[0x10, 0x04]), CertificateStatus::Good);
        assert!(index.get(&[0x10, 0x04]).unwrap().expired);
        // DER content 00 A5 (positive 0xA5) matches the index's 00A5.
        assert_eq!(
            status_of(&index, &[0x00, 0xa5]),
            revoked(Some(CrlReason::CaCompromise))
        );
        assert_eq!(
            status_of(&index, &[0x10, 0x06]),
            revoked(Some(CrlReason::CertificateHold))
        );
        assert_eq!(
            status_of(&index, &[0x10, 0x07]),
            revoked(Some(CrlReason::Superseded))
        );
        assert_eq!(status_of(&index, &[0x10, 0x08]), CertificateStatus::Unknown);
        // A negative serial is never listed.
        assert_eq!(status_of(&index, &[0xa5]), CertificateStatus::Unknown);
    }

    #[test]
    fn refuses_malformed_lines_with_their_number() {
        let good = "V\t301231235959Z\t\t1001\tunknown\t/CN=good\n";
        for (bad, reason) in [
            (
                "X\t301231235959Z\t\t1002\tunknown\t/CN=x",
                "status is not V, R or E",
            ),
            (
                "V\t3012312359Z\t\t1002\tunknown\t/CN=x",
                "expiry is not YYMMDDHHMMSSZ or YYYYMMDDHHMMSSZ",
            ),
            (
                "V\t301231235959Z\t\t10G2\tunknown\t/CN=x",
                "serial number is not hexadecimal",
            ),
            (
                "V\t301231235959Z\t\t\tunknown\t/CN=x",
                "serial number is not hexadecimal",
            ),
            (
                "V\t301231235959Z\t\t1002\tunknown",
                "fewer than 6 tab-separated fields",
            ),
            (
                "V\t301231235959Z\t\t1002\tunknown\t/CN=x\textra",
                "more than 6 tab-separated fields",
            ),
            (
                "R\t301231235959Z\t\t1002\tunknown\t/CN=x",
                "revocation time is not YYMMDDHHMMSSZ or YYYYMMDDHHMMSSZ",
            ),
            (
                "V\t301231235959Z\t240101000000Z\t1002\tunknown\t/CN=x",
                "revocation field set on a V or E line",
            ),
            (
                "R\t301231235959Z\t240101000000Z,stolen\t1002\tunknown\t/CN=x",
                "unknown revocation reason",
            ),
            (
                "R\t301231235959Z\t240101000000Z,keyTime\t1002\tunknown\t/CN=x",
                "keyTime or CAkeyTime without a valid time",
            ),
            (
                "R\t301231235959Z\t240101000000Z,holdInstruction\t1002\tunknown\t/CN=x",
                "holdInstruction without its instruction",
            ),
            (
                "R\t301231235959Z\t240101000000Z,superseded,x\t1002\tunknown\t/CN=x",
                "this revocation reason takes no argument",
            ),
            (
                "V\t301231235959Z\t\t1001\tunknown\t/CN=again",
                "serial number listed twice",
            ),
        ] {
            let text = format!("{good}\n{bad}\n");
            let err = Index::parse(&text).unwrap_err();
            assert!(
                matches!(err, Error::InvalidIndex { line: 3, reason: r } if r == reason),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn reason_names_ignore_case_and_blank_lines_are_skipped() {
        let index = Index::parse(
            "\r\nR\t301231235959Z\t240101000000Z,KEYCOMPROMISE\t01\tunknown\t/CN=x\r\n\n",
        )
        .unwrap();
        assert!(matches!(
            status_of(&index, &[0x01]),
            CertificateStatus::Revoked {
                reason: Some(CrlReason::KeyCompromise),
                ..
            }
        ));
    }

    #[test]
    fn serial_zero_and_odd_digit_counts() {
        assert_eq!(parse_serial("00"), Ok(Vec::new()));
        assert_eq!(parse_serial("abc"), Ok(vec![0x0a, 0xbc]));
        assert_eq!(parse_serial("0"), Ok(Vec::new()));
        assert!(parse_serial(&"1".repeat(65)).is_err());
    }
}
