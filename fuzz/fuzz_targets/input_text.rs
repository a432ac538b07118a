//! Text from files: `utf8_text` never panics, gives back the bytes after a byte order mark when
//! they are UTF-8, and otherwise the true line, column and byte offset of the first bad byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::{Error, utf8_text};

fuzz_target!(|bytes: &[u8]| {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skipped = bytes.len() - body.len();
    match (utf8_text(bytes), std::str::from_utf8(body)) {
        (Ok(text), Ok(expected)) => assert_eq!(text, expected),
        (
            Err(Error::InvalidUtf8 {
                line,
                column,
                offset,
                bytes: what,
            }),
            Err(err),
        ) => {
            assert_eq!(offset, skipped + err.valid_up_to());
            let before = std::str::from_utf8(&body[..err.valid_up_to()])
                .expect("the bytes before the first bad one are UTF-8");
            assert_eq!(line, 1 + before.matches('\n').count());
            let last_line = before.rsplit('\n').next().unwrap_or_default();
            assert_eq!(column, 1 + last_line.chars().count());
            assert!(what.contains("0x"), "{what}");
        }
        (ours, std) => panic!("utf8_text {ours:?} but std {std:?}"),
    }
});
