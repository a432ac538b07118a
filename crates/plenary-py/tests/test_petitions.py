"""plenary.petitions.tally: the same tally as Rust, from a path or bytes, on threads."""

import faulthandler
import os
import threading
from pathlib import Path

import pytest

import plenary
from conftest import SIGNATURES


def signatures(lines, offset=0):
    """`lines` signature lines from `lines * 4 // 5` signers (a fifth sign twice), four
    countries, every tenth line without a country and every hundredth not JSON."""
    out = []
    for i in range(lines):
        signer = offset + i * 4 // 5
        if i % 100 == 99:
            out.append("{not json")
            continue
        country = "null" if i % 10 == 0 else f'"{["GB", "KE", "BR", "AE"][signer % 4]}"'
        minute, second = divmod(i % 3600, 60)
        out.append(
            f'{{"name": "Signer {signer}", "email": "signer{signer}@example.org", '
            f'"country": {country}, "signed_at": "2012-12-13T{i // 3600 % 24:02}:{minute:02}:{second:02}Z"}}'
        )
    return ("\n".join(out) + "\n").encode()


def test_tally_equals_the_rust_example(rust):
    want = rust.json("petitions", "tally", SIGNATURES, "--milestones", "1,3,1000")
    assert plenary.petitions.tally(str(SIGNATURES), (1, 3, 1000)) == want
    assert want["milestones"] == [
        {"threshold": 1, "reached_at": "2012-12-12T09:30:00Z"},
        {"threshold": 3, "reached_at": "2012-12-13T15:00:00Z"},
    ]


def test_tally_of_the_fixture():
    got = plenary.petitions.tally(SIGNATURES)
    assert (got["lines"], got["counted"], got["duplicates"], got["rejected"]) == (11, 4, 2, 5)
    assert got["lines"] == got["counted"] + got["duplicates"] + got["rejected"]
    assert got["by_country"] == {"AE": 1, "GH": 1, "PT": 1, "unknown": 1}
    assert got["milestones"] == []
    assert [e["line"] for e in got["errors"]] == [8, 9, 10, 11, 12]


@pytest.mark.parametrize(
    "wrap",
    [str, Path, lambda p: p.read_bytes(), lambda p: bytearray(p.read_bytes()), lambda p: memoryview(p.read_bytes())],
    ids=["str", "Path", "bytes", "bytearray", "memoryview"],
)
def test_tally_reads_a_path_or_bytes(wrap):
    assert plenary.petitions.tally(wrap(SIGNATURES), [3]) == plenary.petitions.tally(str(SIGNATURES), [3])


def test_milestones_are_sorted_and_unique():
    data = signatures(50)
    got = plenary.petitions.tally(data, [30, 10, 10, 20])
    assert [m["threshold"] for m in got["milestones"]] == [10, 20, 30]
    assert plenary.petitions.tally(data, iter([100_000]))["milestones"] == []


@pytest.mark.parametrize("milestones", [[0], [-5], [1.5], ["ten"], [2**64]])
def test_a_bad_milestone_is_a_value_error(milestones):
    with pytest.raises(ValueError, match="invalid milestone"):
        plenary.petitions.tally(SIGNATURES, milestones)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: plenary.petitions.tally(SIGNATURES, "1000"), TypeError),
        (lambda: plenary.petitions.tally(SIGNATURES, 1000), TypeError),
        (lambda: plenary.petitions.tally(12), TypeError),
        (lambda: plenary.petitions.tally(SIGNATURES, threads=0), ValueError),
    ],
)
def test_bad_arguments(call, error):
    with pytest.raises(error):
        call()


def test_a_missing_file_is_file_not_found(tmp_path):
    missing = tmp_path / "nowhere.ndjson"
    with pytest.raises(FileNotFoundError) as caught:
        plenary.petitions.tally(missing)
    assert caught.value.filename == str(missing)
    assert caught.value.errno == 2


def test_every_thread_count_gives_the_same_tally():
    data = signatures(20_000)
    one = plenary.petitions.tally(data, [1000, 10_000], threads=1)
    assert (one["lines"], one["rejected"]) == (20_000, 200)
    assert one["counted"] + one["duplicates"] == 19_800
    for threads in (2, 3, 8):
        assert plenary.petitions.tally(data, [1000, 10_000], threads=threads) == one


def test_tallies_run_concurrently_on_python_threads():
    inputs = [signatures(20_000, offset=k * 100_000) for k in range(4)]
    serial = [plenary.petitions.tally(data, [5000], threads=1) for data in inputs]
    results = [None] * len(inputs)

    def work(k):
        results[k] = plenary.petitions.tally(inputs[k], [5000], threads=1)

    workers = [threading.Thread(target=work, args=(k,)) for k in range(len(inputs))]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert results == serial


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_the_gil_is_released_while_a_tally_runs(tmp_path):
    # The tally opens a named pipe and waits for a writer. Only this thread, in Python, writes
    # to it; if the tally held the GIL while waiting, the writer could never run and the tally
    # would never end: the watchdog, which needs no GIL, then ends the test run with the
    # threads' tracebacks.
    faulthandler.dump_traceback_later(120, exit=True)
    pipe = tmp_path / "signatures.pipe"
    os.mkfifo(pipe)
    result = {}
    reader = threading.Thread(target=lambda: result.update(plenary.petitions.tally(pipe, threads=1)))
    reader.start()
    with open(pipe, "wb") as writer:
        writer.write(SIGNATURES.read_bytes())
    reader.join(timeout=60)
    faulthandler.cancel_dump_traceback_later()
    assert not reader.is_alive()
    assert result == plenary.petitions.tally(SIGNATURES, threads=1)
