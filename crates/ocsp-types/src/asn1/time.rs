//! GeneralizedTime, as RFC 5280 4.1.2.5.2 profiles it: `YYYYMMDDHHMMSSZ`.
//!
//! DER would also allow fractional seconds; like mozilla::pkix and Chromium we
//! refuse them (no OCSP responder needs them, and every accepted form must
//! re-encode to the same bytes). Times convert to seconds since the Unix epoch
//! once, at parse.

use core::fmt;

use super::reader::Tlv;
use crate::error::Error;

/// An instant with one-second precision, between years 0000 and 9999 (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    unix: i64,
}

/// Seconds from 0000-01-01T00:00:00Z to the Unix epoch.
const MIN_UNIX: i64 = -62_167_219_200;
/// Seconds from the Unix epoch to 9999-12-31T23:59:59Z.
const MAX_UNIX: i64 = 253_402_300_799;

impl Time {
    /// The instant `unix` seconds after 1970-01-01T00:00:00Z, if it falls in
    /// years 0000 to 9999.
    ///
    /// ```
    /// let t = ocsp_types::Time::from_unix(1_502_718_062).unwrap();
    /// assert_eq!(t.to_string(), "2017-08-14T13:41:02Z");
    /// ```
    pub const fn from_unix(unix: i64) -> Option<Self> {
        if unix < MIN_UNIX || unix > MAX_UNIX {
            None
        } else {
            Some(Time { unix })
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z (negative before it).
    pub const fn unix_timestamp(&self) -> i64 {
        self.unix
    }

    /// The calendar date and time: (year, month, day, hour, minute, second).
    pub const fn to_civil(&self) -> (u32, u32, u32, u32, u32, u32) {
        let days = self.unix.div_euclid(86_400);
        let secs = self.unix.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        (
            y as u32,
            m,
            d,
            (secs / 3600) as u32,
            ((secs % 3600) / 60) as u32,
            (secs % 60) as u32,
        )
    }

    /// Builds a time from calendar fields, checking each.
    pub fn from_civil(
        year: u32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Option<Self> {
        if year > 9999
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let days = days_from_civil(i64::from(year), month, day);
        let unix =
            days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
        Time::from_unix(unix)
    }

    /// The 15 octets `YYYYMMDDHHMMSSZ`.
    pub(crate) fn to_generalized(self) -> [u8; 15] {
        let (y, mo, d, h, mi, s) = self.to_civil();
        let mut out = [b'0'; 15];
        let fields = [(y, 4usize), (mo, 2), (d, 2), (h, 2), (mi, 2), (s, 2)];
        let mut pos = 0;
        for (value, width) in fields {
            let mut v = value;
            for i in (0..width).rev() {
                if let Some(slot) = out.get_mut(pos + i) {
                    *slot = b'0' + (v % 10) as u8;
                }
                v /= 10;
            }
            pos += width;
        }
        if let Some(z) = out.last_mut() {
            *z = b'Z';
        }
        out
    }

    /// Decodes a GeneralizedTime `YYYYMMDDHHMMSSZ`.
    pub(crate) fn decode(tlv: &Tlv<'_>, path: &'static str) -> Result<Self, Error> {
        let err = Error::InvalidTime { at: tlv.at(path) };
        let digits = zulu_digits(tlv.value, 14).ok_or(err)?;
        let num = |range: core::ops::Range<usize>| decimal(digits, range);
        Time::from_civil(
            num(0..4),
            num(4..6),
            num(6..8),
            num(8..10),
            num(10..12),
            num(12..14),
        )
        .ok_or(err)
    }

    /// Decodes a certificate validity time (RFC 5280 4.1.2.5): a UTCTime
    /// `YYMMDDHHMMSSZ` (years 1950 to 2049) or a GeneralizedTime.
    pub(crate) fn decode_validity(tlv: &Tlv<'_>, path: &'static str) -> Result<Self, Error> {
        match tlv.tag {
            super::tag::GENERALIZED_TIME => Self::decode(tlv, path),
            super::tag::UTC_TIME => {
                let err = Error::InvalidTime { at: tlv.at(path) };
                let digits = zulu_digits(tlv.value, 12).ok_or(err)?;
                let num = |range: core::ops::Range<usize>| decimal(digits, range);
                let yy = num(0..2);
                let year = if yy >= 50 { 1900 + yy } else { 2000 + yy };
                Time::from_civil(
                    year,
                    num(2..4),
                    num(4..6),
                    num(6..8),
                    num(8..10),
                    num(10..12),
                )
                .ok_or(err)
            }
            found => Err(Error::UnexpectedTag {
                expected: super::tag::UTC_TIME,
                found,
                at: tlv.at(path),
            }),
        }
    }
}

impl fmt::Display for Time {
    /// RFC 3339 in UTC, e.g. `2017-08-14T13:41:02Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = self.to_civil();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

/// The `n` ASCII digits before a final `Z`, if that is exactly the value.
fn zulu_digits(value: &[u8], n: usize) -> Option<&[u8]> {
    let (digits, zulu) = value.split_at_checked(n)?;
    (zulu == b"Z" && digits.iter().all(u8::is_ascii_digit)).then_some(digits)
}

/// The decimal number written by `digits[range]` (ASCII digits, checked).
fn decimal(digits: &[u8], range: core::ops::Range<usize>) -> u32 {
    digits
        .get(range)
        .unwrap_or_default()
        .iter()
        .fold(0u32, |acc, &b| acc * 10 + u32::from(b.wrapping_sub(b'0')))
}

const fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

const fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
const fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = month as i64;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

const fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    extern crate alloc;
    use super::*;
    use crate::asn1::reader::Reader;
    use alloc::string::ToString;

    fn decode(s: &[u8]) -> Result<Time, Error> {
        let mut der = alloc::vec![0x18, s.len() as u8];
        der.extend_from_slice(s);
        let tlv = Reader::new(&der).read_any("t").unwrap();
        Time::decode(&tlv, "t")
    }

    #[test]
    fn known_instants() {
        let t = decode(b"20170814134102Z").unwrap();
        assert_eq!(t.unix_timestamp(), 1_502_718_062);
        assert_eq!(&t.to_generalized(), b"20170814134102Z");
        assert_eq!(decode(b"19700101000000Z").unwrap().unix_timestamp(), 0);
        assert_eq!(
            decode(b"00000101000000Z").unwrap().unix_timestamp(),
            MIN_UNIX
        );
        assert_eq!(
            decode(b"99991231235959Z").unwrap().unix_timestamp(),
            MAX_UNIX
        );
        assert_eq!(
            decode(b"20000229120000Z").unwrap().to_string(),
            "2000-02-29T12:00:00Z"
        );
    }

    #[test]
    fn rejects_other_forms() {
        assert_invalid(
            decode,
            &[
                &b"20170814134102"[..],
                b"20170814134102.5Z",
                b"201708141341Z",
                b"20170814134102+0000",
                b"2017081413410Z ",
                b"20171314134102Z",
                b"20170230134102Z",
                b"19000229000000Z",
                b"20170814244102Z",
                b"20170814136002Z",
                b"20170814134160Z",
                b"2017-8141341020",
                b"+0170814134102Z",
            ],
        );
    }

    /// Each of `bad` is an invalid time for `decode`.
    fn assert_invalid(decode: impl Fn(&[u8]) -> Result<Time, Error>, bad: &[&[u8]]) {
        for bad in bad {
            assert!(
                matches!(decode(bad), Err(Error::InvalidTime { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn utc_time_windows() {
        let utc = |s: &[u8]| {
            let mut der = alloc::vec![0x17, s.len() as u8];
            der.extend_from_slice(s);
            let tlv = Reader::new(&der).read_any("t").unwrap();
            Time::decode_validity(&tlv, "t")
        };
        for (good, expected) in [
            (b"500101000000Z", "1950-01-01T00:00:00Z"),
            (b"491231235959Z", "2049-12-31T23:59:59Z"),
            (b"170717091254Z", "2017-07-17T09:12:54Z"),
        ] {
            assert_eq!(utc(good).unwrap().to_string(), expected);
        }
        assert_invalid(
            utc,
            &[
                b"1707170912Z",
                b"170717091254",
                b"170717091254+0000",
                b"171317091254Z",
            ],
        );
    }

    #[test]
    fn civil_round_trip_over_range() {
        let mut unix = MIN_UNIX;
        while unix <= MAX_UNIX {
            let t = Time::from_unix(unix).unwrap();
            let (y, mo, d, h, mi, s) = t.to_civil();
            assert_eq!(Time::from_civil(y, mo, d, h, mi, s), Some(t));
            unix += 86_400 * 97 + 3_607;
        }
        assert_eq!(Time::from_unix(MAX_UNIX + 1), None);
        assert_eq!(Time::from_unix(MIN_UNIX - 1), None);
    }
}
