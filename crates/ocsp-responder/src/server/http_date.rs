//! HTTP dates (RFC 9110 5.6.7, IMF-fixdate): `Sun, 06 Nov 1994 08:49:37 GMT`.

use core::fmt::Write as _;

use ocsp_types::Time;

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `time` as an IMF-fixdate.
pub(crate) fn format(time: Time) -> String {
    let (y, mo, d, h, mi, s) = time.to_civil();
    // 1970-01-01 was a Thursday.
    let weekday = time.unix_timestamp().div_euclid(86_400).rem_euclid(7);
    let day = usize::try_from(weekday)
        .ok()
        .and_then(|i| DAYS.get(i))
        .copied()
        .unwrap_or("Thu");
    let month = usize::try_from(mo.saturating_sub(1))
        .ok()
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("Jan");
    let mut out = String::with_capacity(29);
    let _ = write!(
        out,
        "{day}, {d:02} {month} {y:04} {h:02}:{mi:02}:{s:02} GMT"
    );
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn rfc_9110_example_and_epoch() {
        assert_eq!(
            format(Time::from_unix(784_111_777).unwrap()),
            "Sun, 06 Nov 1994 08:49:37 GMT"
        );
        assert_eq!(
            format(Time::from_unix(0).unwrap()),
            "Thu, 01 Jan 1970 00:00:00 GMT"
        );
        assert_eq!(
            format(Time::from_unix(1_709_164_800).unwrap()),
            "Thu, 29 Feb 2024 00:00:00 GMT"
        );
    }
}
