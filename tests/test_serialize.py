"""Dict, JSON and JSON Lines round trips, and clear errors on malformed dicts."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from typing import Any

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


def doc(text: Any = "", **fields: Any) -> dict[str, Any]:
    """A complete document (every field to_dict writes) with ``fields`` replaced."""
    return {**osintparse.to_dict(osintparse.Article(text="")), "text": text, **fields}


def rec(cls: type, **fields: Any) -> dict[str, Any]:
    """A complete record dict of ``cls`` (an empty span at 0) with ``fields`` replaced."""
    required = {"start": 0, "end": 0, "text": ""}
    if cls is osintparse.Quantity:
        required["value"] = 1
    if cls is osintparse.Attribution:
        required.update(source="", source_start=0, source_end=0, cue="", cue_start=0)
        required.update(cue_end=0, stance="reported")
    if cls is osintparse.Paragraph:
        required["kind"] = "body"
    return {**serialize.record_to_dict(cls(**required)), **fields}


S = osintparse.Sentence
Q = osintparse.Quantity


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a dict"),
        (doc(schema_version=99), "schema_version: 99 is not supported"),
        ({"lang": "fr", "schema_version": 1}, "missing required field 'text'"),
        (doc(text=3), "expected str"),
        (doc(bogus=1), "unknown field"),
        (doc("abc", sentences=[rec(S, start=0, end=2, text="abc")]), "spans 2"),
        (doc(published="nope"), "ISO 8601"),
        (doc(sentences="x"), "expected a list"),
        (doc("a", quantities=[rec(Q, end=1, text="a", value="x")]), "expected a number"),
        (doc("a", quantities=[rec(Q, end=1, text="a", qualifier="lots")]), "not one of"),
    ],
)
def test_malformed_dicts_raise_schema_error(data: object, message: str) -> None:
    with pytest.raises(osintparse.SchemaError, match=message):
        osintparse.from_dict(data)  # type: ignore[arg-type]


def test_read_jsonl_reports_bad_line() -> None:
    good = osintparse.to_json(osintparse.Article(text=""))
    with pytest.raises(osintparse.SchemaError, match="line 2"):
        list(serialize.read_jsonl(io.StringIO(f"{good}\n{{oops\n")))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "expected a dict"),
        ("{}", "expected a dict"),
        ({1: 2, **doc()}, "unknown field"),
        (doc(schema_version=[1]), "re-parse the text"),
        (doc(paragraphs=["x"]), r"paragraphs\[0\]: expected an object"),
        (doc("ab", sentences=[rec(S, start=True, end=2, text="ab")]), "got True"),
        (doc("ab", sentences=[rec(S, end=2, text="xy")]), "re-parse"),
        (doc("ab", sentences=[rec(S, start=5, end=7, text="xy")]), "re-parse"),
        (doc("ab", sentences=[rec(S, start=-2, end=0, text="ab")]), "bad offsets"),
        (
            doc(
                "ab",
                sections=[
                    rec(
                        osintparse.Section,
                        end=2,
                        text="ab",
                        heading_end=9,
                        heading_start=0,
                        heading="ab",
                    )
                ],
            ),
            "heading span 0..9 is not inside",
        ),
        (doc(extras=[]), "extras: expected an object"),
        (doc(extras={"w": "x"}), "expected a list"),
        (doc(extras={"w": [rec(osintparse.Mention, data=3)]}), "object"),
        (doc(dates=[rec(osintparse.DateMention, precision="x")]), "one of"),
        (doc(sentences=[{"start": 0, "end": 0}]), "missing required field 'text'"),
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


# -- issue 17 item 6: stored data is validated, every failure a SchemaError with its path --

TEXT = (
    "Titre\n\nSelon l'AFP, plus de 300 soldats sont arrivés. Ils sont repartis.\n\n"
    "Un autre paragraphe ici."
)


@pytest.fixture(scope="module")
def small() -> dict[str, Any]:
    a = osintparse.parse(TEXT, lang="fr")
    assert a.quantities
    assert a.attributions
    assert len(a.claims) >= 3
    assert len(a.sentences) >= 3
    return json.loads(osintparse.to_json(a))


def _mutated(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy of ``data`` with the value at ``path`` ("claims.1.stance") replaced."""
    out = json.loads(json.dumps(data))
    *parents, last = [int(p) if p.lstrip("-").isdigit() else p for p in path.split(".")]
    target = out
    for p in parents:
        target = target[p]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return out


_DELETE = object()
_DEEP = 100_000


def _deep(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("quantities.0.value", math.nan, r"Article.quantities\[0\].value: nan is not a finite"),
        ("quantities.0.value", math.inf, "not a finite number"),
        ("quantities.0.low", -math.inf, r"quantities\[0\].low: -inf is not a finite"),
        ("quantities.0.value", 10**400, "about 401 digits is not a finite number"),
        ("quantities.0.value", 10**5000, "about 5001 digits"),
        ("sentences.0.start", 10**5000, r"sentences\[0\].start: an integer of about 5001"),
        ("claims.1.certainty", math.nan, r"claims\[1\].certainty: nan"),
        ("claims.1.quantities.0", 7, r"claims\[1\].quantities\[0\]: 7 is not an index"),
        ("claims.1.quantities.0", True, r"claims\[1\].quantities\[0\]: True is not an index"),
        ("claims.1.attributions.0", -1, r"claims\[1\].attributions\[0\]: -1 is not an index"),
        ("claims.2.attributions.claim", 2, r"claims\[2\].attributions: .* earlier claim"),
        ("claims.2.attributions.claim", "1", r"claims\[2\].attributions: .* got '1'"),
        ("claims.2.attributions.other", 1, r"claims\[2\].attributions: .* other keys"),
        ("claims.2.attributions", 1, r"claims\[2\].attributions: expected a list, got 1"),
        ("schema_version", True, "schema_version: True is not supported"),
        ("schema_version", 1.0, "schema_version: 1.0 is not supported"),
        ("schema_version", _DELETE, "missing required field 'schema_version'"),
        ("lang", _DELETE, "missing required field 'lang'"),
        ("extras", {1: []}, "extras: key 1 is not a string"),
        (
            "attributions.0.source",
            "Reuters",
            r"(attributions\[0\]|chains\[0\]\[0\]): source 'Reuters' is not",
        ),
        (
            "attributions.0.cue",
            "D'après",
            r"(attributions\[0\]|chains\[0\]\[0\]): cue .* is not article.text",
        ),
        ("quantities.0.noun", "militaires", r"quantities\[0\]: noun 'militaires' is not"),
        ("quantities.0.noun_start", 0, r"quantities\[0\]: noun span 0..39 is not inside"),
        ("quantities.0.number_end", 60, r"number span 28..60 is not inside the record"),
        ("attributions.0.source_end", 30, "source span 15..30 is not inside the record"),
        ("quantities.0.low", 400, r"quantities\[0\]: low 400 is above value 300"),
        ("quantities.0.high", 200, r"quantities\[0\]: high 200 is below value 300"),
        ("sentences.1.paragraph", -7, r"sentences\[1\].paragraph: -7 is not an index"),
        ("sentences.1.section", 3, r"sentences\[1\].section: 3 is not an index"),
        ("paragraphs.1.section", 9, r"paragraphs\[1\].section: 9 is not an index"),
        ("claims.1.end", 40, r"claims\[1\]"),
    ],
    ids=lambda v: f"int-{v.bit_length()}-bits" if isinstance(v, int) and v > 2**64 else None,
)
def test_stored_data_is_validated(
    small: dict[str, Any], path: str, value: Any, message: str
) -> None:
    data = _mutated(small, path, value) if not isinstance(value, dict) else small | {}
    if isinstance(value, dict):
        data = {**json.loads(json.dumps(small)), path: value}
    with pytest.raises(osintparse.SchemaError, match=message):
        osintparse.from_dict(data)


def test_claims_refer_to_the_records_of_the_layers(small: dict[str, Any]) -> None:
    """A claim's records are indexes into the layers, shared sources {"claim": k}."""
    claims = small["claims"]
    assert (claims[1]["attributions"], claims[1]["quantities"]) == ([0], [0])
    assert claims[2]["attributions"] == {"claim": 1}
    assert claims[2]["inherited"] is True
    a = osintparse.from_dict(small)
    assert a.claims[1].attributions[0] is a.attributions[0]
    assert a.claims[2].attributions is a.claims[1].attributions  # shared, not copied
    # A record given in full (as schema version 1 wrote it) is read, and checked.
    full = _mutated(small, "claims.1.attributions.0", dict(small["attributions"][0]))
    full["schema_version"] = 1
    del full["skipped"]  # added in version 3
    assert osintparse.from_dict(full) == a
    del full["claims"][1]["attributions"][0]["rule"]
    with pytest.raises(osintparse.SchemaError, match=r"claims\[1\].attributions\[0\]: missing"):
        osintparse.from_dict(full)


def test_a_hand_made_claim_holds_its_records_in_full() -> None:
    q = osintparse.Quantity(start=0, end=1, text="3", value=3)
    claim = osintparse.Claim(start=0, end=2, text="3.", quantities=[q])
    s = osintparse.Sentence(start=0, end=2, text="3.")
    a = osintparse.Article(text="3.", sentences=[s], claims=[claim])
    data = osintparse.to_dict(a)
    assert data["claims"][0]["quantities"] == [serialize.record_to_dict(q)]
    assert osintparse.from_dict(data) == a


def test_a_claim_that_cuts_a_sentence_is_refused(small: dict[str, Any]) -> None:
    data = _mutated(small, "claims.1.end", 40)
    data["claims"][1]["text"] = TEXT[data["claims"][1]["start"] : 40]
    with pytest.raises(osintparse.SchemaError, match=r"claims\[1\]: span 7..40 cuts sentence 1"):
        osintparse.from_dict(data)


def test_sentences_out_of_order_or_duplicated_are_refused(small: dict[str, Any]) -> None:
    data = json.loads(json.dumps(small))
    data["sentences"] = [data["sentences"][1], data["sentences"][0], *data["sentences"][2:]]
    with pytest.raises(osintparse.SchemaError, match=r"Article.sentences\[1\]: span 0..5 is not"):
        osintparse.from_dict(data)
    data = json.loads(json.dumps(small))
    data["sentences"].insert(1, data["sentences"][1])
    with pytest.raises(osintparse.SchemaError, match=r"Article.sentences\[2\].*text order"):
        osintparse.from_dict(data)


def test_deep_nesting_is_a_schema_error_not_a_recursion_error(small: dict[str, Any]) -> None:
    mention = {"start": 0, "end": 5, "text": "Titre", "label": "x", "data": {"d": _deep(_DEEP)}}
    mention |= {"extractor": "x", "rule": ""}
    data = {**small, "extras": {"mine": [mention]}}
    with pytest.raises(osintparse.SchemaError, match=r"extras.mine\[0\].data.d.*deeper than 64"):
        osintparse.from_dict(data)
    with pytest.raises(osintparse.SchemaError, match=r"Article.text: expected str, got a list"):
        osintparse.from_dict({**small, "text": _deep(_DEEP)})
    with pytest.raises(osintparse.SchemaError, match=r"Article.lang: expected str, got a list"):
        osintparse.from_dict({**small, "lang": _deep(_DEEP)})
    line = '{"schema_version": 1, "text": ' + "[" * _DEEP + "]" * _DEEP + "}"
    with pytest.raises(osintparse.SchemaError, match="line 1: JSON nested too deeply"):
        list(serialize.read_jsonl(io.StringIO(line)))


def test_free_data_must_be_json(small: dict[str, Any]) -> None:
    base = {"start": 0, "end": 5, "text": "Titre", "label": "x", "extractor": "x", "rule": ""}
    for data, message in [
        ({1: "x"}, r"extras.m\[0\].data: key 1 is not a string"),
        ({"a": [math.nan]}, r"extras.m\[0\].data.a\[0\]: nan is not a finite"),
        ({"a": {2: 3}}, r"data.a: key 2 is not a string"),
        ({"a": object()}, "is not a JSON value"),
        ({"a": 10**30}, "out of range"),
    ]:
        doc = {**small, "extras": {"m": [{**base, "data": data}]}}
        with pytest.raises(osintparse.SchemaError, match=message):
            osintparse.from_dict(doc)
    ok = {**small, "extras": {"m": [{**base, "data": {"a": [1, 2.5, None, True, {"b": "c"}]}}]}}
    assert osintparse.from_dict(ok).extras["m"][0].data["a"][4] == {"b": "c"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"schema_version": NaN}', "line 2: not strict JSON: NaN"),
        ('{"schema_version": Infinity}', "line 2: not strict JSON: Infinity"),
        ('{"schema_version": -Infinity}', "line 2: not strict JSON: -Infinity"),
        ('{"schema_version": ' + "9" * 5000 + "}", "line 2: not strict JSON: an integer of over"),
    ],
)
def test_read_jsonl_refuses_non_strict_json(line: str, message: str) -> None:
    good = osintparse.to_json(osintparse.Article(text=""))
    with pytest.raises(osintparse.SchemaError, match=message):
        list(serialize.read_jsonl(io.StringIO(f"{good}\n{line}\n")))


def test_read_jsonl_names_the_line_and_the_path(small: dict[str, Any]) -> None:
    bad = _mutated(small, "quantities.0.value", 1)
    bad["quantities"][0]["value"] = 1e308
    text = json.dumps(small) + "\n" + json.dumps(bad).replace("1e+308", "1e999") + "\n"
    with pytest.raises(
        osintparse.SchemaError, match=r"^line 2: Article.quantities\[0\].value: inf is not"
    ):
        list(serialize.read_jsonl(io.StringIO(text)))


def test_text_only_dict_is_refused() -> None:
    """Issue 19 item 5: from_dict({"text": "x"}) was accepted, contrary to the guarantees."""
    with pytest.raises(osintparse.SchemaError, match="missing required field 'schema_version'"):
        osintparse.from_dict({"text": "x"})
    with pytest.raises(osintparse.SchemaError, match="missing required field 'lang'"):
        osintparse.from_dict({"schema_version": 1, "text": "x"})


def test_to_json_is_strict() -> None:
    a = osintparse.Article(
        text="1", quantities=[osintparse.Quantity(start=0, end=1, text="1", value=math.inf)]
    )
    with pytest.raises(osintparse.SchemaError, match=r"Article.quantities\[0\].value: inf"):
        osintparse.to_json(a)
    with pytest.raises(osintparse.SchemaError):
        osintparse.write_jsonl([a], io.StringIO())


def test_html_view_is_always_encodable() -> None:
    a = osintparse.parse("Titre\ud800\n\nSelon l'AFP\udfff, 300 soldats.", lang="fr")
    html = a._repr_html_()
    html.encode("utf-8")  # raised UnicodeEncodeError: lone surrogates were copied as they are
    assert "\ufffd" in html


def test_round_trips_still_hold(small: dict[str, Any], seed: osintparse.Article) -> None:
    assert osintparse.to_dict(osintparse.from_dict(small)) == small
    assert osintparse.from_dict(osintparse.to_dict(seed)) == seed


def test_inherited_chains_are_written_once_and_shared_on_reading() -> None:
    """Provenance chains of inheriting claims are {"claim": k}, like their sources."""
    text = "Titre\n\nSelon l'AFP, 300 soldats sont arrivés. Ils sont 200 de plus. Ils viennent."
    a = osintparse.parse(text, lang="fr")
    claims = osintparse.to_dict(a)["claims"]
    assert claims[1]["chains"] == [[0]]  # the AFP's attribution, by its index
    assert claims[2]["chains"] == claims[3]["chains"] == {"claim": 1}
    b = osintparse.from_dict(osintparse.to_dict(a))
    assert b == a
    assert b.claims[3].chains is b.claims[2].chains is b.claims[1].chains


def test_a_long_text_is_written_in_pieces_with_the_same_characters() -> None:
    """The text goes out in slices (never its whole JSON at once), escaped exactly as
    json.dumps escapes it: quotes, backslashes, controls, and surrogates on either side
    of a slice boundary."""
    edge = serialize._CHUNK
    text = "a" * (edge - 1) + "\ud83d\ude00" + 'q"\\\n\t\x01' + "\ud800" + "é\u202f" * edge
    a = osintparse.Article(text=text, title="t")
    pieces = list(serialize.json_chunks(a))
    assert len(pieces) > 2
    assert max(map(len, pieces)) < len(text)
    expected = serialize._escaped(
        json.dumps(osintparse.to_dict(a), ensure_ascii=False, allow_nan=False)
    )
    assert "".join(pieces) == expected
    assert "\\ud800" in expected
    assert "\\ud83d\\ude00" in expected


def _claimed(quantities: list[Any], claim_figures: list[Any]) -> osintparse.Article:
    from osintparse.model import Claim

    text = "x" * 40
    claim = Claim(start=0, end=40, text=text, quantities=claim_figures)
    return osintparse.Article(text=text, quantities=quantities, claims=[claim])


def _figure(start: int) -> Any:
    from osintparse.model import Quantity

    return Quantity(start=start, end=start + 1, text="x", value=float(start))


@pytest.mark.parametrize(
    "order",
    [
        [1, 5, 9],  # in order of start: found by bisection
        [9, 1, 5],  # out of order (a hand-made article): found by a map of ids
    ],
)
def test_claim_figures_are_written_as_their_index_in_any_order(order: list[int]) -> None:
    figures = [_figure(s) for s in order]
    a = _claimed(figures, [figures[2], figures[0]])
    d = osintparse.to_dict(a)
    assert d["claims"][0]["quantities"] == [2, 0]
    assert osintparse.from_dict(json.loads(json.dumps(d))) == a
    assert "".join(serialize.json_chunks(a)) == osintparse.to_json(a)


def test_claim_record_indexes_with_shared_starts_and_strangers() -> None:
    same = [_figure(3) for _ in range(20)]  # one start, 20 records: past the bisection
    twice = _figure(7)
    for layer in ([*same[:4], twice, twice], [*same, twice, twice]):
        stranger = _figure(3)  # equal to the layer's records, but none of them
        d = osintparse.to_dict(_claimed(layer, [layer[2], twice, stranger]))
        refs = d["claims"][0]["quantities"]
        assert refs[:2] == [2, len(layer) - 1]  # the same record twice: its last index
        assert refs[2]["start"] == 3  # a record of no layer is written in full
