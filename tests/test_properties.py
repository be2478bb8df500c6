"""Property tests: whatever the text, ``parse`` never raises and never lies about offsets.

Three kinds of generated text: arbitrary Unicode (surrogates, control characters,
combining marks, line separators included), text built from every lexicon's own words
and numbers (read from every ``osintparse/lexicons/<lang>/*.toml``, so new words are
picked up automatically), and mutated windows of the seed article. Every article is
checked by :func:`tests.invariants.check_article` (offsets, nesting, sentence
containment, quantity bounds, dict and JSON round trips). Example counts come from the
hypothesis profile (``ci`` by default, ``HYPOTHESIS_PROFILE=long`` for hand runs).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import osintparse
from osintparse import lexicons
from tests.conftest import ROOT, SEED_PATH
from tests.invariants import check_article, check_json, check_offsets, check_round_trip

LANGS: list[str | None] = [None, *lexicons.supported_languages()]


LEXICON_WORDS = list(lexicons.all_strings())
SEED = SEED_PATH.read_text(encoding="utf-8")

# Characters that exercise normalisation, line splitting and sentence boundaries.
SPECIAL = [
    "\n", "\r", "\r\n", "\n\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",
    "\t", " ", "\u00a0", "\u202f", "\u2009", "\u3000",
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad",
    "\u202e", "\u2066", "\u0301", "\u0308", "\u20dd", "\ufb01", "\ufb03",
    "\u2019", "\u00ab", "\u00bb", "\u201c", "\u201d", "\"", "'", "(", ")", "[", "]",
    ".", "...", "\u2026", "!", "?", "?!", ",", ";", ":", "-", "\u2013", "\u2014", "#", "# ",
    "\ud800", "\udfff", "\x00", "\x7f", "\ufffd", "\U0001f600", "\U0001f1eb\U0001f1f7",
    "\u0928\u093c", "\u0958", "A", "a", "É", "1", "10 000", "6,8", "%",
]  # fmt: skip

_any_char = st.one_of(
    st.characters(codec=None),
    st.characters(categories=["Cs"]),
    st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"]),
    st.characters(categories=["Mn", "Mc", "Me"]),
    st.sampled_from(SPECIAL),
)
arbitrary_text = st.lists(_any_char, max_size=300).map("".join)


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A figure as articles write it: grouped, decimal, ranged, with a percent sign..."""
    n = draw(st.integers(min_value=0, max_value=10**12))
    style = draw(st.sampled_from(["plain", "space", "nbsp", "comma", "dot", "dec", "pct"]))
    if style == "plain":
        return str(n)
    if style in ("space", "nbsp", "comma", "dot"):
        sep = {"space": " ", "nbsp": "\u202f", "comma": ",", "dot": "."}[style]
        return f"{n:,}".replace(",", sep)
    if style == "dec":
        return f"{n % 1000},{draw(st.integers(0, 99))}"
    return f"{n % 100},{draw(st.integers(0, 9))} %"


_separators = st.sampled_from(
    [" ", " ", " ", ", ", ". ", "\n", "\n\n", " \u00ab ", " \u00bb ", ": ", " - ", "? ", "\u2019"]
)
_token = st.one_of(
    st.sampled_from(LEXICON_WORDS),
    st.sampled_from(LEXICON_WORDS).map(str.capitalize),
    st.sampled_from(LEXICON_WORDS).map(str.upper),
    numbers(),
    st.sampled_from(SPECIAL),
)
lexicon_text = st.lists(st.tuples(_token, _separators), max_size=80).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """A window of the seed article, then a few insertions, deletions and duplications."""
    start = draw(st.integers(0, len(SEED) - 1))
    text = SEED[start : start + draw(st.integers(0, 3000))]
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "replace", "case"]))
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 200)))
        if op == "insert":
            piece = draw(st.one_of(arbitrary_text, st.sampled_from(LEXICON_WORDS), numbers()))
            text = text[:i] + piece + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(1, 5)) + text[j:]
        elif op == "replace":
            text = text[:i] + draw(_any_char) + text[i + 1 :]
        else:
            text = text[:i] + text[i:j].swapcase() + text[j:]
    return text


published_values = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31)),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(dt.date.isoformat),
)


def _parse_and_check(text: str, lang: str | None, published: Any) -> osintparse.Article:
    article = osintparse.parse(text, lang=lang, published=published)
    check_article(article, text)
    if lang is not None:
        assert article.lang == lang
    return article


@given(text=arbitrary_text, lang=st.sampled_from(LANGS), published=published_values)
def test_arbitrary_unicode(text: str, lang: str | None, published: Any) -> None:
    _parse_and_check(text, lang, published)


@given(text=lexicon_text, lang=st.sampled_from(LANGS), published=published_values)
def test_lexicon_words_and_numbers(text: str, lang: str | None, published: Any) -> None:
    _parse_and_check(text, lang, published)


@given(text=mutated_seed(), lang=st.sampled_from(LANGS), published=published_values)
def test_mutated_seed(text: str, lang: str | None, published: Any) -> None:
    _parse_and_check(text, lang, published)


@given(text=st.one_of(arbitrary_text, lexicon_text, mutated_seed()))
def test_parse_is_a_function_of_its_input(text: str) -> None:
    """Same text, same article: nothing leaks from one parse into the next."""
    first = osintparse.parse(text)
    osintparse.parse(SEED[:500])
    assert osintparse.parse(text) == first


# -- from_dict never fails with anything but SchemaError --------------------------------

_json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False), st.text()
)
json_values = st.recursive(
    _json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=12), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutated_dicts(draw: st.DrawFn) -> Any:
    """A real article's dict with one value replaced, deleted or given an extra key."""
    text = draw(st.one_of(lexicon_text, mutated_seed()))
    data = json.loads(osintparse.to_json(osintparse.parse(text, lang=draw(st.sampled_from(LANGS)))))
    path = draw(st.sampled_from(_paths(data)))
    if not path:
        return draw(json_values)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    op = draw(st.sampled_from(["replace", "delete", "extra"]))
    if op == "replace":
        parent[path[-1]] = draw(json_values)
    elif op == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.text(max_size=8))] = draw(json_values)
    else:
        parent.append(draw(json_values))
    return data


@given(data=mutated_dicts())
def test_from_dict_raises_only_schema_error(data: Any) -> None:
    try:
        article = osintparse.from_dict(data)
    except osintparse.SchemaError:
        pass
    else:
        # Whatever it accepts has truthful offsets and round-trips.
        check_offsets(article)
        check_round_trip(article)
        check_json(article)


# -- determinism across processes ------------------------------------------------------

_CORPUS_SCRIPT = textwrap.dedent(
    """
    import hashlib, json, sys
    import osintparse
    corpus = json.load(sys.stdin)
    for text, lang in corpus:
        a = osintparse.parse(text, lang=lang, published="2025-05-01")
        out = osintparse.to_json(a).encode("utf-8")
        print(a.lang, len(a.mentions()), hashlib.sha256(out).hexdigest())
    """
)


def _corpus() -> list[tuple[str, str | None]]:
    """A fixed corpus: the seed, windows of it, lexicon soup and Unicode junk."""
    import random

    rng = random.Random(9)
    corpus: list[tuple[str, str | None]] = [(SEED, None), (SEED, "fr"), (SEED, "en")]
    for _ in range(12):
        i = rng.randrange(len(SEED))
        corpus.append((SEED[i : i + rng.randrange(50, 4000)], rng.choice(LANGS)))
    for _ in range(12):
        words = rng.choices(LEXICON_WORDS, k=rng.randrange(5, 200))
        seps = rng.choices([" ", ", ", ". ", "\n\n", " 10 000 ", " \u00ab "], k=len(words))
        corpus.append(("".join(w + s for w, s in zip(words, seps, strict=True)), None))
    for _ in range(6):
        junk = "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(1, 400)))
        corpus.append((junk, rng.choice(LANGS)))
    return corpus


def test_identical_across_processes_with_different_hash_seeds() -> None:
    payload = json.dumps(_corpus())  # ensure_ascii: lone surrogates travel as \\udxxx
    outputs = []
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", _CORPUS_SCRIPT],
            input=payload,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0].count("\n") == len(_corpus())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("lang", LANGS)
def test_seed_article_satisfies_every_invariant(lang: str | None) -> None:
    _parse_and_check(SEED, lang, "2025-05-01")


@given(text=st.one_of(arbitrary_text, lexicon_text))
def test_normalized_offset_map_is_monotonic_and_in_bounds(text: str) -> None:
    """The map every extractor relies on to turn normalised spans into original ones."""
    from osintparse.text import normalize

    n = normalize(text)
    if n.identity:
        assert len(n.text) == len(text)
        return
    assert len(n.starts) == len(n.ends) == len(n.text)
    previous = (0, 0)
    for s, e in zip(n.starts, n.ends, strict=True):
        assert 0 <= s < e <= len(text)
        assert s >= previous[0]
        assert e >= previous[1]
        previous = (s, e)
    for i in range(len(n.text) + 1):
        for j in (i, min(i + 3, len(n.text))):
            s, e = n.span(i, j)
            assert 0 <= s <= e <= len(text)
