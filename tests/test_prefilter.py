"""Prefilters (``_patterns.Prefilter``): a scan that tries patterns only where a token opens
them finds exactly what the one combined pattern finds."""

from __future__ import annotations

import json

import pytest

from osintparse import lexicons
from osintparse._patterns import Prefilter, lazy
from osintparse.extractors.attributions._lexicon import cue_lexicon
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


def test_prefilter_tries_alternatives_in_order_and_skips_unopened_patterns() -> None:
    first = lazy(r"\m(?:ab c)\M")
    second = lazy(r"\m(?:ab|x)\M")
    never = lazy(r"\m(?:zz)\M")
    scan = Prefilter([(first, ["ab c"]), (second, ["AB", "x"]), (never, ["zz"])])
    assert [m.group() for m in scan.finditer("ab c ab x-ab")] == ["ab c", "ab", "x", "ab"]
    assert not never.is_compiled
