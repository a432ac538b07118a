"""plenary.events: date phrases and iCalendar as in Rust."""

import json

import pytest

import plenary


@pytest.mark.parametrize(
    ("phrase", "year", "edtf"),
    [
        ("September 14-?", 2012, "2012-09-14/"),
        ("25-27 Feb 13", 2012, "2013-02-25/2013-02-27"),
        ("3-14 December 2012", None, "2012-12-03/2012-12-14"),
        ("December 2012", None, "2012-12"),
        ("2012", None, "2012"),
        ("August 6-8", 2012, "2012-08-06/2012-08-08"),
    ],
)
def test_parse_date(phrase, year, edtf):
    assert plenary.events.parse_date(phrase, year) == edtf
    assert plenary.events.parse_date(phrase, year=year) == edtf


@pytest.mark.parametrize(
    ("phrase", "year", "message"),
    [
        (
            "February 30, 2013",
            None,
            'invalid date phrase "February 30, 2013": day 30 does not exist in February 2013',
        ),
        ("", None, 'invalid date phrase ""'),
        ("September 14", None, 'invalid date phrase "September 14"'),
        ("Smarch 3, 2012", None, 'invalid date phrase "Smarch 3, 2012"'),
    ],
)
def test_parse_date_errors_are_parse_errors(phrase, year, message):
    with pytest.raises(plenary.ParseError) as caught:
        plenary.events.parse_date(phrase, year)
    assert str(caught.value).startswith(message)
    assert isinstance(caught.value, ValueError)
    assert (caught.value.line, caught.value.column) == (None, None)


def test_parse_date_error_message_equals_rust(rust):
    # The example fails with exit 1, so its message is read from the exception of the runner.
    with pytest.raises(AssertionError) as failed:
        rust.run("events", "parse-date", "February 30, 2013")
    with pytest.raises(plenary.ParseError) as caught:
        plenary.events.parse_date("February 30, 2013")
    assert f"events: {caught.value}" in str(failed.value)


def test_to_ics_equals_the_rust_example(rust, tmp_path):
    dataset = tmp_path / "wcit12.json"
    dataset.write_text(plenary.wcit12().to_json(), encoding="utf-8")
    ics = plenary.events.to_ics(dataset.read_text(encoding="utf-8"))
    assert ics == rust.run("events", "ics", dataset)
    stamp = "2012-11-01T00:00:00Z"
    stamped = plenary.events.to_ics(dataset.read_text(encoding="utf-8"), dtstamp=stamp)
    assert stamped == rust.run("events", "ics", dataset, "--dtstamp", stamp)
    assert stamped != ics


def test_to_ics_writes_a_calendar():
    ics = plenary.events.to_ics(plenary.wcit12().to_json(), dtstamp="2012-11-01T00:00:00Z")
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    assert ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") >= 10
    assert "DTSTAMP:20121101T000000Z" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))


def test_to_ics_errors_are_parse_errors():
    with pytest.raises(plenary.ParseError) as caught:
        plenary.events.to_ics('{"schema_version": 1,\n "events": [{"id": 7}]}')
    assert (caught.value.line, caught.value.path) == (2, "$.events[0].id")
    assert caught.value.column is not None
    event = {"id": "wcit-12", "title": "WCIT-12", "kind": "conference", "when": "2012-12-03/2012-12-14"}
    twice = json.dumps({"schema_version": 1, "events": [event, event]})
    with pytest.raises(plenary.ParseError, match='duplicate event id "wcit-12"'):
        plenary.events.to_ics(twice)
    with pytest.raises(plenary.ParseError, match='invalid dtstamp "yesterday"'):
        plenary.events.to_ics(plenary.wcit12().to_json(), dtstamp="yesterday")


def test_find_dates_finds_every_mention_with_python_indices():
    text = "À Genève, du 12 au 16 mars 2012 ; contributions due by 20 February 2012. Dates TBA."
    found = plenary.events.find_dates(text, 2012)
    for item in found:
        assert text[item["start"] : item["end"]] == item["text"]
    assert [item["kind"] for item in found][:2] == ["span", "deadline"]
    assert found[0]["edtf"] == "2012-03-12/2012-03-16"
    assert found[1]["due"] == "2012-02-20"


def test_find_dates_refuses_an_unknown_language():
    with pytest.raises(plenary.ParseError):
        plenary.events.find_dates("3 March 2014", language="xx")
