//! The kinds of line in a resource listing: a `Title - Author` entry, a broken entry and why, a
//! section heading, a line of prose.

/// The longest author part of a `Title - Author` line, in characters.
const MAX_AUTHOR_CHARS: usize = 200;
/// The most words in one name of the author part (names are separated by `, `).
const MAX_AUTHOR_WORDS: usize = 8;
/// The longest section heading, in characters.
const MAX_HEADING_CHARS: usize = 60;
/// The most words in a section heading.
const MAX_HEADING_WORDS: usize = 6;

/// What a line is as a `Title - Author` line.
#[derive(Debug, PartialEq)]
pub(crate) enum EntryLine<'a> {
    /// A title and an author part that keeps the rules.
    Entry(&'a str, &'a str),
    /// A line with a dash that is not a good entry, and why.
    Broken(String),
    /// A line without a dash between words.
    NotEntry,
}

/// The dashes that separate a title from its authors, between spaces.
const DASHES: [&str; 3] = [" - ", " \u{2013} ", " \u{2014} "];

/// Splits `Title - Author` at the last dash between spaces, when the author part is short
/// enough to be a list of names, each starting with a capital, and does not end like a sentence.
pub(crate) fn split_entry(line: &str) -> EntryLine<'_> {
    let Some((cut, dash)) = DASHES
        .iter()
        .filter_map(|d| line.rfind(d).map(|at| (at, d.len())))
        .max_by_key(|(at, _)| *at)
    else {
        return match half_spaced_dash(line) {
            Some(at) => EntryLine::Broken(half_spaced_reason(at)),
            None => EntryLine::NotEntry,
        };
    };
    let title = line[..cut].trim();
    let after = &line[cut + dash..];
    let author = after.trim();
    if let Some(at) = half_spaced_dash(author) {
        let start = cut + dash + after.len() - after.trim_start().len();
        return EntryLine::Broken(half_spaced_reason(start + at));
    }
    match author_problem(title, author) {
        Some(reason) => EntryLine::Broken(reason),
        None => EntryLine::Entry(title, author),
    }
}

/// Why `title` and `author` do not make an entry, if they do not.
fn author_problem(title: &str, author: &str) -> Option<String> {
    if title.is_empty() {
        return Some("there is no title before the dash".into());
    }
    if author.is_empty() {
        return Some("there is no author after the dash".into());
    }
    let chars = author.chars().count();
    if chars > MAX_AUTHOR_CHARS {
        return Some(format!(
            "the author part is {chars} characters long, more than {MAX_AUTHOR_CHARS}"
        ));
    }
    for name in author.split(", ") {
        let words = name.split_whitespace().count();
        if words > MAX_AUTHOR_WORDS {
            return Some(format!(
                "the author name {name:?} has {words} words, more than {MAX_AUTHOR_WORDS}"
            ));
        }
        if !name
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        {
            return Some(format!(
                "the author name {name:?} does not start with a capital letter or digit"
            ));
        }
    }
    if !author.chars().any(char::is_alphabetic) {
        return Some(format!("the author part {author:?} has no letter"));
    }
    if let Some(end) = author
        .chars()
        .last()
        .filter(|c| ['.', '!', '?', ',', ';', ':'].contains(c))
    {
        return Some(format!(
            "the author part {author:?} ends with {end:?} like a sentence"
        ));
    }
    None
}

fn half_spaced_reason(at: usize) -> String {
    format!(
        "the dash at byte {at} has a space on one side only; expected a space on both sides of \
         the dash before the author"
    )
}

/// The byte offset of a dash with a space on one side only (`Title -Access Now`, `Title- Access
/// Now`, `Title -`), which makes a line no entry and no heading.
fn half_spaced_dash(line: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    chars.iter().enumerate().find_map(|(i, &(at, c))| {
        if !matches!(c, '-' | '\u{2013}' | '\u{2014}') {
            return None;
        }
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + 1).map(|&(_, c)| c);
        let space_before = before.is_some_and(char::is_whitespace);
        let space_after = after.is_some_and(char::is_whitespace);
        (space_before != space_after).then_some(at)
    })
}

pub(crate) fn ends_like_a_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}'])
        .ends_with(['.', '!', '?', '\u{2026}'])
}

pub(crate) fn is_heading(line: &str) -> bool {
    line.chars().count() <= MAX_HEADING_CHARS
        && line.split_whitespace().count() <= MAX_HEADING_WORDS
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !line.ends_with(['.', '!', '?', ',', ';', ':', '"'])
        && !DASHES.iter().any(|d| line.contains(d))
        && half_spaced_dash(line).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_lines() {
        for (line, expected) in [
            (
                "Talking Points - Access Now",
                Some(("Talking Points", "Access Now")),
            ),
            (
                "Tell the ITU: The internet belongs to us! - Access Now",
                Some(("Tell the ITU: The internet belongs to us!", "Access Now")),
            ),
            (
                "ITU - a view - from afar - Patrick S. Ryan",
                Some(("ITU - a view - from afar", "Patrick S. Ryan")),
            ),
            (
                "A title \u{2013} Internet Society",
                Some(("A title", "Internet Society")),
            ),
            (
                "Civil society will be the player in a debate that dominated tech news - whether the ITU will be given the power to regulate the internet.",
                None,
            ),
            (
                "The internet belongs to all of us - not to governments, and certainly not to the ITU. We call",
                None,
            ),
            ("Policy Analyses", None),
            (" - Access Now", None),
            ("A title - ", None),
            ("A title - 2012", None),
        ] {
            let got = match split_entry(line.trim()) {
                EntryLine::Entry(title, author) => Some((title, author)),
                EntryLine::Broken(_) | EntryLine::NotEntry => None,
            };
            assert_eq!(got, expected, "{line}");
        }
    }

    #[test]
    fn headings() {
        for (line, heading) in [
            ("Policy Analyses", true),
            ("Advocacy Resources", true),
            ("Multimedia", true),
            ("Coming soon.", false),
            ("lower case words", false),
            (
                "Input into the WCIT process has been dominated by member states",
                false,
            ),
        ] {
            assert_eq!(is_heading(line), heading, "{line}");
        }
    }
}
