//! Shared by the benches: timings outside criterion, for figures whose
//! ratio matters more than their absolute value (time per byte at two
//! sizes, a verify against its signature floor).

use std::time::{Duration, Instant};

/// Whether this is `cargo bench` (criterion's `--bench`), not a test run
/// (`cargo test --benches` runs every benchmark once).
pub fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Nanoseconds per call of `call`, run for at least `budget` (at least
/// once).
pub fn ns_per_call(call: &mut dyn FnMut(), budget: Duration) -> f64 {
    let start = Instant::now();
    let mut iterations = 0u32;
    loop {
        call();
        iterations += 1;
        if start.elapsed() >= budget {
            break;
        }
    }
    start.elapsed().as_nanos() as f64 / f64::from(iterations)
}

/// Nanoseconds per call of each of the named `calls`, measured
/// interleaved: `rounds` rounds, each timing every call in turn for
/// `budget`; each figure is the minimum over the rounds. Interleaving puts
/// every call under the same machine load, so their ratios hold on a shared
/// machine where two separately measured figures would drift apart.
pub fn interleaved_min(
    calls: &mut [(&str, &mut dyn FnMut())],
    rounds: usize,
    budget: Duration,
) -> Vec<f64> {
    let mut best = vec![f64::INFINITY; calls.len()];
    for _ in 0..rounds.max(1) {
        for ((_, call), best) in calls.iter_mut().zip(&mut best) {
            *best = best.min(ns_per_call(&mut **call, budget));
        }
    }
    best
}
