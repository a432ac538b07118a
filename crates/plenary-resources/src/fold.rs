//! The words search sees, built on [`plenary_core::fold()`] (Unicode case folding,
//! normalisation and mark removal, for every script).

use plenary_core::fold;

/// `text` folded, with `&` read as `and`, every run of characters other than letters and digits
/// made one space and the ends trimmed: the form names are compared in.
pub(crate) fn fold_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(&text.replace('&', " and ")) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// The folded words of `text`: runs of letters and digits; an apostrophe inside a word is
/// dropped (`"don't"` → `dont`) and so is a possessive `'s` (`"Internet's"` → `internet`).
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let folded: Vec<char> = fold(text).chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        if c.is_alphanumeric() {
            word.push(c);
        } else if c == '\'' && !word.is_empty() {
            let next = folded.get(i + 1).copied();
            let after = folded.get(i + 2).copied();
            if next == Some('s') && !after.is_some_and(char::is_alphanumeric) {
                i += 1;
            }
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        i += 1;
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.into_iter()
}

/// The search term of a folded word: the word with a plural ending taken off, so that
/// `proposals` finds `proposal` and `policies` finds `policy`.
pub(crate) fn term(word: &str) -> String {
    let n = word.chars().count();
    if n > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..word.len() - 3]);
    }
    if n > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return word[..word.len() - 1].to_owned();
    }
    word.to_owned()
}

/// The search terms of `text`, in order, repeats kept.
pub(crate) fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(|w| term(&w))
}

/// An ASCII slug of `text` for an identifier: folded words, characters outside `a-z0-9`
/// dropped, joined by `-`, cut at a word boundary to at most `max` bytes.
pub(crate) fn ascii_slug(text: &str, max: usize) -> String {
    let mut slug = String::new();
    for word in words(text) {
        let word: String = word.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if word.is_empty() {
            continue;
        }
        let extra = word.len() + usize::from(!slug.is_empty());
        if slug.len() + extra > max {
            if slug.is_empty() {
                slug.push_str(&word[..max]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_script_compare_folded() {
        for (text, folded) in [
            ("Emma Llansó", "emma llanso"),
            ("Télécoms & RÉSEAUX", "telecoms and reseaux"),
            ("Straße", "strasse"),
            ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),
            ("Οδυσσεύς", "οδυσσευσ"),
            ("Министерство связи", "министерство связи"),
            (
                "Bộ Thông tin và Truyền thông",
                "bo thong tin va truyen thong",
            ),
            ("الاتِّحاد الدَّولي للاتِّصالات", "الاتحاد الدولي للاتصالات"),
        ] {
            assert_eq!(fold_words(text), folded, "{text}");
        }
    }

    #[test]
    fn words_and_terms() {
        for (text, expected) in [
            ("Net Neutrality", vec!["net", "neutrality"]),
            (
                "the ITUʼs basic treaty",
                vec!["the", "itu", "basic", "treaty"],
            ),
            (
                "Internet's Core: IXPs don't",
                vec!["internet", "core", "ixp", "dont"],
            ),
            (
                "Policy Analyses; policies",
                vec!["policy", "analyse", "policy"],
            ),
            (
                "access status analysis",
                vec!["access", "status", "analysis"],
            ),
            ("—  ", vec![]),
        ] {
            assert_eq!(terms(text).collect::<Vec<_>>(), expected, "{text}");
        }
        assert_eq!(fold_words("  Wiley Rein, LLP. "), "wiley rein llp");
        assert_eq!(
            fold_words("Democracy&Technology"),
            "democracy and technology"
        );
    }

    #[test]
    fn slugs() {
        for (text, max, slug) in [
            (
                "Tell the ITU: The internet belongs to us!",
                128,
                "tell-the-itu-the-internet-belongs-to-us",
            ),
            ("Télécoms et réseaux", 128, "telecoms-et-reseaux"),
            ("one two three", 9, "one-two"),
            ("abcdefghij", 4, "abcd"),
            ("Союз", 128, ""),
        ] {
            assert_eq!(ascii_slug(text, max), slug, "{text}");
        }
    }
}
