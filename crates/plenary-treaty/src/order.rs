//! The number order of labels and margin numbers: where an inserted provision goes.
//!
//! ITU numbers an inserted provision after the one it follows: `12A`, `12B` after margin
//! number `12`; `3.1bis`, `3.1ter` after provision `3.1`; `bbis)` after `b)`. [`OrderKey`]
//! turns such a number into something that sorts that way.

/// The suffixes ITU adds to a number for an inserted provision, in their order.
const SUFFIXES: [&str; 9] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
];

/// The longest number a component may hold, to keep keys small and never overflow.
const MAX_DIGITS: usize = 6;

/// One part of a number: its value and its insertion rank (`0` for the number itself, `1` for
/// `A` or `bis`, `2` for `B` or `ter`, …).
type Component = (u32, u32);

/// The place of a number in number order; compares component by component, so `3.1` <
/// `3.1.1` < `3.1bis` < `3.2` and `12` < `12A` < `12B` < `13`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct OrderKey(Vec<Component>);

impl OrderKey {
    /// The key of a label or margin number (`12A`, `3.1bis`, `2.`, `b)`, `bbis)`, `iv)`), or
    /// `None` when it is not a number ITU orders. `roman` says whether lone `i`, `v` and `x`
    /// are roman numerals in this list.
    pub(crate) fn of(label: &str, roman: bool) -> Option<OrderKey> {
        let core = label
            .trim()
            .trim_start_matches('(')
            .trim_end_matches([')', '.']);
        if core.is_empty() {
            return None;
        }
        let mut parts = Vec::with_capacity(2);
        for part in core.split('.') {
            parts.push(component(part, roman)?);
        }
        Some(OrderKey(parts))
    }
}

/// Whether the labels of a list are roman numerals: some label is a roman numeral of two or
/// more letters (`ii)`, `iv)`), so that a lone `i)` or `v)` there is one too.
pub(crate) fn roman_list<'a>(labels: impl IntoIterator<Item = &'a str>) -> bool {
    labels.into_iter().any(|label| {
        let core = label.trim_end_matches([')', '.']);
        core.len() > 1 && core.bytes().all(is_roman_byte)
    })
}

fn is_roman_byte(b: u8) -> bool {
    matches!(b, b'i' | b'v' | b'x' | b'l' | b'c' | b'd' | b'm')
}

fn component(part: &str, roman: bool) -> Option<Component> {
    let bytes = part.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 {
        if digits > MAX_DIGITS {
            return None;
        }
        let value: u32 = part[..digits].parse().ok()?;
        return Some((value, rank(&part[digits..], true)?));
    }
    let first = *bytes.first()?;
    if !first.is_ascii_lowercase() {
        return None;
    }
    // A roman numeral (`iv`), or one letter with an optional suffix (`b`, `bbis`).
    if let Some(value) = roman_value(part).filter(|_| roman || part.len() > 1) {
        return Some((value, 0));
    }
    Some((u32::from(first - b'a') + 1, rank(&part[1..], false)?))
}

/// The insertion rank of the suffix after a number: none, `A`…`Z` (after digits only), or one
/// of the Latin suffixes.
fn rank(suffix: &str, capitals: bool) -> Option<u32> {
    if suffix.is_empty() {
        return Some(0);
    }
    if let Some(position) = SUFFIXES.iter().position(|s| *s == suffix) {
        return u32::try_from(position + 1).ok();
    }
    let bytes = suffix.as_bytes();
    if capitals && bytes.len() == 1 && bytes[0].is_ascii_uppercase() {
        return Some(u32::from(bytes[0] - b'A') + 1);
    }
    None
}

/// The value of a lowercase roman numeral up to `mmm…`, or `None`.
fn roman_value(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 12 || !text.bytes().all(is_roman_byte) {
        return None;
    }
    let value = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        b'x' => 10,
        b'l' => 50,
        b'c' => 100,
        b'd' => 500,
        _ => 1000,
    };
    let bytes = text.as_bytes();
    let mut total = 0i64;
    for (i, b) in bytes.iter().enumerate() {
        let v = value(*b);
        match bytes.get(i + 1) {
            Some(next) if value(*next) > v => total -= v,
            _ => total += v,
        }
    }
    // `iiv` and the like read as something; only well-formed numerals are numbers.
    let total = u32::try_from(total).ok()?;
    (to_roman(total) == text).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, letters) in [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(label: &str) -> Option<OrderKey> {
        OrderKey::of(label, false)
    }

    #[test]
    fn numbers_sort_as_itu_inserts_them() {
        let sorted = [
            "1", "2", "3", "3.1", "3.1.1", "3.1bis", "3.1ter", "3.2", "12", "12A", "12B", "13",
            "62", "62bis", "62ter", "62quater", "117", "117C",
        ];
        for pair in sorted.windows(2) {
            assert!(key(pair[0]) < key(pair[1]), "{} < {}", pair[0], pair[1]);
        }
    }

    #[test]
    fn labels_table() {
        for (label, roman, expected) in [
            ("12A", false, Some(vec![(12, 1)])),
            ("2.", false, Some(vec![(2, 0)])),
            ("1)", false, Some(vec![(1, 0)])),
            ("(3)", false, Some(vec![(3, 0)])),
            ("a)", false, Some(vec![(1, 0)])),
            ("bbis)", false, Some(vec![(2, 1)])),
            ("i)", false, Some(vec![(9, 0)])),
            ("i)", true, Some(vec![(1, 0)])),
            ("iv)", false, Some(vec![(4, 0)])),
            ("3.1quinquies", false, Some(vec![(3, 0), (1, 4)])),
            ("3.1x", false, None),
            ("1234567", false, None),
            ("", false, None),
            ("A", false, None),
            ("#2", false, None),
        ] {
            assert_eq!(
                OrderKey::of(label, roman),
                expected.map(OrderKey),
                "{label}"
            );
        }
    }

    #[test]
    fn roman_lists_are_told_by_a_numeral_of_two_letters() {
        assert!(roman_list(["i)", "ii)"]));
        assert!(!roman_list(["h)", "i)"]));
        assert!(!roman_list(["a)", "bbis)"]));
    }

    #[test]
    fn bad_roman_numerals_are_letters_or_nothing() {
        assert_eq!(roman_value("iiv"), None);
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(key("iiv)"), None);
    }
}
