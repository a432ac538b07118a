//! Files named by users, read with limits.
//!
//! Every plenary command line reads a file a user names, and a user can name anything: a FIFO
//! that nobody writes to (reading blocks for ever), `/dev/zero` (reading never ends), a file of
//! many gigabytes, a file that is not UTF-8. These functions refuse what is not a regular file
//! and what is larger than a limit before reading it, and say where text stops being UTF-8.

use std::fs::{File, FileType};
use std::io::Read;
use std::path::Path;

use crate::Error;

/// The default limit on the size of a file read by [`read_input`] and [`read_input_text`]:
/// 1 GiB. Larger inputs are better streamed than read whole.
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// The bytes of the regular file at `path`, if it holds at most `max_bytes` bytes.
///
/// ```
/// use plenary_core::{Error, MAX_INPUT_BYTES, read_input};
///
/// let dir = std::env::temp_dir();
/// assert!(matches!(read_input(&dir, MAX_INPUT_BYTES), Err(Error::InputNotAFile { .. })));
/// ```
///
/// # Errors
///
/// [`Error::InputNotAFile`] when `path` is a directory, a FIFO, a device or a socket (so that
/// `/dev/zero` or a FIFO without a writer cannot hang the caller), [`Error::InputTooLarge`] when
/// the file holds more than `max_bytes` bytes (also when it grows past the limit while being
/// read), and [`Error::InputUnreadable`] when it cannot be opened or read.
pub fn read_input(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let unreadable = |err: std::io::Error| Error::InputUnreadable {
        path: path.to_owned(),
        reason: err.to_string(),
    };
    let file = open_input(path)?;
    let metadata = file.metadata().map_err(unreadable)?;
    let too_large = |len: u64| Error::InputTooLarge {
        path: path.to_owned(),
        len,
        limit: max_bytes,
    };
    if metadata.len() > max_bytes {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let len = bytes.len() as u64;
    if len > max_bytes {
        return Err(too_large(len));
    }
    Ok(bytes)
}

/// The regular file at `path`, opened for reading as a stream (for inputs too large to read
/// whole, such as a file of signatures).
///
/// ```
/// use plenary_core::{Error, open_input};
///
/// assert!(matches!(open_input(&std::env::temp_dir()), Err(Error::InputNotAFile { .. })));
/// ```
///
/// # Errors
///
/// [`Error::InputNotAFile`] when `path` is a directory, a FIFO, a device or a socket (so that
/// `/dev/zero` or a FIFO without a writer cannot hang the caller), and
/// [`Error::InputUnreadable`] when it cannot be opened.
pub fn open_input(path: &Path) -> Result<File, Error> {
    let unreadable = |err: std::io::Error| Error::InputUnreadable {
        path: path.to_owned(),
        reason: err.to_string(),
    };
    // Checked before opening, as opening a FIFO without a writer blocks; checked again on the
    // open file in case the path was swapped in between.
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    regular_file(path, metadata.file_type())?;
    let file = File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    regular_file(path, metadata.file_type())?;
    Ok(file)
}

/// The text of the regular file at `path`, without a leading byte order mark, if it holds at
/// most `max_bytes` bytes of UTF-8.
///
/// ```
/// use plenary_core::{Error, MAX_INPUT_BYTES, read_input_text};
///
/// let path = std::env::temp_dir().join("plenary-read-input-text-doctest.txt");
/// std::fs::write(&path, b"\xEF\xBB\xBFfirst line\nsecond \xFF line\n")?;
/// let err = read_input_text(&path, MAX_INPUT_BYTES).unwrap_err();
/// assert!(matches!(err, Error::InputNotUtf8 { line: 2, column: 8, offset: 21, .. }));
/// std::fs::write(&path, "\u{feff}first line\n")?;
/// assert_eq!(read_input_text(&path, MAX_INPUT_BYTES)?, "first line\n");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// Those of [`read_input`], and [`Error::InputNotUtf8`] with the line, column and byte offset
/// of the first byte that is not UTF-8.
pub fn read_input_text(path: &Path, max_bytes: u64) -> Result<String, Error> {
    let bytes = read_input(path, max_bytes)?;
    match utf8_text(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(Error::InvalidUtf8 {
            line,
            column,
            offset,
            bytes,
        }) => Err(Error::InputNotUtf8 {
            path: path.to_owned(),
            line,
            column,
            offset,
            bytes,
        }),
        Err(other) => Err(other),
    }
}

/// `bytes` as text, without a leading byte order mark (U+FEFF), or where they stop being UTF-8.
///
/// Lines end at a line feed (so also at a CRLF); columns count characters from 1; the offset
/// counts bytes from 0, the byte order mark included.
///
/// ```
/// use plenary_core::{Error, utf8_text};
///
/// assert_eq!(utf8_text(b"\xEF\xBB\xBF{}")?, "{}");
/// assert_eq!(
///     utf8_text(b"{\n  \"title\": \"caf\xE9\"\n}").unwrap_err().to_string(),
///     "invalid UTF-8 at line 2, column 16 (byte offset 17): the byte 0xe9 is not part of a \
///      UTF-8 character; expected UTF-8 text"
/// );
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
///
/// [`Error::InvalidUtf8`] with the line, column and byte offset of the first byte that is not
/// UTF-8.
pub fn utf8_text(bytes: &[u8]) -> Result<&str, Error> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skipped = bytes.len() - body.len();
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text),
        Err(err) => {
            let valid = &body[..err.valid_up_to()];
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
            // `valid` is UTF-8 up to here, so counting characters cannot fail.
            let column =
                1 + std::str::from_utf8(&valid[line_start..]).map_or(0, |s| s.chars().count());
            let rest = &body[err.valid_up_to()..];
            let bad = match err.error_len() {
                Some(len) => &rest[..len],
                None => rest,
            };
            let hex: Vec<String> = bad.iter().take(4).map(|b| format!("0x{b:02x}")).collect();
            let bytes = match (bad.len(), err.error_len()) {
                (_, None) => format!(
                    "the bytes {} start a UTF-8 character that the input cuts off",
                    hex.join(" ")
                ),
                (1, Some(_)) => format!("the byte {} is not part of a UTF-8 character", hex[0]),
                _ => format!("the bytes {} are not a UTF-8 character", hex.join(" ")),
            };
            Err(Error::InvalidUtf8 {
                line,
                column,
                offset: skipped + err.valid_up_to(),
                bytes,
            })
        }
    }
}

fn regular_file(path: &Path, file_type: FileType) -> Result<(), Error> {
    if file_type.is_file() {
        return Ok(());
    }
    Err(Error::InputNotAFile {
        path: path.to_owned(),
        found: describe(file_type),
    })
}

fn describe(file_type: FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path =
            std::env::temp_dir().join(format!("plenary-core-input-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("the temporary folder is writable");
        path
    }

    #[test]
    #[cfg(unix)]
    fn hostile_05_devices_and_directories_are_refused_before_reading() {
        for (path, found) in [
            ("/dev/zero", "a character device"),
            ("/dev/null", "a character device"),
            ("/", "a directory"),
        ] {
            assert_eq!(
                read_input(Path::new(path), MAX_INPUT_BYTES),
                Err(Error::InputNotAFile {
                    path: path.into(),
                    found
                }),
                "{path}"
            );
        }
        let err = read_input(Path::new("/dev/zero"), MAX_INPUT_BYTES).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot read \"/dev/zero\": it is a character device, not a regular file; expected \
             a regular file (a device or a FIFO can block or never end)"
        );
    }

    #[test]
    #[cfg(unix)]
    fn hostile_05_a_fifo_without_a_writer_is_refused_not_waited_on() {
        let path = std::env::temp_dir().join(format!("plenary-core-fifo-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            // Without mkfifo there is no FIFO to test with; the device case above still runs.
            return;
        }
        let result = read_input(&path, MAX_INPUT_BYTES);
        let _ = std::fs::remove_file(&path);
        assert!(
            matches!(
                result,
                Err(Error::InputNotAFile {
                    found: "a FIFO (named pipe)",
                    ..
                })
            ),
            "{result:?}"
        );
    }

    #[test]
    fn hostile_05_files_over_the_limit_are_refused_naming_it() {
        let path = temp_file("large", &[b'x'; 100]);
        assert_eq!(read_input(&path, 100).map(|b| b.len()), Ok(100));
        let err = read_input(&path, 99).unwrap_err();
        let _ = std::fs::remove_file(&path);
        assert_eq!(
            err,
            Error::InputTooLarge {
                path: path.clone(),
                len: 100,
                limit: 99
            }
        );
        assert!(err.to_string().contains("the limit is 99 bytes"), "{err}");
    }

    #[test]
    fn hostile_19_file_names_are_quoted_with_control_characters_escaped() {
        let path = Path::new("no\nsuch\u{1b}[2Jfile");
        let err = read_input(path, MAX_INPUT_BYTES).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with(r#"cannot read "no\nsuch\u{1b}[2Jfile": "#),
            "{message}"
        );
        assert!(!message.contains('\n') && !message.contains('\u{1b}'));
    }

    #[test]
    fn hostile_19_invalid_utf8_is_reported_with_line_column_and_offset() {
        for (bytes, line, column, offset, what) in [
            (
                &b"\xFF"[..],
                1,
                1,
                0,
                "the byte 0xff is not part of a UTF-8 character",
            ),
            (
                b"ab\ncd\xFFe",
                2,
                3,
                5,
                "the byte 0xff is not part of a UTF-8 character",
            ),
            (
                b"\xEF\xBB\xBFx\xC0",
                1,
                2,
                4,
                "the byte 0xc0 is not part of a UTF-8 character",
            ),
            ("é\nà".as_bytes(), 0, 0, 0, ""),
            (
                b"\r\n\r\nz\xE2\x82",
                3,
                2,
                5,
                "the bytes 0xe2 0x82 start a UTF-8 character that the input cuts off",
            ),
            (
                b"caf\xC3\x28",
                1,
                4,
                3,
                "the byte 0xc3 is not part of a UTF-8 character",
            ),
            (
                b"\xED\xA0\x80",
                1,
                1,
                0,
                "the byte 0xed is not part of a UTF-8 character",
            ),
        ] {
            match utf8_text(bytes) {
                Ok(_) => assert_eq!(line, 0, "{bytes:?}"),
                Err(err) => assert_eq!(
                    err,
                    Error::InvalidUtf8 {
                        line,
                        column,
                        offset,
                        bytes: what.into()
                    },
                    "{bytes:?}"
                ),
            }
        }
    }

    #[test]
    fn hostile_19_a_byte_order_mark_is_dropped_not_an_error() {
        assert_eq!(utf8_text(b"\xEF\xBB\xBF{\"a\": 1}"), Ok("{\"a\": 1}"));
        let path = temp_file("bom", b"\xEF\xBB\xBFline\n");
        let text = read_input_text(&path, MAX_INPUT_BYTES);
        let _ = std::fs::remove_file(&path);
        assert_eq!(text.as_deref(), Ok("line\n"));
    }

    #[test]
    fn a_file_that_is_not_utf8_names_itself() {
        let path = temp_file("latin1", b"ok\nJos\xE9\n");
        let err = read_input_text(&path, MAX_INPUT_BYTES).unwrap_err();
        let _ = std::fs::remove_file(&path);
        assert_eq!(
            err.to_string(),
            format!(
                "cannot read {path:?}: invalid UTF-8 at line 2, column 4 (byte offset 6): the \
                 byte 0xe9 is not part of a UTF-8 character; expected UTF-8 text"
            )
        );
    }
}
