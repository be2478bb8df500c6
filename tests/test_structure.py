"""Title, headings, paragraphs and boilerplate lines, in both languages."""

from __future__ import annotations

import pytest

import osintparse
from osintparse import ParagraphKind
from tests.conftest import assert_offsets


def kinds(article: osintparse.Article) -> list[str]:
    return [p.kind.value for p in article.paragraphs]


def test_english_article_structure() -> None:
    text = (
        "Russia moves troops north\n\n"
        "More than 10,000 soldiers crossed the border, officials said. Mr. Smith agreed.\n\n"
        "Background\n\n"
        "The war began in 2022.\n\n"
        "Back to top\n"
    )
    a = osintparse.parse(text, lang="en")
    assert a.title == "Russia moves troops north"
    assert kinds(a) == ["title", "body", "heading", "body", "boilerplate"]
    assert [s.heading for s in a.sections] == [None, "Background"]
    assert [s.text for s in a.body_sentences] == [
        "More than 10,000 soldiers crossed the border, officials said.",
        "Mr. Smith agreed.",
        "The war began in 2022.",
    ]
    assert_offsets(a)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Retour en haut"),
        ("fr", "Lire aussi : la guerre en Ukraine"),
        ("fr", "Partager"),
        ("en", "Back to top"),
        ("en", "Read more"),
        ("en", "Read more: the war in Ukraine"),
    ],
)
def test_boilerplate_lines_make_no_sentence(lang: str, line: str) -> None:
    text = f"Titre du texte\n\nUne phrase du corps. Another one.\n\n{line}\n\nFin du texte."
    a = osintparse.parse(text, lang=lang)
    boiler = [p for p in a.paragraphs if p.kind is ParagraphKind.BOILERPLATE]
    assert [p.text for p in boiler] == [line]
    assert all(line not in s.text for s in a.sentences)


def test_boilerplate_is_per_language() -> None:
    text = "Titre\n\nUne phrase.\n\nBack to top\n\nFin."
    fr = osintparse.parse(text, lang="fr")
    assert ParagraphKind.BOILERPLATE not in [p.kind for p in fr.paragraphs]


def test_crlf_and_lone_cr_line_ends() -> None:
    for nl in ("\r\n", "\r"):
        text = nl.join(["Titre", "", "Une phrase. Deux phrases.", "", "Retour en haut"])
        a = osintparse.parse(text, lang="fr")
        assert a.title == "Titre"
        assert [s.text for s in a.body_sentences] == ["Une phrase.", "Deux phrases."]
        assert_offsets(a)


def test_hard_wrapped_lines_are_joined() -> None:
    text = "Titre\n\nLes soldats sont arrivés\ndans la ville hier. Ils\nsont partis."
    a = osintparse.parse(text, lang="fr")
    assert [s.text for s in a.body_sentences] == [
        "Les soldats sont arrivés\ndans la ville hier.",
        "Ils\nsont partis.",
    ]


def test_markdown_heading() -> None:
    a = osintparse.parse("# Titre\n\nTexte.\n\n## Partie deux.\n\nSuite.", lang="fr")
    assert kinds(a) == ["title", "body", "heading", "body"]


def test_single_paragraph_has_no_title() -> None:
    a = osintparse.parse("Une seule phrase sans titre.", lang="fr")
    assert a.title is None
    assert [s.text for s in a.sentences] == ["Une seule phrase sans titre."]


def test_sentences_point_to_paragraph_and_section() -> None:
    text = "Titre\n\nA b c.\n\nIntertitre\n\nD e f. G h i."
    a = osintparse.parse(text, lang="fr")
    last = a.sentences[-1]
    assert a.paragraphs[last.paragraph].text == "D e f. G h i."
    assert a.sections[last.section].heading == "Intertitre"
