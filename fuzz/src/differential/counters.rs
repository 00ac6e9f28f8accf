//! How often each outcome and each known difference was seen, printed to
//! stderr so that a campaign shows what the differential actually compared.
//!
//! A known difference is printed the first time it is seen; the whole table
//! is printed whenever the number of inputs reaches a power of two (from
//! 1024 on), so the last table of a run is at most half a run old.

use std::sync::atomic::{AtomicU64, Ordering};

use super::known::KnownDifference;

/// An input on which the parsers agree.
#[derive(Debug, Clone, Copy)]
pub enum Outcome {
    /// Both accept, with equal fields, and the input is DER.
    BothAccept,
    /// Both refuse.
    BothRefuse,
}

const OUTCOMES: [Outcome; 2] = [Outcome::BothAccept, Outcome::BothRefuse];

static OUTCOME_COUNTS: [AtomicU64; OUTCOMES.len()] = [const { AtomicU64::new(0) }; 2];
static KNOWN_COUNTS: [AtomicU64; KnownDifference::ALL.len()] =
    [const { AtomicU64::new(0) }; KnownDifference::ALL.len()];
static INPUTS: AtomicU64 = AtomicU64::new(0);

/// Counts an agreement.
pub fn outcome(o: Outcome) {
    OUTCOME_COUNTS[o as usize].fetch_add(1, Ordering::Relaxed);
    input_done();
}

/// Counts a known difference.
pub fn known(d: KnownDifference) {
    if KNOWN_COUNTS[d as usize].fetch_add(1, Ordering::Relaxed) == 0 {
        eprintln!("differential: first known difference {d}");
    }
    input_done();
}

fn input_done() {
    let n = INPUTS.fetch_add(1, Ordering::Relaxed) + 1;
    if n >= 1024 && n.is_power_of_two() {
        eprintln!("differential: {n} inputs: {}", table());
    }
}

/// `BothAccept 12, BothRefuse 900, NotDer 40, ...` (zero counts left out).
fn table() -> String {
    let outcomes = OUTCOMES
        .iter()
        .map(|o| (format!("{o:?}"), &OUTCOME_COUNTS[*o as usize]));
    let known = KnownDifference::ALL
        .iter()
        .map(|d| (d.to_string(), &KNOWN_COUNTS[*d as usize]));
    outcomes
        .chain(known)
        .filter_map(|(name, count)| match count.load(Ordering::Relaxed) {
            0 => None,
            c => Some(format!("{name} {c}")),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
