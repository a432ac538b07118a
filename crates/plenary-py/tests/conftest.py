"""What the tests share: the repository's fixtures, and the Rust examples run on them so that
Python's results can be compared with Rust's on the same input."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TREATY_FIXTURES = ROOT / "crates" / "plenary-treaty" / "tests" / "fixtures"
SIGNATURES = ROOT / "crates" / "plenary-petitions" / "tests" / "fixtures" / "signatures.ndjson"


def treaty_texts():
    """Every treaty text of the repository: the parser's fixtures and the WCIT-12 documents."""
    texts = sorted(TREATY_FIXTURES.glob("*.txt")) + sorted(
        (ROOT / "data" / "wcit12" / "documents").glob("*.txt")
    )
    assert texts, f"no treaty texts under {ROOT}"
    return texts


class RustExamples:
    """Runs `cargo run --example NAME -- ARGS` in the repository and returns its stdout."""

    def run(self, name, *args):
        done = subprocess.run(
            ["cargo", "run", "--quiet", "--example", name, "--", *map(str, args)],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"example {name} {args} failed:\n{done.stderr.decode()}")
        # Decoded without newline translation: an iCalendar file's CRLF line ends must stay.
        return done.stdout.decode("utf-8")

    def json(self, name, *args):
        return json.loads(self.run(name, *args))


@pytest.fixture(scope="session")
def rust():
    """The Rust examples; the comparisons need cargo, so they are skipped without it (CI has it)."""
    if shutil.which("cargo") is None or not (ROOT / "Cargo.toml").is_file():
        pytest.skip("cargo and the plenary repository are needed to compare with Rust")
    return RustExamples()
