//! Time: inclusive edges with skew, zero skew, age limits and a missing
//! nextUpdate.

use super::*;

/// The issuer's good response about the leaf with these times (seconds
/// from `NOW`).
fn with_times(pki: &Pki, this: i64, next: Option<i64>, produced: i64) -> Vec<u8> {
    let id = pki.leaf_cert_id(HashAlg::Sha1);
    issuer_signed(pki, |spec| {
        spec.singles = vec![single(id, CertStatus::Good, at(this), next.map(at))];
        spec.produced_at = at(produced);
    })
}

#[test]
fn time_edges_are_inclusive_with_skew() {
    let pki = rsa();
    let ok = |this, next, produced| status(&pki, &with_times(&pki, this, next, produced));
    assert_eq!(ok(SKEW, Some(DAY), 0), GOOD_ISSUER);
    assert_eq!(
        ok(SKEW + 1, Some(DAY), 0),
        Err(Error::NotYetValid {
            this_update: at(SKEW + 1)
        })
    );
    assert_eq!(ok(-DAY, Some(-SKEW), -DAY), GOOD_ISSUER);
    assert_eq!(
        ok(-DAY, Some(-SKEW - 1), -DAY),
        Err(Error::Expired {
            next_update: at(-SKEW - 1)
        })
    );
    assert_eq!(ok(0, Some(0), 0), GOOD_ISSUER);
    assert_eq!(
        ok(0, Some(-1), 0),
        Err(Error::NextUpdateBeforeThisUpdate {
            this_update: at(0),
            next_update: at(-1)
        })
    );
    // By default a producedAt after the time is no fault: the status is
    // bounded by thisUpdate and nextUpdate.
    assert_eq!(ok(-HOUR, Some(DAY), DAY), GOOD_ISSUER);
    let strict = Policy {
        reject_produced_in_future: true,
        ..Policy::default()
    };
    let produced = |p| status_with(&pki, &with_times(&pki, -HOUR, Some(DAY), p), strict);
    assert_eq!(produced(SKEW), GOOD_ISSUER);
    assert_eq!(
        produced(SKEW + 1),
        Err(Error::ProducedInFuture {
            produced_at: at(SKEW + 1)
        })
    );
    // producedAt within the leaf's validity (at(-100 days) .. at(100 days)).
    assert_eq!(ok(-HOUR, Some(DAY), -100 * DAY), GOOD_ISSUER);
    assert_eq!(
        ok(-HOUR, Some(DAY), -100 * DAY - 1),
        Err(Error::ProducedOutsideCertificateValidity {
            produced_at: at(-100 * DAY - 1)
        })
    );
}

#[test]
fn zero_skew() {
    let pki = rsa();
    let zero = Policy {
        clock_skew: Duration::ZERO,
        ..Policy::default()
    };
    for (this, next, want) in [
        (0, Some(0), Ok(Status::Good)),
        (1, Some(DAY), Err(Error::NotYetValid { this_update: at(1) })),
        (
            -DAY,
            Some(-1),
            Err(Error::Expired {
                next_update: at(-1),
            }),
        ),
    ] {
        let der = with_times(&pki, this, next, this.min(0));
        let got = status_with(&pki, &der, zero).map(|(status, _)| status);
        assert_eq!(got, want, "thisUpdate {this}, nextUpdate {next:?}");
    }
}

#[test]
fn max_age_and_missing_next_update() {
    let pki = rsa();
    // Default: without nextUpdate, 10 days (+ skew) at most; cached until thisUpdate + 10 days.
    let seen = run(&pki, &with_times(&pki, -10 * DAY - SKEW, None, -11 * DAY)).unwrap();
    assert_eq!(seen.valid_until, NOW - SKEW);
    assert_eq!(
        status(
            &pki,
            &with_times(&pki, -10 * DAY - SKEW - 1, None, -11 * DAY)
        ),
        Err(Error::TooOld {
            this_update: at(-10 * DAY - SKEW - 1)
        })
    );
    // With nextUpdate the default caps the age at 10 days too; without a
    // max age, nextUpdate alone bounds it.
    let old = with_times(&pki, -90 * DAY, Some(DAY), -90 * DAY);
    assert_eq!(
        status(&pki, &old),
        Err(Error::TooOld {
            this_update: at(-90 * DAY)
        })
    );
    let no_max_age = Policy {
        max_age: None,
        ..Policy::default()
    };
    assert_eq!(status_with(&pki, &old, no_max_age), GOOD_ISSUER);
    // A max age applies to every response and bounds valid_until.
    let policy = Policy {
        max_age: Some(Duration::from_secs(2 * DAY as u64)),
        ..Policy::default()
    };
    let der = with_times(&pki, -2 * DAY - SKEW, Some(DAY), -3 * DAY);
    assert_eq!(
        Check {
            policy,
            ..Check::default()
        }
        .run(&pki, &der)
        .unwrap()
        .valid_until,
        NOW - SKEW
    );
    let der = with_times(&pki, -2 * DAY - SKEW - 1, Some(DAY), -3 * DAY);
    assert_eq!(
        status_with(&pki, &der, policy),
        Err(Error::TooOld {
            this_update: at(-2 * DAY - SKEW - 1)
        })
    );
    // RFC 5019 strictness.
    let strict = Policy {
        require_next_update: true,
        ..Policy::default()
    };
    let der = with_times(&pki, -HOUR, None, -HOUR);
    assert_eq!(
        status_with(&pki, &der, strict),
        Err(Error::MissingNextUpdate)
    );
    assert_eq!(status(&pki, &der), GOOD_ISSUER);
}
