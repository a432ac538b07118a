//! The examples keep the command-line contract of `docs/command-line.md`: `-h` and `--help`
//! print the usage on stdout and exit 0; a command line they cannot run prints the usage on
//! stderr and exits 2.
//!
//! `cargo test` builds the examples next to this test's own binary (`target/<profile>/examples`).

use std::path::PathBuf;
use std::process::{Command, Output};

fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    // target/<profile>/deps/command_line-<hash> → target/<profile>/examples/<name>
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test binary sits in target/<profile>/deps");
    let path = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "{} is missing: `cargo test` builds the examples",
        path.display()
    );
    path
}

fn run(name: &str, args: &[&str]) -> Output {
    Command::new(example(name))
        .args(args)
        .output()
        .expect("the example starts")
}

#[test]
fn help_prints_the_usage_and_exits_0() {
    for (name, args) in [
        ("dataset", &["--help"][..]),
        ("dataset", &["-h"]),
        ("dataset", &["validate", "--help"]),
        ("events", &["upcoming", "--help"]),
        ("events", &["-h"]),
        ("petitions", &["tally", "-h"]),
        ("resources", &["--help"]),
        ("resources", &["search", "-h"]),
        ("treaty", &["diff", "--help"]),
        ("wcit12", &["--help"]),
    ] {
        let out = run(name, args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{name} {args:?}");
        assert!(stdout.starts_with("usage:\n"), "{name} {args:?}: {stdout}");
        assert!(out.stderr.is_empty(), "{name} {args:?}");
    }
}

#[test]
fn a_bad_command_line_prints_the_usage_on_stderr_and_exits_2() {
    for (name, args, said) in [
        ("dataset", &[][..], "dataset: a command is missing"),
        ("dataset", &["frob"], "dataset: unknown command \"frob\""),
        ("events", &["upcoming"], "events: upcoming needs --as-of"),
        (
            "events",
            &["parse-date", "May 1", "--year", "x"],
            "events: ",
        ),
        ("petitions", &["tally"], "petitions: "),
        (
            "petitions",
            &["tally", "x.ndjson", "--milestones", "a"],
            "petitions: invalid milestone list",
        ),
        (
            "resources",
            &["--bogus"],
            "resources: invalid option '--bogus'",
        ),
        ("treaty", &["frob", "x"], "treaty: unknown command \"frob\""),
        (
            "treaty",
            &["diff", "a.txt"],
            "treaty: diff takes 2 file(s), got 1",
        ),
        ("wcit12", &["extra"], "wcit12: unexpected argument"),
    ] {
        let out = run(name, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name} {args:?}: {stderr}");
        assert!(stderr.starts_with(said), "{name} {args:?}: {stderr}");
        assert!(stderr.contains("\nusage:\n"), "{name} {args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{name} {args:?}");
    }
}

#[test]
fn bad_input_exits_1() {
    let out = run("dataset", &["validate", "/nonexistent/plenary.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("dataset: cannot read "), "{stderr}");
    assert!(!stderr.contains("usage:"), "{stderr}");
}
