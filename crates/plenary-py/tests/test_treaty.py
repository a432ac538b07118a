"""plenary.treaty: the same documents, Akoma Ntoso and diffs as the Rust `treaty` example."""

import xml.etree.ElementTree as ET

import pytest

import plenary
from conftest import TREATY_FIXTURES, treaty_texts

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


@pytest.mark.parametrize("path", treaty_texts(), ids=lambda p: p.name)
def test_parse_equals_the_rust_example(rust, path):
    assert plenary.treaty.parse(path.read_text(encoding="utf-8")) == rust.json("treaty", "parse", path)


@pytest.mark.parametrize("path", treaty_texts(), ids=lambda p: p.name)
def test_to_akn_equals_the_rust_example(rust, path):
    xml = plenary.treaty.to_akn(path.read_text(encoding="utf-8"))
    assert xml.strip() == rust.run("treaty", "akn", path).strip()
    assert ET.fromstring(xml).tag == f"{AKN}akomaNtoso"


def test_parse_reads_the_parts_of_a_resolution():
    doc = plenary.treaty.parse(
        "DRAFT NEW RESOLUTION [COM5/3]\n"
        "Special measures\n"
        "The World Conference on International Telecommunications (Dubai, 2012),\n"
        "considering\n"
        "a)\tthat Resolution 30 (Rev. Guadalajara, 2010) applies;\n"
        "instructs the Secretary-General\n"
        "1 to report.\n"
    )
    assert doc["symbol"] == "COM5/3"
    assert doc["title"] == "Special measures"
    assert doc["preamble"][0]["clauses"][0] == {
        "num": "a)",
        "text": "that Resolution 30 (Rev. Guadalajara, 2010) applies;",
    }
    assert doc["operative"][0]["addressee"] == "the Secretary-General"
    assert doc["references"][0]["text"] == "Resolution 30 (Rev. Guadalajara, 2010)"
    assert "unplaced" not in doc


def test_parse_keeps_unplaced_lines_and_strict_raises_with_the_line():
    text = "resolves\n1 to act.\nstray words;\n"
    assert plenary.treaty.parse(text)["unplaced"] == [{"line": 3, "text": "stray words;"}]
    with pytest.raises(plenary.ParseError) as caught:
        plenary.treaty.parse(text, strict=True)
    err = caught.value
    assert str(err).startswith('line 3 "stray words;" is not part of the document\'s structure')
    assert (err.line, err.column, err.path, err.problems) == (3, None, None, ())
    with pytest.raises(plenary.ParseError, match="line 3"):
        plenary.treaty.to_akn(text, strict=True)


def test_diff_equals_the_rust_example(rust):
    old = TREATY_FIXTURES / "04_original_draft_traffic_termination.txt"
    new = TREATY_FIXTURES / "03_revised_draft_traffic_termination.txt"
    got = plenary.treaty.diff(old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8"))
    assert got == rust.json("treaty", "diff", old, new)
    assert {c["change"] for c in got["changes"]} <= {"added", "removed", "modified", "moved"}
    assert got["changes"], "the two drafts differ"


@pytest.mark.parametrize(
    ("old", "new", "change"),
    [
        ("resolves\n1 to act;\n", "resolves\n1 to act;\n", None),
        ("resolves\n1 to act;\n", "resolves\n1 to act now;\n", "modified"),
        ("resolves\n1 to act;\n", "resolves\n1 to act;\n2 to report.\n", "added"),
        ("resolves\n1 to act;\n2 to report.\n", "resolves\n1 to act;\n", "removed"),
    ],
)
def test_diff_names_the_change(old, new, change):
    changes = plenary.treaty.diff(old, new)["changes"]
    assert [c["change"] for c in changes] == ([] if change is None else [change])


@pytest.mark.parametrize("call", [plenary.treaty.parse, plenary.treaty.to_akn])
def test_a_text_that_is_not_a_str_is_a_type_error(call):
    with pytest.raises(TypeError):
        call(b"resolves\n")


ITRS = TREATY_FIXTURES.parents[3].parent / "shared" / "corpus" / "treaty" / "itr_1988_melbourne.txt"


def test_apply_equals_the_rust_example(rust):
    proposal = TREATY_FIXTURES / "itr_proposals_arb.txt"
    amended = plenary.treaty.apply(
        ITRS.read_text(encoding="utf-8"), proposal.read_text(encoding="utf-8")
    )
    assert amended == rust.json("treaty", "apply", ITRS, proposal)
    assert amended["modifications"], "the amended text records what changed it"


def test_a_misfit_is_a_parse_error_naming_the_mark():
    base = ITRS.read_text(encoding="utf-8")
    proposal = (
        "PROPOSALS\n\nMade up for a test\n\nARTICLE 3\n\nInternational Network\n\n"
        "MOD TST/1/1\n999 3.99 Members shall do what no provision of the base says.\n"
    )
    with pytest.raises(plenary.ParseError) as raised:
        plenary.treaty.apply(base, proposal)
    assert "MOD" in str(raised.value) and "TST/1/1" in str(raised.value)
