"""Normalisation keeps a map back to original offsets; sentence splitting."""

from __future__ import annotations

import hypothesis
import hypothesis.strategies
import pytest

import osintparse.text
from osintparse.text import normalize, split_sentences


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("l\u2019Ukraine", "l'Ukraine"),
        ("10\u00a0000", "10 000"),
        ("10\u202f000", "10 000"),
        ("Russie\u00a0?", "Russie ?"),
        ("\ufb01n", "fin"),
        ("a\u00adb", "ab"),
        ("\ufeffTexte", "Texte"),
        ("Cafe\u0301", "Café"),
        ("x\u200bz", "xz"),
    ],
)
def test_normalize(original: str, expected: str) -> None:
    n = normalize(original)
    assert n.text == expected
    # every normalised character maps back inside the original
    for i in range(len(n.text)):
        s, e = n.span(i, i + 1)
        assert 0 <= s < e <= len(original)


def test_span_maps_back_through_length_changes() -> None:
    original = "\ufeffLe \ufb01ls d\u2019un \u00ab\u00a0ami\u00a0\u00bb, 10\u202f000 x"
    n = normalize(original)
    for word in ("Le", "fils", "d'un", "ami", "10 000"):
        i = n.text.index(word)
        s, e = n.span(i, i + len(word))
        got = original[s:e]
        assert normalize(got).text == word


def _split(text: str, abbrevs: set[str] | None = None) -> list[str]:
    n = normalize(text)
    return [n.slice(s, e) for s, e in split_sentences(n.text, abbreviations=abbrevs or set())]


def test_split_french_typography() -> None:
    text = "« C’est fini. » Puis il est parti\u00a0! Vraiment\u00a0? Oui."
    assert _split(text) == [
        "« C’est fini. »",
        "Puis il est parti\u00a0!",
        "Vraiment\u00a0?",
        "Oui.",
    ]


def test_split_abbreviations_and_initials() -> None:
    text = "M. Macron et Mme Borne ont vu le Dr Martin. J. Smith était là."
    assert _split(text, {"M", "Mme", "Dr"}) == [
        "M. Macron et Mme Borne ont vu le Dr Martin.",
        "J. Smith était là.",
    ]
    en = "The U.S. Army said so. Mr. Smith agreed."
    assert _split(en, {"U.S", "Mr"}) == ["The U.S. Army said so.", "Mr. Smith agreed."]


def test_split_numbers() -> None:
    text = "Il y a 10 000 soldats et 6,8 % de pertes. Le PIB a crû de 7.8 points. Fin."
    assert _split(text) == [
        "Il y a 10 000 soldats et 6,8 % de pertes.",
        "Le PIB a crû de 7.8 points.",
        "Fin.",
    ]


def test_split_no_boundary_before_lowercase() -> None:
    assert _split("Il a dit « quoi ? » et il est parti.") == [
        "Il a dit « quoi ? » et il est parti."
    ]
    assert _split("Attendez... non.") == ["Attendez... non."]


def test_split_is_linear_on_adversarial_input() -> None:
    text = ". " * 200_000 + "a" + " " * 200_000
    spans = list(split_sentences(text))
    assert spans[-1][1] == 400_001


@hypothesis.given(
    hypothesis.strategies.text(
        alphabet=hypothesis.strategies.sampled_from(list("ΣσςΑaİI \n.'\u0345\u00adÉ")), max_size=80
    ),
    hypothesis.strategies.integers(min_value=1, max_value=9),
)
def test_lower_in_blocks_is_str_lower(text: str, block: int) -> None:
    """Blocks end after a space or line break, so the final sigma reads the same context."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(osintparse.text, "_LOWER_BLOCK", block)
        assert osintparse.text.lower(text) == text.lower()
