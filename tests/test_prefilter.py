"""Prefilters (``_patterns.Prefilter``): a scan that tries patterns only where a token opens
them finds exactly what the one combined pattern finds."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from osintparse import lexicons
from osintparse._patterns import Prefilter, alternation
from osintparse.extractors.attributions._lexicon import CUE_KINDS, cue_lexicon
from osintparse.extractors.quantities._numbers import _grammar, find_numbers
from tests.conftest import ROOT

CASES = ROOT / "tests" / "cases"
#: Texts where a token-by-token scan could part from the regex engine's: hyphens before a
#: cue, apostrophes either way, capitals, colons glued to words, a cue inside a word.
_EDGES = [
    "Selon-lui, D’APRÈS l'AFP: « rien », a-t-il dit.",
    'officials SAID; re-said, unsaid, "said": it was-said that he\'s saying',
    "according  to\tthem, it is  widely believed that x:y.",
]


def _texts(lang: str) -> list[str]:
    texts = list(_EDGES)
    for path in sorted(CASES.glob(f"{lang}/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            if "text" in case:
                texts.append(case["text"])
    return texts


@pytest.mark.parametrize("lang", lexicons.supported_languages())
def test_cue_scan_finds_what_the_combined_pattern_finds(lang: str) -> None:
    lex = cue_lexicon(lang)
    texts = _texts(lang)
    found = 0
    for text in texts:
        for lo in (0, 3):
            want = [(m.span(), m.lastgroup) for m in lex.cues.finditer(text, lo, len(text))]
            got = [(m.span(), m.lastgroup) for m in lex.scan.finditer(text, lo, len(text))]
            assert got == want, text
            found += len(got)
    assert found > len(texts) // 2  # the cases hold cues: the comparison compared something


def test_prefilter_tries_alternatives_in_order_and_compiles_what_a_text_opens() -> None:
    def words(ws: Sequence[str]) -> str:
        return r"\m" + alternation(ws) + r"\M"

    scan = Prefilter([(r"\m(?:ab c)\M", ["ab c"]), (words, ["ab", "x", "zz", "yy y"])])
    assert [m.group() for m in scan.finditer("ab c ab x-ab")] == ["ab c", "ab", "x", "ab"]
    # the second alternative compiled the words of "ab" and of "x" only
    assert sorted(scan.compiled()) == [(0, ""), (1, "ab"), (1, "x")]


def test_cue_scan_compiles_only_the_forms_a_text_holds() -> None:
    lex = cue_lexicon("en")
    shapes = [rule.fn(lex.verb_forms) for rule in CUE_KINDS]
    scan = Prefilter([(s.source(), s.opening_words) for s in shapes], lex.cues.flags)
    text = "Officials said the strike, according to the report, was planned."
    assert [m.group() for m in scan.finditer(text)] == [m.group() for m in lex.scan.finditer(text)]
    compiled = {token for _, token in scan.compiled()}
    assert {"said", "according", "report"} <= compiled
    assert "claimed" not in compiled  # a form the text does not hold


def _amount_words(lang: str) -> list[str]:
    numbers, vague = lexicons.load(lang, "numbers"), lexicons.load(lang, "quantities")["vague"]
    words = [*numbers["cardinals"], *numbers["scales"], *numbers["fractions"]]
    return [*words, *numbers["words"]["articles"], *vague["singular"], *vague["plural"]]


@pytest.mark.parametrize("lang", lexicons.supported_languages())
def test_quantities_prefilter_lets_through_every_number_the_scanner_finds(lang: str) -> None:
    """A sentence the quantities prefilter skips holds no number: every number word (two
    letters or more) passes it in any case and glued to a hyphen or after an apostrophe,
    and each number :func:`find_numbers` reads in a golden case opens with a prefilter hit."""
    prefilter = _grammar(lang).prefilter
    for word in (w for w in _amount_words(lang) if len(w) >= 2):
        for shown in (word, word.upper(), word.capitalize(), f"l'{word}-x", f"({word})"):
            assert prefilter.search(shown) is not None, shown
    found = 0
    for text in _texts(lang):
        for n in find_numbers(text, lang=lang):
            found += 1
            assert prefilter.search(text, n.start, n.end) is not None, (text, n.text)
    assert found > 10


def test_quantities_prefilter_skips_words_that_only_open_like_a_number_word() -> None:
    """Whole short number words and four-letter heads, not three-letter prefixes: "unités",
    "militaires" and "troupes" do not open "un", "mille" or "trois"; "un" and "Mille" do."""
    prefilter = _grammar("fr").prefilter
    assert prefilter.search("Les unités militaires et des troupes") is None
    assert [prefilter.search(t) is not None for t in ("d'un", "Mille", "dix-huit")] == [1, 1, 1]
