//! The value parsers of the command-line arguments: hex octets (nonces),
//! serial numbers and times. Each returns the message clap shows after
//! `invalid value`. And the verification policy the shared flags set.

use std::time::Duration;

use ocsp_types::Time;
use ocsp_verify::Policy;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Octets given in hex on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HexBytes(pub Vec<u8>);

/// Hex digits to octets: an even number of ASCII hex digits, at least one
/// octet; no sign, prefix or separator.
pub fn decode_hex(digits: &str) -> Option<Vec<u8>> {
    if digits.is_empty() || !digits.len().is_multiple_of(2) {
        return None;
    }
    digits
        .as_bytes()
        .chunks_exact(2)
        .map(|pair| match pair {
            [hi, lo] => Some(hex_digit(*hi)? << 4 | hex_digit(*lo)?),
            _ => None,
        })
        .collect()
}

fn hex_digit(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// `--nonce`: an even number of hex digits, at least two.
pub fn parse_hex(text: &str) -> Result<HexBytes, String> {
    decode_hex(text)
        .map(HexBytes)
        .ok_or_else(|| "expected an even number of hex digits (at least two)".to_owned())
}

/// `--serial`: a serial number's magnitude in hex; `0x` prefix and `:`
/// separators allowed; an odd number of digits gets a leading zero.
pub fn parse_serial(text: &str) -> Result<HexBytes, String> {
    let trimmed = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    let mut digits: String = trimmed.chars().filter(|&c| c != ':').collect();
    if !digits.len().is_multiple_of(2) {
        digits.insert(0, '0');
    }
    decode_hex(&digits)
        .map(HexBytes)
        .ok_or_else(|| "expected hex digits, e.g. 10e6fc62b7418ad5005e45b6".to_owned())
}

/// `--at`: Unix seconds (digits only) or an RFC 3339 date-time, as seconds
/// since the epoch (UTC), between 1970 and 9999.
pub fn parse_time(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let unix = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse::<i64>().ok()
    } else {
        parse_rfc3339(text)
    };
    unix.filter(|&secs| Time::from_unix(secs).is_some())
        .and_then(|secs| u64::try_from(secs).ok())
        .ok_or_else(|| {
            "expected an RFC 3339 time (2017-08-15T00:00:00Z, 2017-08-15T02:00:00+02:00) \
             or Unix seconds, from 1970 to 9999"
                .to_owned()
        })
}

/// The policy `--skew SECS` and `--max-age SECS` set over
/// [`Policy::DEFAULT`] (`ocsp verify` and `ocsp staple`).
pub fn policy_from_flags(skew: Option<u64>, max_age: Option<u64>) -> Policy {
    let mut policy = Policy::DEFAULT;
    if let Some(skew) = skew {
        policy.clock_skew = Duration::from_secs(skew);
    }
    // --max-age replaces both age limits, as `openssl ocsp -status_age`
    // bounds every response it is given.
    if let Some(max_age) = max_age {
        policy.max_age = Some(Duration::from_secs(max_age));
        policy.max_age_without_next_update = Duration::from_secs(max_age);
    }
    policy
}

/// RFC 3339 `date-time` (`YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)`, `T`
/// and `Z` in either case, or a space for `T`) as Unix seconds, through the
/// `time` crate; the fraction is dropped (verification works in whole
/// seconds).
///
/// Narrower than `time`'s parser in two ways: the separator must be `T`,
/// `t` or a space (RFC 3339 5.6; `time` takes any octet), and there is no
/// leap second (`:60`), which no verification time needs.
fn parse_rfc3339(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let separator_ok = matches!(bytes.get(10), Some(b'T' | b't' | b' '));
    let leap_second = bytes.get(17..19) == Some(b"60".as_slice());
    if !separator_ok || leap_second {
        return None;
    }
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(OffsetDateTime::unix_timestamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        let t = 1_502_755_200; // 2017-08-15T00:00:00Z
        for text in [
            "2017-08-15T00:00:00Z",
            "2017-08-15t00:00:00z",
            "2017-08-15 00:00:00Z",
            "2017-08-15T00:00:00.999Z",
            "2017-08-15T02:00:00+02:00",
            "2017-08-14T22:30:00.5-01:30",
            "2017-08-15T00:00:00+00:00",
            "2017-08-15T00:00:00-00:00",
            "1502755200",
            " 1502755200 ",
        ] {
            assert_eq!(parse_time(text), Ok(t), "{text}");
        }
        assert_eq!(parse_time("0"), Ok(0));
        assert_eq!(parse_time("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(parse_time("9999-12-31T23:59:59Z"), Ok(253_402_300_799));
        for bad in [
            "",
            "-1",
            "+5",
            "1e9",
            "253402300800",
            "99999999999999999999999",
            "1969-12-31T23:59:59Z",
            "1970-01-01T00:30:00+01:00",
            "9999-12-31T23:59:59-00:01",
            "2017-08-15",
            "2017-08-15T00:00:00",
            "2017-08-15T00:00Z",
            "2017-08-15T00:00:00.Z",
            "2017-08-15T00:00:60Z",
            "2016-12-31T23:59:60Z",
            "2017-02-29T00:00:00Z",
            "2017-13-01T00:00:00Z",
            "2017-08-15T24:00:00Z",
            "2017-08-15T00:00:00+24:00",
            "2017-08-15T00:00:00+02:60",
            "2017-08-15T00:00:00+0200",
            "2017-08-15T00:00:00Zjunk",
            "2017-08-15X00:00:00Z",
            "2017-08-15é00:00:00Z",
            "2017-08-15T00:00:00+02:00:00",
            "２017-08-15T00:00:00Z",
            "-017-08-15T00:00:00Z",
            "+017-08-15T00:00:00Z",
        ] {
            assert!(parse_time(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse_time("2016-02-29T12:00:00Z"), Ok(1_456_747_200));
    }

    #[test]
    fn hex_arguments() {
        assert_eq!(parse_serial("0a1b"), Ok(HexBytes(vec![0x0a, 0x1b])));
        assert_eq!(parse_serial("a1b"), Ok(HexBytes(vec![0x0a, 0x1b])));
        assert_eq!(parse_serial("0x0A:1B"), Ok(HexBytes(vec![0x0a, 0x1b])));
        assert_eq!(parse_serial("00"), Ok(HexBytes(vec![0])));
        for bad in ["", "0x", ":", "zz", "+1", "-1", "0a 1b", "é"] {
            assert!(parse_serial(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse_hex("00fF"), Ok(HexBytes(vec![0, 0xff])));
        for bad in ["", "abc", "zz", "0x00", "+1"] {
            assert!(parse_hex(bad).is_err(), "{bad:?}");
        }
    }
}
