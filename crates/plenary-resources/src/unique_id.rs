//! Resource ids made from titles, unique within one import.

use std::collections::{HashMap, HashSet};

use plenary_core::{MAX_ID_LEN, ResourceId};

use crate::Error;
use crate::fold::ascii_slug;

/// Hands out ids made of a prefix and a slug of a title, with `-2`, `-3`, … after a slug that
/// is taken.
///
/// The next suffix to try is kept per slug, so a title that comes 40,000 times costs 40,000
/// steps, not the 800 million of probing `-2`, `-3`, … from the start each time.
#[derive(Debug, Default)]
pub(crate) struct UniqueIds {
    taken: HashSet<String>,
    next_suffix: HashMap<String, u64>,
}

impl UniqueIds {
    /// A new id for `title`, after `prefix`.
    pub(crate) fn make(&mut self, prefix: &str, title: &str) -> Result<ResourceId, Error> {
        // Four bytes are kept free so that most suffixes fit without shortening the slug.
        let room = MAX_ID_LEN.saturating_sub(prefix.len() + 4).max(1);
        let mut slug = ascii_slug(title, room);
        if slug.is_empty() {
            slug = "resource".into();
        }
        let base = format!("{prefix}{slug}");
        let id = if self.taken.contains(&base) {
            let next = self.next_suffix.entry(base.clone()).or_insert(2);
            loop {
                let candidate = with_suffix(&base, *next);
                *next += 1;
                if !self.taken.contains(&candidate) {
                    break candidate;
                }
            }
        } else {
            base
        };
        let id = ResourceId::new(id)?;
        self.taken.insert(id.to_string());
        Ok(id)
    }
}

/// `base-n`, with `base` shortened when the whole would be longer than an id may be.
fn with_suffix(base: &str, n: u64) -> String {
    let suffix = format!("-{n}");
    let mut cut = base.len().min(MAX_ID_LEN.saturating_sub(suffix.len()));
    while !base.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{suffix}", &base[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_slugs_get_the_next_free_suffix() {
        let mut ids = UniqueIds::default();
        let mut id = |t: &str| ids.make("wcit-12/", t).unwrap().to_string();
        assert_eq!(id("ITU: Key Messages"), "wcit-12/itu-key-messages");
        assert_eq!(id("ITU key messages!"), "wcit-12/itu-key-messages-2");
        assert_eq!(id("ITU key messages 3"), "wcit-12/itu-key-messages-3");
        assert_eq!(id("ITU key messages"), "wcit-12/itu-key-messages-4");
        assert_eq!(id("!!!"), "wcit-12/resource");
        assert_eq!(id("???"), "wcit-12/resource-2");
        assert!(id(&"word ".repeat(100)).len() <= MAX_ID_LEN);
    }

    #[test]
    fn hostile_04_a_title_repeated_40000_times_gets_40000_ids_in_linear_time() {
        let mut ids = UniqueIds::default();
        let mut last = String::new();
        for _ in 0..40_000 {
            last = ids.make("", "Same Title").unwrap().to_string();
        }
        assert_eq!(last, "same-title-40000");
        // Each copy tried one candidate: the counter, not a probe from -2, found the free id.
        assert_eq!(ids.next_suffix["same-title"], 40_001);
        assert_eq!(ids.taken.len(), 40_000);
    }

    #[test]
    fn long_slugs_are_shortened_to_make_room_for_long_suffixes() {
        let mut ids = UniqueIds::default();
        let title = "x".repeat(300);
        let mut made = HashSet::new();
        for _ in 0..12_000 {
            let id = ids.make("p/", &title).unwrap().to_string();
            assert!(id.len() <= MAX_ID_LEN, "{id}");
            assert!(made.insert(id));
        }
    }
}
