"""Case folding of lazy patterns (``_patterns.simple_folding``): a case-insensitive pattern
compiled with simple case folding finds on every text what full case folding finds."""

from __future__ import annotations

import json

import pytest
import regex

from osintparse import lexicons
from osintparse._patterns import EXPANDING, FULL_FOLDING, expands, lazy, simple_folding
from osintparse.extractors.attributions._hedges import hedge_lexicon
from osintparse.extractors.attributions._lexicon import cue_lexicon
from tests.conftest import ROOT

FULL = regex.IGNORECASE | regex.V1
#: Sentence shapes with the characters full folding expands (and their ASCII spellings).
_FOLD_TEXTS = [
    "Officials STREẞED that the talks would resume, the minister said.",
    "The envoy discußed the plan and said the truce held, according to the agency.",
    "The ministry conﬁrmed that 12 people died in İstanbul, officials said.",
    "Le ministre a conﬁrmé que la Straße était fermée, selon l'agence.",
    "Selon M. Strauß, il a ajouté que 12 personnes étaient mortes.",
    "El ministro aﬁrmó que la calle estaba cerrada, según fuentes oﬁciales.",
    "The envoy discussed the plan and STRESSED that it held, officials said.",
]


def _spans(pattern: object, text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]  # type: ignore[attr-defined]


def test_simple_folding_is_decided_from_the_source() -> None:
    assert simple_folding(r"\m(?:said|stressed|d['’]après)(?!\w|-)", FULL)
    assert simple_folding(r"a\s{1,24}\p{L}+\w{2,30}", FULL)
    # a character full folding expands, written or escaped, keeps full folding
    assert not simple_folding("stra(?:ss|ß)e", FULL)
    assert not simple_folding("ẞ", FULL)
    assert not simple_folding(r"stra\xdfe", FULL)
    assert not simple_folding(r"stra\N{LATIN SMALL LETTER SHARP S}e", FULL)
    # a class that may match one also matches its folding ("[\w-]" matches "ss")
    assert not simple_folding(r"said(?![\w-])", FULL)
    assert not simple_folding(r"[a-zß]", FULL)
    assert simple_folding(r"[0-9'’]", FULL)
    assert not simple_folding(r"[a-z]", FULL)  # "İ" is a case of "i"
    # back references, named lists, a flag turning full folding on
    assert not simple_folding(r"(a)\1", FULL)
    assert not simple_folding(r"\L<words>", FULL)
    assert not simple_folding("(?f:said)", FULL)
    # only full folding is concerned
    assert not simple_folding("said", regex.IGNORECASE)
    assert not simple_folding("said", regex.V1)


def test_full_folding_matches_are_kept() -> None:
    for source in ("discussed", "confirmed", "straße", r"\mfirst\M"):
        full = regex.compile(source, FULL)
        p = lazy(source, FULL)
        for text in ("DISCUSSED x", "discußed x", "disCUẞED", "conﬁrmed", "CONFIRMED",
                     "strasse", "STRASSE", "Straße", "ﬁrst", "FIRST", "first"):  # fmt: skip
            assert _spans(p, text) == _spans(full, text), (source, text)
    assert lazy("discussed", FULL).search("discußed") is not None
    assert lazy("straße", FULL).search("STRASSE") is not None
    assert lazy("stressed", FULL).search("strest") is None


def test_expands_marks_the_texts_that_need_full_folding() -> None:
    for text in ("Straße", "İzmir", "ﬁn", "ẞ"):
        assert expands(text), text
    assert expands("Diyarbakır")  # full folding matches "ı" to the "i" of "fi"
    assert not expands("Strasse, fin, Izmir, ſ, K")
    assert {"ß", "ẞ", "ﬁ", "İ", "ŉ"} <= set(EXPANDING)
    assert "s" not in EXPANDING
    assert set(FULL_FOLDING) == set(EXPANDING) | {"ı"}


def test_simple_and_full_folding_agree_character_by_character() -> None:
    """Every cased character outside :data:`FULL_FOLDING` matches a literal of the sequences
    full folding compares folded ("ss", "fi", "st"...) the same both ways; "ı" does not."""
    assert regex.fullmatch("fi", "fı", FULL)
    assert not regex.fullmatch("(?-f)fi", "fı", FULL)
    outside = set(FULL_FOLDING)
    cased = [
        c
        for c in map(chr, range(0x20000))
        if not 0xD800 <= ord(c) < 0xE000
        and c not in outside
        and (c.lower() != c or c.upper() != c or c.casefold() != c)
    ]
    folded = {c.casefold() for c in EXPANDING if len(c.casefold()) > 1}
    for literal in sorted(folded | {"sts", "ffis"}):
        full = regex.compile(literal, FULL)
        simple = regex.compile("(?-f)" + literal, FULL)
        for k in range(len(literal)):
            for c in cased:
                text = literal[:k] + c + literal[k + 1 :]
                assert bool(full.fullmatch(text)) == bool(simple.fullmatch(text)), (literal, c)


def _texts(lang: str) -> list[str]:
    texts = list(_FOLD_TEXTS)
    for path in sorted((ROOT / "tests" / "cases").glob(f"{lang}/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            if "text" in case:
                texts.append(case["text"])
    return texts + [t.upper() for t in texts[:40]]


@pytest.mark.parametrize("lang", lexicons.supported_languages())
def test_attribution_patterns_fold_simply_and_find_what_full_folding_finds(lang: str) -> None:
    lex = cue_lexicon(lang)
    patterns = [lex.cues, lex.opener, lex.sources.anonymity, hedge_lexicon(lang).pattern]
    for p in patterns:
        assert simple_folding(p.source, p.flags), p
    for p in patterns[:2]:
        full = regex.compile(p.source, p.flags)
        for text in _texts(lang):
            assert _spans(p, text) == _spans(full, text), text


def test_expanding_without_the_private_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """A regex release without get_expand_on_folding: the casefold-derived list, which
    holds ß, ẞ, ﬁ and İ and is the private list but for at most a few characters."""
    from osintparse import _patterns

    monkeypatch.delattr(_patterns._REGEX_C, "get_expand_on_folding")
    assert not hasattr(_patterns._REGEX_C, "get_expand_on_folding")
    derived = _patterns._expanding()
    for c in "ßẞﬁİŉ":
        assert c in derived
    assert len(set(_patterns.EXPANDING) ^ set(derived)) <= 3
