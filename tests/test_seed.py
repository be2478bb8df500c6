"""The seed article, the case every change is tested against: structure layer."""

from __future__ import annotations

import osintparse
from osintparse import ParagraphKind
from tests.conftest import assert_offsets


def test_seed_language_and_title(seed: osintparse.Article) -> None:
    assert seed.lang == "fr"
    assert seed.title is not None
    assert seed.title.startswith("Pyongyang à la frontière avec l’Ukraine ?")
    assert seed.title.endswith("militaires nord-coréens en Russie")


def test_seed_sections(seed: osintparse.Article) -> None:
    headings = [s.heading for s in seed.sections]
    assert headings == [
        None,
        "La Corée du Nord et la Russie : coopération et projets militaires",
        "La position de la Corée du Nord vis-à-vis de la Russie",
    ]
    for s in seed.sections[1:]:
        assert s.heading_start is not None
        assert s.heading_end is not None
        assert seed.text[s.heading_start : s.heading_end] == s.heading


def test_seed_paragraph_kinds(seed: osintparse.Article) -> None:
    kinds = [p.kind for p in seed.paragraphs]
    assert kinds.count(ParagraphKind.TITLE) == 1
    assert kinds.count(ParagraphKind.HEADING) == 2
    assert kinds.count(ParagraphKind.BODY) == 7
    assert [p.text for p in seed.paragraphs if p.kind is ParagraphKind.BOILERPLATE] == [
        "Retour en haut"
    ]


def test_seed_sentences(seed: osintparse.Article) -> None:
    assert 17 <= len(seed.sentences) <= 22
    texts = [s.text for s in seed.sentences]
    assert "Retour en haut" not in texts
    assert texts[0] == "Pyongyang à la frontière avec l’Ukraine ?"
    assert "C’est ce qu’indique The Chosun Daily." in texts
    assert any(t.startswith("Les services nationaux") and "10 000 militaires" in t for t in texts)
    body = seed.body_sentences
    assert len(body) == 15
    assert body[-1].text.endswith("la Corée du Sud.")


def test_seed_offsets_and_round_trip(seed: osintparse.Article) -> None:
    assert_offsets(seed)
    assert osintparse.from_dict(osintparse.to_dict(seed)) == seed


def test_seed_is_deterministic(seed_text: str, seed: osintparse.Article) -> None:
    assert osintparse.parse(seed_text) == seed
