"""plenary.Dataset and plenary.wcit12(): JSON round trips, validation, errors with positions."""

import json

import pytest

import plenary


def test_wcit12_is_the_embedded_story():
    ds = plenary.wcit12()
    assert repr(ds).startswith("<plenary.Dataset: ")
    data = json.loads(ds.to_json())
    assert data["schema_version"] == 1
    assert any(e["id"] == "wcit-12" for e in data["events"])
    assert ds.validate() is None


def test_json_round_trip(tmp_path):
    ds = plenary.wcit12()
    text = ds.to_json()
    again = plenary.Dataset.from_json(text)
    assert again == ds
    assert again.to_json() == text
    path = tmp_path / "wcit12.json"
    path.write_text(text, encoding="utf-8")
    assert plenary.Dataset.load(path) == ds
    assert plenary.Dataset.load(str(path)) == ds
    assert plenary.Dataset.from_json('{"schema_version": 1}') != ds


def test_to_json_equals_the_rust_example(rust):
    assert json.loads(plenary.wcit12().to_json()) == rust.json("dataset", "dump")


def test_a_value_that_is_not_valid_gives_its_line_column_and_path():
    text = '{\n  "schema_version": 1,\n  "events": [{"id": "X"}]\n}'
    with pytest.raises(plenary.ParseError) as caught:
        plenary.Dataset.from_json(text)
    err = caught.value
    assert (err.line, err.path) == (3, "$.events[0].id")
    # serde_json points at the last character of the value: the closing quote of "X".
    assert err.column == text.splitlines()[2].index('"X"') + 3
    assert str(err).startswith(f'invalid dataset JSON at $.events[0].id (line 3, column {err.column}): invalid event id "X"')


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "invalid dataset JSON at $ (line 1, column 0): EOF while parsing"),
        ("[]", "invalid dataset JSON at $ (line 1, column 2): invalid length 0, expected struct Dataset"),
        ('{"schema_version": 2}', "unsupported schema_version 2"),
        ('{"schema_version": 1, "colour": "red"}', "invalid dataset JSON at $.colour (line 1, column 30): unknown field `colour`, expected one of"),
    ],
)
def test_json_that_is_not_a_dataset(text, message):
    with pytest.raises(plenary.ParseError) as caught:
        plenary.Dataset.from_json(text)
    assert str(caught.value).startswith(message)


def test_validate_lists_every_problem(tmp_path):
    text = json.dumps(
        {
            "schema_version": 1,
            "actors": [{"id": "isoc", "name": "Internet Society", "kind": "civil_society"}],
            "events": [
                {"id": "wcit-12", "title": "WCIT-12", "kind": "conference", "organisers": ["itu"], "when": "2012-12-03/2012-12-14"},
                {"id": "wcit-12", "title": "Again", "kind": "conference", "when": "2012"},
            ],
        }
    )
    ds = plenary.Dataset.from_json(text)
    with pytest.raises(plenary.ParseError) as caught:
        ds.validate()
    problems = caught.value.problems
    assert [p["path"] for p in problems] == ["$.events[1].id", "$.events[0].organisers[0]"]
    assert problems[1]["message"] == '$.events[0].organisers[0]: actor "itu" is not in the dataset'
    assert str(caught.value) == "the dataset has 2 problem(s):\n" + "\n".join(p["message"] for p in problems)
    path = tmp_path / "invalid.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(plenary.ParseError) as loaded:
        plenary.Dataset.load(path)
    assert loaded.value.problems == problems


def test_load_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        plenary.Dataset.load(tmp_path / "missing.json")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes(b'{"schema_version": 1,\n "sources": [{"id": "s", "title": "Caf\xe9"}]}')
    with pytest.raises(plenary.ParseError) as caught:
        plenary.Dataset.load(latin1)
    column = len(' "sources": [{"id": "s", "title": "Caf') + 1
    assert (caught.value.line, caught.value.column) == (2, column)
    assert f"is not UTF-8 at line 2, column {column}" in str(caught.value)


def test_parse_error_defaults():
    err = plenary.ParseError("by hand")
    assert isinstance(err, ValueError)
    assert (err.line, err.column, err.path, err.problems) == (None, None, None, ())
    assert plenary.ParseError.__module__ == "plenary"
