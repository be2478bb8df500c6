"""The dates extractor: golden cases in both languages, the seed, offsets, bad input."""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import types
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import osintparse
from osintparse import Anchor, DateKind, DateMention, Modifier, Precision, find_dates, lexicons
from osintparse.extractors.base import Document, get_factory
from osintparse.extractors.dates import DatesExtractor
from osintparse.extractors.dates._engine import compiled, find_in
from osintparse.extractors.dates._rules import PATTERNS, RULES
from osintparse.extractors.dates._steps import STEPS, VETOES
from osintparse.text import normalize
from tests.bounds import Repeated, assert_linear
from tests.conftest import ROOT, assert_offsets
from tests.invariants import modules_after

CASES = ROOT / "tests" / "cases"
DOC = ROOT / "docs" / "extractors" / "dates.md"
LEXICONS = pathlib.Path(lexicons.__file__).resolve().parent


def _load(lang: str) -> list[Any]:
    path = CASES / lang / "dates.jsonl"
    return [
        pytest.param(lang, json.loads(line), id=f"{lang}:{i}:{json.loads(line)['text'][:40]}")
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip()
    ]


# TimeML fields a golden case may also expect; a case checks only those it names.
_TIMEML_KEYS = ("timex", "kind", "modifier", "day_part", "anchor", "dateline")


def _as_case(m: DateMention, expected: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": m.text,
        "value": None if m.value is None else m.value.isoformat(),
        "value_end": None if m.value_end is None else m.value_end.isoformat(),
        "precision": m.precision.value,
        "relative": m.relative,
    }
    for k in _TIMEML_KEYS:
        if expected is not None and k in expected:
            v = getattr(m, k)
            out[k] = v.value if isinstance(v, enum.Enum) else v
    return out


def _as_cases(found: tuple[DateMention, ...], expect: list[dict[str, Any]]) -> list[Any]:
    extra = expect + [{}] * max(0, len(found) - len(expect))
    return [_as_case(m, e) for m, e in zip(found, extra, strict=False)]


# Every supported language has golden cases: a new lexicon folder needs its cases too.
GOLDEN_LANGS = osintparse.supported_languages()


@pytest.mark.parametrize(("lang", "case"), [p for lang in GOLDEN_LANGS for p in _load(lang)])
def test_golden_cases(lang: str, case: dict[str, Any]) -> None:
    published = dt.date.fromisoformat(case["published"]) if case["published"] else None
    found = find_dates(case["text"], lang=lang, published=published)
    for m in found:
        assert case["text"][m.start : m.end] == m.text
        assert m.extractor == "dates"
        assert m.rule
    if case.get("status") == "fail":
        # A known failure, kept as data with its reason: it must still fail, or the case
        # is updated to "status": "pass".
        assert case.get("reason")
        assert _as_cases(found, case["expect"]) != case["expect"], "known failure now passes"
        return
    assert _as_cases(found, case["expect"]) == case["expect"], case.get("note", "")


def test_golden_cases_cover_every_language_and_negatives() -> None:
    for lang in GOLDEN_LANGS:
        cases = [p.values[1] for p in _load(lang)]
        assert len(cases) >= 30
        assert sum(1 for c in cases if not c["expect"]) >= 5
        assert {e["precision"] for c in cases for e in c["expect"]} == {p.value for p in Precision}


@pytest.mark.parametrize("lang", GOLDEN_LANGS)
def test_golden_cases_cover_the_timeml_fields(lang: str) -> None:
    # Every kind, anchor and modifier of issue 14, with a part of day and a dateline, is
    # expected by some golden case of every language.
    found = [e for c in (p.values[1] for p in _load(lang)) for e in c["expect"]]
    assert {e.get("kind") for e in found} >= {k.value for k in DateKind}
    assert {e.get("anchor") for e in found} >= {a.value for a in Anchor}
    assert {e.get("modifier") for e in found} >= {Modifier.MID.value, Modifier.END.value}
    assert {e.get("modifier") for e in found} & {Modifier.START.value, Modifier.APPROX.value}
    assert any(e.get("day_part") for e in found)
    assert any(e.get("dateline") for e in found)
    assert any(e.get("timex", "").endswith(("-Q3", "-H1")) for e in found)


def test_seed_gives_exactly_one_date(seed: osintparse.Article) -> None:
    assert len(seed.dates) == 1
    (d,) = seed.dates
    assert d.text == "avril 2025"
    assert d.value == dt.date(2025, 4, 1)
    assert d.value_end == dt.date(2025, 4, 30)
    assert d.precision is Precision.MONTH
    assert d.relative is False
    assert seed.text[d.start : d.end] == d.text
    assert_offsets(seed)


def test_seed_with_published_is_the_same(seed_text: str) -> None:
    a = osintparse.parse(seed_text, published="2025-05-20T10:00:00")
    assert [(d.text, d.value) for d in a.dates] == [("avril 2025", dt.date(2025, 4, 1))]


def test_month_is_never_filled_with_a_day_from_today() -> None:
    for published in (None, dt.date(2025, 4, 17), dt.date(2031, 1, 9)):
        (d,) = find_dates("en avril 2025", lang="fr", published=published)
        assert (d.value, d.value_end, d.precision) == (
            dt.date(2025, 4, 1),
            dt.date(2025, 4, 30),
            Precision.MONTH,
        )


def test_extractor_is_registered_and_declares_its_layers() -> None:
    assert "dates" in osintparse.available_extractors()
    assert get_factory("dates") is DatesExtractor
    ex = DatesExtractor()
    assert (ex.name, ex.produces, ex.requires) == ("dates", ("dates",), ("sentences",))
    assert "dates" in osintparse.Pipeline.default().names


def test_extractor_reads_published_datetime_and_matches_find_dates() -> None:
    text = "Hier, puis le 3 mai 2024."
    when = dt.datetime(2025, 5, 6, 23, 59)
    doc = Document.from_text(text, lang="fr", published=when)
    layer = DatesExtractor()(doc)["dates"]
    assert layer == find_dates(text, lang="fr", published=when)
    assert layer[0].value == dt.date(2025, 5, 5)


def test_extractor_without_language_finds_nothing() -> None:
    doc = Document.from_text("12 mars 2024", lang=None)
    assert DatesExtractor()(doc) == {"dates": ()}


def test_offsets_point_into_the_original_text() -> None:
    text = "Le\u00a012\u00a0mars\u00a02024 et l\u2019an dernier, \ufb01n aou\u0302t 2023."
    found = find_dates(text, lang="fr", published=dt.date(2025, 1, 10))
    assert [m.text for m in found] == [
        "Le\u00a012\u00a0mars\u00a02024",
        "l\u2019an dernier",
        "\ufb01n aou\u0302t 2023",
    ]
    assert [m.value for m in found] == [
        dt.date(2024, 3, 12),
        dt.date(2024, 1, 1),
        dt.date(2023, 8, 21),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_parse_layer_offsets() -> None:
    a = osintparse.parse(
        "Titre\n\nLe 12 mars 2024, puis mardi dernier.", lang="fr", published="2025-05-01"
    )
    assert [d.text for d in a.dates] == ["Le 12 mars 2024", "mardi dernier"]
    assert_offsets(a)


def test_relative_rules() -> None:
    thursday = dt.date(2025, 5, 1)
    tuesday = dt.date(2025, 4, 29)

    def value(text: str, lang: str, published: dt.date = thursday) -> dt.date | None:
        (m,) = find_dates(text, lang=lang, published=published)
        return m.value

    assert value("mardi", "fr") == tuesday
    assert value("jeudi", "fr") == thursday  # up to the publication date, included
    assert value("jeudi dernier", "fr") == dt.date(2025, 4, 24)
    assert value("next Tuesday", "en") == dt.date(2025, 5, 6)
    assert value("this Tuesday", "en") == tuesday
    assert value("avant-hier", "fr") == dt.date(2025, 4, 29)
    assert value("la semaine prochaine", "fr") == dt.date(2025, 5, 5)
    assert value("cet été", "fr") == dt.date(2025, 6, 1)
    assert value("last summer", "en") == dt.date(2024, 6, 1)
    assert value("last winter", "en", dt.date(2025, 1, 15)) == dt.date(2023, 12, 1)
    assert value("in two weeks", "en") == dt.date(2025, 5, 12)  # the week, as TimeML
    assert value("two years ago", "en") == dt.date(2023, 1, 1)  # the year
    assert value("last March", "en") == dt.date(2025, 3, 1)
    assert value("avril dernier", "fr", dt.date(2025, 4, 20)) == dt.date(2024, 4, 1)
    assert value("le 31 décembre", "fr") == dt.date(2024, 12, 31)
    assert value("le 29 février", "fr") == dt.date(2024, 2, 29)


def test_relative_without_published_has_no_value() -> None:
    texts = {
        "fr": "hier, mardi, la semaine dernière, le mois dernier, il y a trois jours",
        "en": "yesterday, on Tuesday, last week, last month, last winter, March 23",
    }
    for lang, text in texts.items():
        found = find_dates(text, lang=lang)
        assert len(found) >= 5
        assert all(m.relative and m.value is None and m.value_end is None for m in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("30 février 2024", "fr"),
        ("31/04/2024", "fr"),
        ("2024-13-01", "en"),
        ("between 5 and 3 May 2024", "en"),
        ("le 32 mars", "fr"),
    ],
)
def test_impossible_dates_are_not_dates(text: str, lang: str) -> None:
    assert find_dates(text, lang=lang, published=dt.date(2025, 5, 1)) == ()


def test_two_digit_years_follow_the_publication_date() -> None:
    def year(published: dt.date | None) -> int:
        (d,) = find_dates("le 12/03/26", lang="fr", published=published)
        assert d.rule == "numeric:two_digit_year"
        assert d.value is not None
        return d.value.year

    # The year of the window from 80 years before P's year to 19 after it.
    assert year(dt.date(2025, 5, 1)) == 2026
    assert year(dt.date(1999, 7, 29)) == 1926
    assert year(dt.date(2006, 1, 1)) == 1926
    assert year(dt.date(2007, 1, 1)) == 2026
    assert year(None) == 2026  # without P, the POSIX pivot: 00-68 are the 2000s
    (d,) = find_dates("le 13/03/70", lang="fr")
    assert d.value == dt.date(1970, 3, 13)
    (m,) = find_dates("dès octobre 98", lang="fr", published=dt.date(1999, 5, 23))
    assert (m.text, m.timex) == ("octobre 98", "1998-10")


class _FrozenClock(types.ModuleType):
    """A ``datetime`` module whose ``date.today()`` and ``datetime.now()`` say ``day``."""

    def __init__(self, day: dt.date) -> None:
        super().__init__("datetime")
        frozen = day

        class _Date(dt.date):
            @classmethod
            def today(cls) -> dt.date:
                return frozen

        class _DateTime(dt.datetime):
            @classmethod
            def now(cls, tz: Any = None) -> dt.datetime:
                return dt.datetime.combine(frozen, dt.time())

            @classmethod
            def today(cls) -> dt.datetime:
                return cls.now()

        self.date = _Date
        self.datetime = _DateTime

    def __getattr__(self, name: str) -> Any:
        return getattr(dt, name)


_CLOCK_TEXTS = {
    "fr": "Le 12/03/26, le 13/03/70 et le 1/1/00 ; hier, mardi, le 2 mai, en avril, octobre 98.",
    "en": "On 12/03/26, 3/13/70 and 1/1/00; yesterday, on Tuesday, May 2, in April, Oct. '98.",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dates_do_not_depend_on_the_clock(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    # Two faked clocks ten years apart, and dateparser made unimportable: the mentions
    # are the same, with and without a publication date.
    from osintparse.extractors import dates as package

    modules = [
        m
        for name, m in sorted(sys.modules.items())
        if name.startswith(package.__name__) and hasattr(m, "_dt")
    ]
    assert modules
    monkeypatch.setitem(sys.modules, "dateparser", None)
    runs = []
    for day in (dt.date(2011, 6, 1), dt.date(2031, 12, 31)):
        for m in modules:
            monkeypatch.setattr(m, "_dt", _FrozenClock(day))
        runs.append(
            [
                (d.text, d.value, d.value_end, d.rule)
                for published in (None, dt.date(2025, 5, 6))
                for d in find_dates(_CLOCK_TEXTS[lang], lang=lang, published=published)
            ]
        )
    assert runs[0] == runs[1]
    assert len(runs[0]) >= 12
    assert all(isinstance(row[1], dt.date | None) for row in runs[0])


def test_unsupported_language_is_an_error() -> None:
    with pytest.raises(osintparse.UnsupportedLanguageError):
        find_dates("12 mars 2024", lang="xx")


def test_importing_osintparse_does_not_import_dateparser() -> None:
    code = "import osintparse\nosintparse.find_dates('en 2024', lang='fr')"
    assert modules_after(code, "dateparser") == []


ADVERSARIAL = [
    Repeated("1", 100_000),
    Repeated("12/12/", 50_000),
    Repeated("depuis ", 20_000),
    Repeated("entre 2019 et ", 10_000),
    Repeated("du 1 au ", 20_000),
    Repeated("le 12 ", 20_000),
    Repeated("mars ", 20_000),
    Repeated(" ", 100_000, tail="2024"),
    Repeated("the ", 30_000, tail="1990s"),
]


def _dates_in_both_languages(text: str) -> list[Any]:
    return [m for lang in ("fr", "en") for m in find_dates(text, lang=lang)]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=str)
def test_adversarial_input_finishes(text: Repeated) -> None:
    """Each adversarial input at a tenth of its size; the heavy test below, at full size."""
    small = text.small
    for m in _dates_in_both_languages(small):
        assert small[m.start : m.end] == m.text


# Heavy. Margins measured on the 2-core machine (2026-11-30, load 6): the slowest input,
# "du 1 au " * 20 000 (160 000 characters), took 3.9 s of CPU for both languages against
# the 20 s ceiling (a hang guard), with the largest per-character ratio full / a tenth,
# 1.26, against bounds.MAX_PER_CHAR_RATIO = 3.
@pytest.mark.heavy
@pytest.mark.parametrize("text", ADVERSARIAL, ids=str)
def test_adversarial_input_is_linear(text: Repeated) -> None:
    found, report = assert_linear(_dates_in_both_languages, text.build, text.count, max_cpu_s=20)
    full = text.build(text.count)
    for m in found:
        assert full[m.start : m.end] == m.text
    print(text, report)


def test_lexicons_hold_the_words() -> None:
    fr = osintparse.lexicons.load("fr", "dates")
    en = osintparse.lexicons.load("en", "dates")
    assert "hier" in fr["relative"]["days"]
    assert "yesterday" in en["relative"]["days"]
    assert set(fr) == set(en)


def test_text_whose_lower_case_changes_length() -> None:
    text = "İstanbul, le 12 mars 2024 et HIER."
    found = find_dates(text, lang="fr", published=dt.date(2025, 1, 2))
    assert [(m.text, m.value) for m in found] == [
        ("le 12 mars 2024", dt.date(2024, 3, 12)),
        ("HIER", dt.date(2025, 1, 1)),
    ]


_PIECES = [
    "le",
    "12",
    "mars",
    "2024",
    "depuis",
    "entre",
    "et",
    "du",
    "au",
    "hier",
    "mardi",
    "dernier",
    "semaine",
    "mois",
    "fin",
    "début",
    "-",
    "/",
    "'",
    "the",
    "of",
    "May",
    "since",
    "last",
    "week",
    "in",
    "1990s",
    "Q1",
    "les",
    "années",
    "\u00a0",
    "\ufb01",
    "\u2019",
    "e\u0301",
    ",",
    ".",
    "31",
    "2/3",
    "trimestre",
    "ago",
    "two",
]


@given(
    st.lists(st.sampled_from(_PIECES), max_size=30),
    st.sampled_from(["fr", "en"]),
    st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
)
@settings(max_examples=300, deadline=None)
def test_any_text_gives_well_formed_mentions(
    pieces: list[str], lang: str, published: dt.date | None
) -> None:
    text = " ".join(pieces)
    found = find_dates(text, lang=lang, published=published)
    last_end = 0
    spans = {(m.start, m.end) for m in found}
    for m in found:
        assert text[m.start : m.end] == m.text
        if m.range_start is not None or m.range_end is not None:
            # an end of a range lies inside its range, which is also a mention
            assert (m.range_start, m.range_end) in spans
            assert m.range_start is not None
            assert m.range_end is not None
            assert m.range_start <= m.start
            assert m.end <= m.range_end
            continue
        assert m.start >= last_end
        last_end = m.end
        if m.value is None:
            assert m.relative
            assert m.value_end is None
        elif m.value_end is not None:
            assert m.value <= m.value_end


# -- the rule table ----------------------------------------------------------------------


def _doc_rule_rows() -> list[list[str]]:
    """The rows of the rule table of the docs page: name, reads, keys, fr, en, precision."""
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("| rule | what it reads |") : text.index("`<direction>` is the key")]
    rows = []
    for line in table.splitlines()[2:]:
        if line.startswith("| `"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            rows.append([cells[0].strip("`"), *cells[1:]])
    return rows


def test_every_rule_has_a_pattern_and_a_summary() -> None:
    assert RULES.names() == PATTERNS.names()
    for table in (RULES, VETOES, STEPS):
        assert all(rule.summary for rule in table), table


def test_every_rule_is_listed_in_the_docs_in_table_order() -> None:
    assert [row[0] for row in _doc_rule_rows()] == list(RULES.names())
    text = DOC.read_text(encoding="utf-8")
    for name in (*VETOES.names(), *STEPS.names()):
        assert f"| `{name}` |" in text, name


@pytest.mark.parametrize("row", _doc_rule_rows(), ids=lambda row: row[0])
def test_docs_examples_are_found_by_their_rule(row: list[str]) -> None:
    name, _, _, fr, en, _ = row
    published = dt.date(2025, 5, 6)
    for lang, cell in (("fr", fr), ("en", en)):
        for example in cell.split("; "):
            found = find_dates(example, lang=lang, published=published)
            rules = [m.rule for m in found]
            assert any(r == name or r.startswith(name + ":") for r in rules), (example, rules)


def test_mention_rules_start_with_the_rule_that_made_them() -> None:
    for lang in ("fr", "en"):
        for param in _load(lang):
            case = param.values[1]
            published = dt.date.fromisoformat(case["published"]) if case["published"] else None
            for m in find_dates(case["text"], lang=lang, published=published):
                assert m.rule.split(":")[0] in RULES, m.rule


def test_each_rule_is_one_group_of_the_master_pattern() -> None:
    c = compiled("en")
    assert len(c.rules) == len(RULES)
    m = c.master.match("between 2019 and 2023")
    assert m is not None
    assert c.rules[m.lastgroup or ""][0] is RULES["range"].fn


# -- sentences ---------------------------------------------------------------------------


def test_extractor_leaves_boilerplate_out_and_find_dates_does_not() -> None:
    text = "Titre du 3 mai 2024\n\nLire aussi : l'offensive du 12 mars 2024\n\nLe 4 mai 2024, rien."
    article = osintparse.Pipeline(["structure", "dates"])(text, lang="fr")
    assert [d.text for d in article.dates] == ["3 mai 2024", "Le 4 mai 2024"]
    assert [d.text for d in find_dates(text, lang="fr")] == [
        "3 mai 2024",
        "12 mars 2024",
        "Le 4 mai 2024",
    ]
    assert_offsets(article)


def test_no_mention_runs_past_the_end_of_a_span() -> None:
    text = "le 12 mars 2024"
    assert [m.text for m in find_in(normalize(text), "fr", None, [(0, len(text))])] == [
        "le 12 mars 2024"
    ]
    # Cut before the year: a day and month without a year, and a bare year alone.
    assert [m.text for m in find_in(normalize(text), "fr", None, [(0, 10)])] == ["le 12 mars"]
    two = find_in(normalize(text), "fr", None, [(0, 10), (11, 15)])
    assert [(m.text, m.value) for m in two] == [
        ("le 12 mars", None),
        ("2024", dt.date(2024, 1, 1)),
    ]
    # The article is read within the span too.
    assert [m.text for m in find_in(normalize(text), "fr", None, [(3, 15)])] == ["12 mars 2024"]
    published = dt.date(2025, 5, 6)
    (m,) = find_in(normalize("en 1515"), "fr", published, [(0, 7)])
    assert m.text == "1515"
    # The preposition that makes an old year a date is read within the span only.
    assert find_in(normalize("en 1515"), "fr", published, [(3, 7)]) == ()


# -- languages as data -------------------------------------------------------------------

_PROBE = r"""
import datetime, json, sys, osintparse
out = {}
for code in sys.argv[2:]:
    out[code] = [
        [(d.text, str(d.value), str(d.value_end), d.precision.value, d.relative, d.rule)
         for d in osintparse.find_dates(
             text, lang=code, published=pub and datetime.date.fromisoformat(pub))]
        for text, pub in json.loads(sys.argv[1])
    ]
out["dateparser"] = "dateparser" in sys.modules
print(json.dumps(out))
"""

_TEXTS = {
    "en": [
        "On 12/03/24, and 13/03/70, between 2019 and 2023, last week, March 23, the 1990s.",
        "Kyiv, March 12 (Reuters) - troops were deployed on Tuesday, 3/4/2025, in the spring.",
    ],
    "fr": [
        "Le 12/03/24 et le 13/03/70, entre 2019 et 2023, la semaine dernière, le 23 mars.",
        "Depuis mardi, il y a trois jours, fin avril, les années 90, au printemps 2024.",
    ],
}


def _copy(tmp_path: pathlib.Path, src: str, code: str, dateparser: str | None = None) -> None:
    shutil.copytree(LEXICONS / src, tmp_path / code)
    if dateparser is not None:
        path = tmp_path / code / "language.toml"
        text = re.sub(
            r'(?m)^dateparser = ".*"$', f'dateparser = "{dateparser}"', path.read_text("utf-8")
        )
        path.write_text(text, encoding="utf-8")


def _probe(root: pathlib.Path, lang: str, *codes: str) -> dict[str, Any]:
    texts = [(t, p) for t in _TEXTS[lang] for p in (None, "2025-05-06")]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(texts), *codes],
        env={**os.environ, lexicons.ENV_PATH: str(root)},
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize(("src", "code"), [("en", "zz"), ("fr", "zy")])
def test_a_copy_of_a_language_gives_the_same_dates(
    tmp_path: pathlib.Path, src: str, code: str
) -> None:
    _copy(tmp_path, src, code)
    out = _probe(tmp_path, src, src, code)
    assert out[code] == out[src]
    assert all(out[src])


@pytest.mark.parametrize(("src", "code"), [("en", "zx"), ("fr", "zw")])
def test_two_digit_years_without_dateparser_use_the_language_order_and_a_pivot(
    tmp_path: pathlib.Path, src: str, code: str
) -> None:
    _copy(tmp_path, src, code, dateparser="")
    out = _probe(tmp_path, src, code)
    assert out["dateparser"] is False
    first = out[code][0]
    assert first[0][0] == ("12/03/24" if src == "en" else "Le 12/03/24")
    assert first[0][1] == ("2024-12-03" if src == "en" else "2024-03-12")
    assert first[0][5] == "numeric:two_digit_year"
    assert first[1][1] == "1970-03-13"  # 13 cannot be a month
    # The engine never asks dateparser: everything is read as for the language itself.
    with_dp = _probe(tmp_path, src, src)[src]
    assert [m[:5] for doc in out[code] for m in doc] == [m[:5] for doc in with_dp for m in doc]
