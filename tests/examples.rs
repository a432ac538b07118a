//! The examples as a user runs them under hostile conditions: stderr closed or full, a device or
//! a FIFO as the input file, a file name with control characters. `cargo test` builds the
//! examples next to the test binaries; these tests run those builds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The example binary `name`, built by `cargo test` into `target/<profile>/examples/`.
fn example(name: &str) -> Command {
    let exe = std::env::current_exe().expect("a test knows its own path");
    // target/<profile>/deps/<test> → target/<profile>/examples/<name>
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("test binaries live in target/<profile>/deps")
        .join("examples");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is not built: run `cargo test -p plenary` (which builds the examples), not only this \
         test target",
        path.display()
    );
    Command::new(path)
}

/// A file in the temporary folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> Self {
        let path = std::env::temp_dir().join(format!("plenary-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).expect("the temporary folder is writable");
        Self(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A dataset with `n` problems, each reported on a line of stderr.
fn dataset_with_problems(n: usize) -> TempFile {
    let events: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "e{i}", "title": "E", "kind": "conference", "organisers": ["nobody"]}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"schema_version": 1, "events": [{}]}}"#,
        events.join(",")
    );
    TempFile::new("problems.json", json.as_bytes())
}

/// Runs `command` with its stderr a pipe whose reading end is closed at once, as under
/// `2>&1 | head -c1` once `head` has gone.
fn with_stderr_closed(command: &mut Command) -> Output {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    drop(child.stderr.take());
    child.wait_with_output().expect("the example ends")
}

#[test]
fn hostile_01_a_closed_stderr_does_not_panic_and_the_status_still_says_invalid() {
    let file = dataset_with_problems(20_000);
    let output = with_stderr_closed(example("dataset").arg("validate").arg(&file.0));
    assert_eq!(output.status.code(), Some(1), "{output:?}");
}

#[test]
#[cfg(target_os = "linux")]
fn hostile_01_a_full_stderr_does_not_panic() {
    let full = || std::fs::File::options().write(true).open("/dev/full");
    let Ok(device) = full() else {
        panic!("/dev/full is missing on this Linux system");
    };
    let file = dataset_with_problems(100);
    let status = example("dataset")
        .arg("validate")
        .arg(&file.0)
        .stdout(Stdio::null())
        .stderr(device)
        .status()
        .expect("the example runs");
    assert_eq!(status.code(), Some(1));
    // A full stdout is an error the program says it cannot report, with status 1, not a panic.
    let status = example("dataset")
        .arg("dump")
        .stdout(full().expect("/dev/full opens"))
        .stderr(Stdio::null())
        .status()
        .expect("the example runs");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn hostile_01_a_closed_stdout_ends_quietly() {
    let mut child = example("dataset")
        .arg("dump")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the example ends");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
}

#[test]
#[cfg(unix)]
fn hostile_05_a_device_is_refused_by_every_file_argument() {
    for (example_name, args) in [
        ("resources", &["import-listing"][..]),
        ("dataset", &["validate"]),
        ("treaty", &["parse"]),
        ("petitions", &["tally"]),
        ("events", &["ics"]),
    ] {
        let output = example(example_name)
            .args(args)
            .arg("/dev/zero")
            .output()
            .expect("the example runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{example_name}: {stderr}");
        assert!(
            stderr.contains(r#"cannot read "/dev/zero": it is a character device"#),
            "{example_name}: {stderr}"
        );
    }
}

#[test]
fn hostile_19_a_file_name_with_control_characters_is_shown_escaped() {
    let output = example("resources")
        .arg("import-listing")
        .arg("no\nsuch\u{1b}[2J.txt")
        .output()
        .expect("the example runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr.starts_with(r#"resources: cannot read "no\nsuch\u{1b}[2J.txt": "#),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn hostile_19_invalid_utf8_in_a_file_is_reported_with_line_and_offset() {
    let file = TempFile::new("latin1.txt", b"Policy Analyses\n\nCaf\xE9 - Access Now\n");
    let output = example("resources")
        .arg("import-listing")
        .arg(&file.0)
        .output()
        .expect("the example runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr.contains("invalid UTF-8 at line 3, column 4 (byte offset 20)"),
        "{stderr}"
    );
}

#[test]
fn hostile_08_import_listing_names_sections_without_entries() {
    let file = TempFile::new(
        "listing.txt",
        b"Resource Bank\n\nPolicy\nA - Access Now\nBudget - 2012\n",
    );
    let output = example("resources")
        .arg("import-listing")
        .arg(&file.0)
        .output()
        .expect("the example runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(r#"line 1: section "Resource Bank" has no entries"#),
        "{stderr}"
    );
    assert!(stderr.contains("not imported: line 5: "), "{stderr}");
    let resources: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(resources.as_array().map(Vec::len), Some(1));
}

#[test]
fn hostile_19_option_errors_name_the_option_and_what_was_expected() {
    for (args, option) in [
        (&["upcoming", "--as-of", "2012-13-45"][..], "--as-of"),
        (&["parse-date", "3 March", "--year", "twelve"][..], "--year"),
    ] {
        let output = example("events")
            .args(args)
            .output()
            .expect("the example runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(first.contains(option), "{args:?}: {first}");
        assert!(first.contains("expected"), "{args:?}: {first}");
    }
}
