"""Dict, JSON and JSON Lines round trips, and clear errors on malformed dicts."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

import osintparse
from osintparse.io import serialise as serialize


def test_round_trip_with_published_date_and_datetime(seed_text: str) -> None:
    for published in (dt.date(2025, 5, 1), dt.datetime(2025, 5, 1, 12, 30)):
        a = osintparse.parse(seed_text, published=published)
        d = osintparse.to_dict(a)
        assert d["schema_version"] == osintparse.SCHEMA_VERSION
        back = osintparse.from_dict(json.loads(json.dumps(d)))
        assert back == a
        assert type(back.published) is type(published)


def test_jsonl_round_trip(seed: osintparse.Article) -> None:
    buf = io.StringIO()
    assert osintparse.write_jsonl([seed, seed], buf) == 2
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2
    assert list(osintparse.read_jsonl(io.StringIO(buf.getvalue()))) == [seed, seed]


def test_json_writer_is_valid_json(seed: osintparse.Article) -> None:
    buf = io.StringIO()
    osintparse.write_json(seed, buf)
    assert json.loads(buf.getvalue())["title"] == seed.title


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a dict"),
        ({"schema_version": 99, "text": ""}, "schema_version 99"),
        ({"lang": "fr"}, "missing required field 'text'"),
        ({"text": 3}, "expected str"),
        ({"text": "", "bogus": 1}, "unknown field"),
        ({"text": "abc", "sentences": [{"start": 0, "end": 2, "text": "abc"}]}, "spans 2"),
        ({"text": "", "published": "nope"}, "ISO 8601"),
        ({"text": "", "sentences": "x"}, "expected a list"),
        (
            {"text": "a", "quantities": [{"start": 0, "end": 1, "text": "a", "value": "x"}]},
            "expected a number",
        ),
        (
            {
                "text": "a",
                "quantities": [
                    {"start": 0, "end": 1, "text": "a", "value": 1, "qualifier": "lots"}
                ],
            },
            "not one of",
        ),
    ],
)
def test_malformed_dicts_raise_schema_error(data: object, message: str) -> None:
    with pytest.raises(osintparse.SchemaError, match=message):
        osintparse.from_dict(data)  # type: ignore[arg-type]


def test_read_jsonl_reports_bad_line() -> None:
    with pytest.raises(osintparse.SchemaError, match="line 2"):
        list(serialize.read_jsonl(io.StringIO('{"text": ""}\n{oops\n')))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "expected a dict"),
        ("{}", "expected a dict"),
        ({1: 2, "text": ""}, "unknown field"),
        ({"text": "", "schema_version": [1]}, "re-parse the text"),
        ({"text": "", "paragraphs": ["x"]}, r"paragraphs\[0\]: expected an object"),
        ({"text": "ab", "sentences": [{"start": True, "end": 2, "text": "ab"}]}, "got bool"),
        ({"text": "ab", "sentences": [{"start": 0, "end": 2, "text": "xy"}]}, "re-parse"),
        ({"text": "ab", "sentences": [{"start": 5, "end": 7, "text": "xy"}]}, "re-parse"),
        ({"text": "ab", "sentences": [{"start": -2, "end": 0, "text": "ab"}]}, "bad offsets"),
        (
            {
                "text": "ab",
                "sections": [
                    {"start": 0, "end": 2, "text": "ab", "heading_start": 0, "heading_end": 9}
                ],
            },
            "heading span 0..9 is not inside",
        ),
        ({"text": "", "extras": []}, "extras: expected an object"),
        ({"text": "", "extras": {"w": "x"}}, "expected a list"),
        ({"text": "", "extras": {"w": [{"start": 0, "end": 0, "text": "", "data": 3}]}}, "object"),
        ({"text": "", "dates": [{"start": 0, "end": 0, "text": "", "precision": "x"}]}, "one of"),
        ({"text": "", "sentences": [{"start": 0, "end": 0}]}, "missing required field 'text'"),
    ],
)
def test_more_malformed_dicts(data: object, message: str) -> None:
    with pytest.raises(osintparse.SchemaError, match=message):
        osintparse.from_dict(data)  # type: ignore[arg-type]


def test_from_dict_refuses_a_dict_of_another_text(seed: osintparse.Article) -> None:
    data = osintparse.to_dict(seed)
    data["text"] = data["text"].replace("Corée", "Coree")
    with pytest.raises(osintparse.SchemaError, match="belongs to another text"):
        osintparse.from_dict(data)


def test_read_jsonl_names_the_line_of_a_bad_article() -> None:
    good = osintparse.to_json(osintparse.parse("Un texte.", lang="fr"))
    with pytest.raises(osintparse.SchemaError, match="line 2: expected a dict"):
        list(serialize.read_jsonl(io.StringIO(f"{good}\n[1, 2]\n")))
