//! The compact set of unique signers behind a [`Tally`](crate::Tally).
//!
//! A tally over millions of signatures must not keep millions of email strings. Each signer is
//! one 24-byte slot: a 64-bit fingerprint of the canonical email, the winning signature's time in
//! nanoseconds since the Unix epoch, and its line number and country index packed in one word.
//! Slots live in open-addressing tables with linear probing, kept at most 80 % full and grown by
//! half, so a table holds 24 / 0.8 = 30 to 24 / 0.533 = 45 bytes per signer once it has more than
//! a few hundred. (A table sized ahead from an estimate, by [`SignerTable::reserve`], may hold
//! more: the batching layer keeps its estimate to at most 48.) The signers are split over [`PARTS`] tables by the fingerprint's top bits, so
//! that threads can each build their own parts,
//! and a table being filled from a batch of signatures is a 64th of the whole, which stays in a
//! core's cache up to a few million signers.
//!
//! Fingerprints are XXH3-64 with a fixed seed (the same in every tally, on every platform, so
//! tallies merge). Two different canonical emails collide with probability about 2⁻⁶⁴ per pair:
//! among ten million signers the chance that any two collide is about 3 × 10⁻⁶, and a collision
//! merges two signers into one. The seed is public, so someone who wanted to could craft two
//! addresses that collide; that would cost one of their own signatures, never someone else's
//! count (and the same would hold of any keyed hash whose key is published, as a tally's must
//! be for tallies to merge).

/// How many bits of a fingerprint choose its part.
const PART_BITS: u32 = 6;

/// How many independent tables the signers are split over.
pub(crate) const PARTS: usize = 1 << PART_BITS;

/// The part that holds the signer with fingerprint `key`: its top bits.
pub(crate) fn part_of(key: u64) -> usize {
    (key >> (64 - PART_BITS)) as usize
}

const EMPTY: u64 = 0;

/// How many home slots [`Shard::absorb`] reads ahead of inserting.
const TOUCH_AHEAD: usize = 16;
const SMALLEST: usize = 16;

/// The 64-bit fingerprint of a canonical email; never 0, which marks an empty slot.
pub(crate) fn fingerprint(canonical: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(canonical, 0x706c_656e_6172_7921).max(1)
}

/// One signer: the earliest signature seen for a fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    /// The fingerprint, or [`EMPTY`].
    pub(crate) key: u64,
    /// When the winning signature was made, in nanoseconds since 1970-01-01T00:00:00Z.
    pub(crate) time: i64,
    /// The winning signature's line number (high 56 bits) and country index (low 8 bits).
    pub(crate) order: u64,
}

impl Slot {
    /// Packs a line number (its low 56 bits) and a country index into an order word.
    pub(crate) fn order(line: u64, country: u8) -> u64 {
        (line << 8) | u64::from(country)
    }

    /// The country index of the winning signature.
    pub(crate) fn country(&self) -> u8 {
        (self.order & 0xff) as u8
    }

    /// Whether this signature wins over `other` for the same signer: earlier time, then earlier
    /// line.
    fn beats(&self, other: &Slot) -> bool {
        (self.time, self.order >> 8) < (other.time, other.order >> 8)
    }
}

/// Whether a signature was new or repeated a signer already seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seen {
    /// A signer not seen before.
    New,
    /// A signer seen before (whichever signature wins).
    Again,
}

/// One shard of a [`SignerTable`]: an open-addressing table of the signers whose keys
/// [`part_of`] sends here.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shard {
    slots: Vec<Slot>,
    len: usize,
}

impl Shard {
    /// Records one signature; the slot's key must belong to this part.
    pub(crate) fn insert(&mut self, new: Slot) -> Seen {
        if self.slots.is_empty() {
            self.grow();
        }
        let cap = self.slots.len();
        let mut i = home(new.key, cap);
        loop {
            let slot = &mut self.slots[i];
            if slot.key == EMPTY {
                // Only a new signer can make the table grow, never a repeat.
                if (self.len + 1) * 5 > cap * 4 {
                    self.grow();
                    return self.insert(new);
                }
                *slot = new;
                self.len += 1;
                return Seen::New;
            }
            if slot.key == new.key {
                if new.beats(slot) {
                    *slot = new;
                }
                return Seen::Again;
            }
            i += 1;
            if i == cap {
                i = 0;
            }
        }
    }

    /// Makes room for `signers` signers in all, as full as a table is kept, so that the table
    /// does not grow again until it holds more.
    pub(crate) fn reserve(&mut self, signers: usize) {
        let cap = signers.saturating_mul(5) / 4 + 1;
        if cap > self.slots.len() {
            self.rehash(cap);
        }
    }

    fn grow(&mut self) {
        self.rehash((self.slots.len() + self.slots.len() / 2).max(SMALLEST));
    }

    /// Makes the table `cap` slots long (at least as long as it is) and moves every signer to
    /// its place in it.
    ///
    /// The table grows where it is (`realloc`: the allocator keeps the old pages and adds new
    /// ones) and the signers move within it, so a growth costs only the pages it adds; a new
    /// table beside the old one cost fresh pages for the whole of it, and on some machines
    /// the system's zeroing of fresh pages took more time than the tally itself.
    ///
    /// Moving in place: a slot that still holds a signer not yet moved (waiting) counts as free
    /// to whoever is placed; the one placed there takes its slot and carries the waiting
    /// signer on to the waiting signer's own place. A signer that has been placed is only
    /// ever passed over on the way to a free or waiting slot, and a placed slot never empties,
    /// so every placed signer's probe run stays unbroken; a waiting slot is emptied when its
    /// signer is taken out, which breaks no run, since no run passes over a waiting slot.
    fn rehash(&mut self, cap: usize) {
        let empty = Slot {
            key: EMPTY,
            time: 0,
            order: 0,
        };
        let old_cap = self.slots.len();
        let cap = cap.max(old_cap);
        self.slots.reserve_exact(cap - old_cap);
        self.slots.resize(cap, empty);
        if self.len == 0 || cap == old_cap {
            return;
        }
        let mut waiting = vec![0_u64; old_cap.div_ceil(64)];
        for (i, slot) in self.slots[..old_cap].iter().enumerate() {
            if slot.key != EMPTY {
                waiting[i / 64] |= 1 << (i % 64);
            }
        }
        let is_waiting =
            |waiting: &[u64], j: usize| j < old_cap && waiting[j / 64] & (1 << (j % 64)) != 0;
        for i in 0..old_cap {
            if !is_waiting(&waiting, i) {
                continue;
            }
            waiting[i / 64] &= !(1 << (i % 64));
            let mut moving = std::mem::replace(&mut self.slots[i], empty);
            loop {
                let mut j = home(moving.key, cap);
                while self.slots[j].key != EMPTY && !is_waiting(&waiting, j) {
                    j += 1;
                    if j == cap {
                        j = 0;
                    }
                }
                if self.slots[j].key == EMPTY {
                    self.slots[j] = moving;
                    break;
                }
                // A waiting signer: take its slot and carry it on.
                waiting[j / 64] &= !(1 << (j % 64));
                moving = std::mem::replace(&mut self.slots[j], moving);
            }
        }
    }

    /// Records a batch of signatures, whose line numbers are `first_line` more than their
    /// slots say: a thread that read them numbered its lines from 0. (Line numbers keep 56
    /// bits, as in [`Slot::order`].)
    ///
    /// The table grows as signers come, never ahead of them: a batch may be all repeats.
    ///
    /// Returns how many of them were signers not seen before.
    pub(crate) fn absorb(&mut self, batch: &[Slot], first_line: u64) -> usize {
        let before = self.len;
        for group in batch.chunks(TOUCH_AHEAD) {
            // The table is bigger than a core's nearest caches: read the home slots of a group
            // of signatures first, loads that do not wait for one another, so that their cache
            // lines arrive together rather than one miss after another as they are inserted.
            let cap = self.slots.len();
            if cap > 0 {
                let mut homes = [EMPTY; TOUCH_AHEAD];
                for (home_key, slot) in homes.iter_mut().zip(group) {
                    *home_key = self.slots[home(slot.key, cap)].key;
                }
                std::hint::black_box(homes);
            }
            for &slot in group {
                self.insert(Slot {
                    order: slot.order.wrapping_add(first_line << 8),
                    ..slot
                });
            }
        }
        self.len - before
    }

    fn merge(&mut self, other: Shard) -> u64 {
        // No room is made ahead: the other part's signers may all be here already.
        let mut again = 0;
        for slot in other.slots.into_iter().filter(|s| s.key != EMPTY) {
            if self.insert(slot) == Seen::Again {
                again += 1;
            }
        }
        again
    }
}

/// The signers in some parts, in no particular order.
pub(crate) fn slots(parts: &[Shard]) -> impl Iterator<Item = &Slot> + '_ {
    parts
        .iter()
        .flat_map(|p| p.slots.iter())
        .filter(|s| s.key != EMPTY)
}

/// The home slot of a key in a table of `cap` slots: the key's low bits scaled to the capacity,
/// which works for capacities that are not powers of two.
fn home(key: u64, cap: usize) -> usize {
    // The top bits chose the part; the low 32 bits are independent of them.
    ((u64::from(key as u32) * cap as u64) >> 32) as usize
}

/// The unique signers of a tally, split over [`PARTS`] tables.
#[derive(Debug, Clone)]
pub(crate) struct SignerTable {
    parts: Vec<Shard>,
}

impl Default for SignerTable {
    fn default() -> Self {
        Self {
            parts: vec![Shard::default(); PARTS],
        }
    }
}

impl SignerTable {
    /// Records a signature of the signer with fingerprint `key`.
    pub(crate) fn insert(&mut self, key: u64, time: i64, line: u64, country: u8) -> Seen {
        self.parts[part_of(key)].insert(Slot {
            key,
            time,
            order: Slot::order(line, country),
        })
    }

    /// Makes room for about `signers` signers in all, spread over the parts as fingerprints
    /// spread them: evenly.
    pub(crate) fn reserve(&mut self, signers: usize) {
        for part in &mut self.parts {
            part.reserve(signers / PARTS);
        }
    }

    /// How many unique signers there are.
    pub(crate) fn len(&self) -> usize {
        self.parts.iter().map(|p| p.len).sum()
    }

    /// The bytes the tables hold on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.parts
            .iter()
            .map(|p| p.slots.capacity() * std::mem::size_of::<Slot>())
            .sum::<usize>()
            + self.parts.capacity() * std::mem::size_of::<Shard>()
    }

    /// How many of `threads` [`SignerTable::passes`] uses: a thread is worth starting for tens
    /// of thousands of signers, not for a few.
    pub(crate) fn pass_threads(&self, threads: usize) -> usize {
        threads.max(1).min(self.len() / (1 << 15) + 1)
    }

    /// Runs `pass` over the signers on up to `threads` threads, each given a run of the parts
    /// (see [`slots`]); returns each run's result.
    pub(crate) fn passes<R: Send>(
        &self,
        threads: usize,
        pass: impl Fn(&[Shard]) -> R + Sync,
    ) -> Vec<R> {
        let threads = self.pass_threads(threads);
        let runs: Vec<&[Shard]> = self.parts.chunks(PARTS.div_ceil(threads)).collect();
        crate::thread_pool::on_threads(runs, threads, pass)
    }

    /// Adds the signers of `other`; returns how many of them were already here.
    pub(crate) fn merge(&mut self, other: SignerTable) -> u64 {
        self.parts
            .iter_mut()
            .zip(other.parts)
            .map(|(mine, theirs)| mine.merge(theirs))
            .sum()
    }

    /// Every signer, ordered by fingerprint: two tables hold the same signers exactly when these
    /// are equal.
    #[cfg(test)]
    pub(crate) fn sorted_slots(&self) -> Vec<Slot> {
        let mut all: Vec<Slot> = slots(&self.parts).copied().collect();
        all.sort_unstable_by_key(|s| s.key);
        all
    }

    /// The parts, [`PARTS`] of them, the signer with fingerprint `key` being in
    /// [`part_of`]`(key)`.
    pub(crate) fn parts_mut(&mut self) -> &mut [Shard] {
        &mut self.parts
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// However crowded and however wrapped round the end its probe runs are, a table that
        /// grows in place still finds every signer, with the slot it won.
        #[test]
        fn a_table_grown_in_place_finds_every_signer(
            keys in prop::collection::vec((1_u64..u64::MAX, 0_u32..8), 1..600),
        ) {
            let mut shard = Shard::default();
            let mut expected = std::collections::BTreeMap::new();
            for (n, &(key, crowd)) in keys.iter().enumerate() {
                // Some keys share their low bits (one home), some sit at the very end (their
                // runs wrap round to the start).
                let key = match crowd {
                    0 => key | 0xffff_ffff,
                    1 => (key & !0xffff_ffff) | 7,
                    _ => key,
                };
                let slot = Slot { key, time: (n % 7) as i64, order: Slot::order(n as u64, 1) };
                let new = shard.insert(slot);
                let before = expected.get(&key).copied();
                prop_assert_eq!(new == Seen::New, before.is_none());
                if before.is_none_or(|b: Slot| slot.beats(&b)) {
                    expected.insert(key, slot);
                }
            }
            prop_assert_eq!(shard.len, expected.len());
            let mut held: Vec<Slot> = shard.slots.iter().copied().filter(|s| s.key != EMPTY).collect();
            held.sort_unstable_by_key(|s| s.key);
            prop_assert_eq!(held, expected.values().copied().collect::<Vec<_>>());
            for (&key, &slot) in &expected {
                let again = Slot { key, time: i64::MAX, order: u64::MAX };
                prop_assert_eq!(shard.insert(again), Seen::Again);
                prop_assert_eq!(shard.len, expected.len());
                let found = shard.slots.iter().find(|s| s.key == key).copied();
                prop_assert_eq!(found, Some(slot));
            }
        }
    }

    #[test]
    fn earliest_time_wins_then_earliest_line() {
        let mut table = SignerTable::default();
        let key = fingerprint(b"ana@example.org");
        assert_eq!(table.insert(key, 50, 3, 1), Seen::New);
        assert_eq!(table.insert(key, 60, 1, 2), Seen::Again);
        assert_eq!(table.insert(key, 40, 9, 3), Seen::Again);
        assert_eq!(table.insert(key, 40, 7, 4), Seen::Again);
        assert_eq!(table.insert(key, 40, 8, 5), Seen::Again);
        let slots: Vec<&Slot> = slots(&table.parts).collect();
        assert_eq!(slots.len(), 1);
        assert_eq!(
            (slots[0].time, slots[0].order >> 8, slots[0].country()),
            (40, 7, 4)
        );
    }

    #[test]
    fn at_most_48_bytes_per_signer() {
        let mut table = SignerTable::default();
        for i in 0..200_000_u64 {
            let key = fingerprint(&i.to_le_bytes());
            assert_eq!(table.insert(key, 0, i, 0), Seen::New);
            let len = table.len();
            if len >= 20_000 {
                let per_signer = table.heap_bytes() as f64 / len as f64;
                assert!(per_signer <= 48.0, "{per_signer} bytes per signer at {len}");
            }
        }
        assert_eq!(table.len(), 200_000);
    }

    #[test]
    fn merged_tables_stay_within_48_bytes_per_signer() {
        for overlap in [0_u64, 50_000, 100_000] {
            let (mut a, mut b) = (SignerTable::default(), SignerTable::default());
            for i in 0..100_000_u64 {
                a.insert(fingerprint(&i.to_le_bytes()), 0, i, 0);
                let j = i + 100_000 - overlap;
                b.insert(fingerprint(&j.to_le_bytes()), 0, j, 0);
            }
            let mut merged = b;
            assert_eq!(merged.merge(a), overlap);
            assert_eq!(merged.len() as u64, 200_000 - overlap);
            let per_signer = merged.heap_bytes() as f64 / merged.len() as f64;
            assert!(
                per_signer <= 48.0,
                "{per_signer} bytes per signer, overlap {overlap}"
            );
        }
    }

    #[test]
    fn batches_of_repeats_do_not_grow_the_table() {
        let mut part = Shard::default();
        let slot = |i: u64| Slot {
            key: fingerprint(&i.to_le_bytes()) | 1,
            time: 0,
            order: 0,
        };
        let mut signers: Vec<Slot> = (0..10_000).map(slot).collect();
        part.absorb(&signers, 0);
        // Fill the table to the brim: one more signer would grow it.
        while (part.len + 1) * 5 <= part.slots.len() * 4 {
            signers.push(slot(signers.len() as u64));
            part.absorb(&signers[signers.len() - 1..], 0);
        }
        let capacity = part.slots.len();
        for round in 0..1000 {
            part.absorb(&signers[..100], round);
        }
        assert_eq!(part.slots.len(), capacity, "a repeat made the table grow");
        assert!(Shard::default().slots.is_empty());
        let mut empty = Shard::default();
        empty.absorb(&[], 1);
        assert!(empty.slots.is_empty(), "an empty batch allocated");
    }

    #[test]
    fn fingerprints_are_never_empty_and_differ() {
        assert_ne!(fingerprint(b""), EMPTY);
        assert_ne!(fingerprint(b"a@b.org"), fingerprint(b"b@a.org"));
    }
}
