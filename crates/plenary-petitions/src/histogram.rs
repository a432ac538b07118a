//! Unique signers per period of a fixed width, counted in passes over the signer table.

use std::collections::BTreeMap;

use crate::signer_table::{SignerTable, slots};

/// Unique signers per period of a fixed width, counted in one pass over the signers: in an array
/// when the periods span at most [`Histogram::DENSE`] of them (119 years of hours) and not many
/// more than there are signers, else in a map.
pub(crate) enum Histogram {
    /// Counts of the periods `first`, `first + 1`, ….
    Dense { first: i64, counts: Vec<u64> },
    /// Counts of the periods that have signers.
    Sparse(BTreeMap<i64, u64>),
}

impl Histogram {
    const DENSE: i64 = 1 << 20;

    pub(crate) fn of(signers: &SignerTable, width: i64, threads: usize) -> Self {
        let runs = signers.passes(threads, |parts| {
            slots(parts).fold((i64::MAX, i64::MIN), |(earliest, latest), slot| {
                (earliest.min(slot.time), latest.max(slot.time))
            })
        });
        let (earliest, latest) = runs
            .into_iter()
            .fold((i64::MAX, i64::MIN), |(e, l), (run_e, run_l)| {
                (e.min(run_e), l.max(run_l))
            });
        if earliest > latest {
            return Self::Sparse(BTreeMap::new());
        }
        let first = earliest.div_euclid(width);
        let span = latest.div_euclid(width) - first + 1;
        // Each thread counts in an array of its own: keep the arrays to about as many entries
        // as the thread has signers, so that a few far-flung signatures cost no megabytes.
        let per_thread = signers.len() / signers.pass_threads(threads);
        if span <= Self::DENSE.min(per_thread.max(4096) as i64) {
            let runs = signers.passes(threads, |parts| {
                let mut counts = vec![0; span as usize];
                for slot in slots(parts) {
                    counts[(slot.time.div_euclid(width) - first) as usize] += 1;
                }
                counts
            });
            let mut runs = runs.into_iter();
            let mut counts = runs.next().unwrap_or_default();
            for run in runs {
                for (total, count) in counts.iter_mut().zip(run) {
                    *total += count;
                }
            }
            Self::Dense { first, counts }
        } else {
            let mut counts: BTreeMap<i64, u64> = BTreeMap::new();
            for run in signers.passes(threads, |parts| {
                let mut counts: BTreeMap<i64, u64> = BTreeMap::new();
                for slot in slots(parts) {
                    *counts.entry(slot.time.div_euclid(width)).or_default() += 1;
                }
                counts
            }) {
                for (period, count) in run {
                    *counts.entry(period).or_default() += count;
                }
            }
            Self::Sparse(counts)
        }
    }

    /// The periods that have signers and their counts, in time order.
    pub(crate) fn counts(&self) -> Box<dyn Iterator<Item = (i64, u64)> + '_> {
        match self {
            Self::Dense { first, counts } => Box::new(
                (*first..)
                    .zip(counts.iter().copied())
                    .filter(|&(_, count)| count > 0),
            ),
            Self::Sparse(counts) => {
                Box::new(counts.iter().map(|(&period, &count)| (period, count)))
            }
        }
    }

    /// A lookup from the given periods to their positions in the list.
    pub(crate) fn index(&self, periods: impl Iterator<Item = i64>) -> PeriodIndex {
        match self {
            Self::Dense { first, counts } => {
                let mut positions = vec![u32::MAX; counts.len()];
                for (i, period) in periods.enumerate() {
                    positions[(period - first) as usize] = i as u32;
                }
                PeriodIndex::Dense {
                    first: *first,
                    positions,
                }
            }
            Self::Sparse(_) => {
                PeriodIndex::Sparse(periods.enumerate().map(|(i, p)| (p, i)).collect())
            }
        }
    }
}

/// Where some periods of a [`Histogram`] are in a list of them.
pub(crate) enum PeriodIndex {
    Dense { first: i64, positions: Vec<u32> },
    Sparse(BTreeMap<i64, usize>),
}

impl PeriodIndex {
    pub(crate) fn get(&self, period: i64) -> Option<usize> {
        match self {
            Self::Dense { first, positions } => positions
                .get(usize::try_from(period - first).ok()?)
                .filter(|&&i| i != u32::MAX)
                .map(|&i| i as usize),
            Self::Sparse(positions) => positions.get(&period).copied(),
        }
    }
}
