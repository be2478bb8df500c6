"""Dict, JSON and JSON Lines round trips, and clear errors on malformed dicts."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

import osintparse
from osintparse import serialize


def test_round_trip_with_published_date_and_datetime(seed_text: str) -> None:
    for published in (dt.date(2025, 5, 1), dt.datetime(2025, 5, 1, 12, 30)):
        a = osintparse.parse(seed_text, published=published)
        d = a.to_dict()
        assert d["schema_version"] == osintparse.SCHEMA_VERSION
        back = osintparse.Article.from_dict(json.loads(json.dumps(d)))
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
        osintparse.Article.from_dict(data)  # type: ignore[arg-type]


def test_read_jsonl_reports_bad_line() -> None:
    with pytest.raises(osintparse.SchemaError, match="line 2"):
        list(serialize.read_jsonl(io.StringIO('{"text": ""}\n{oops\n')))
