"""Title, headings, paragraphs and boilerplate lines, in both languages."""

from __future__ import annotations

import json
from typing import Any

import pytest

import osintparse
from osintparse import ParagraphKind
from tests.conftest import ROOT, assert_offsets


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
        ("en", "Editor's note: This story was updated to correct the number of drones."),
        ("en", "Editor\u2019s note: The senator has repeatedly pledged to close the border."),
        ("fr", "NDLR : cet article a été mis à jour, selon le ministère."),
        ("fr", "Note de la rédaction : le bilan a été corrigé."),
    ],
)
def test_boilerplate_lines_make_no_sentence(lang: str, line: str) -> None:
    text = f"Titre du texte\n\nUne phrase du corps. Another one.\n\n{line}\n\nFin du texte."
    a = osintparse.parse(text, lang=lang)
    boiler = [p for p in a.paragraphs if p.kind is ParagraphKind.BOILERPLATE]
    assert [p.text for p in boiler] == [line]
    assert all(line not in s.text for s in a.sentences)


def test_an_editors_note_gives_no_attribution() -> None:
    # A house line appended to every story on a subject speaks of the article, not the news.
    text = (
        "Trump rallies in Ohio\n\nTrump said the vote was rigged.\n\n"
        "Editor\u2019s note: Donald Trump has repeatedly pledged to ban all Muslims.\n"
    )
    a = osintparse.parse(text, lang="en")
    assert [(x.source, x.cue) for x in a.attributions] == [("Trump", "said")]


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


# --- rule tables ---------------------------------------------------------------------


def test_paragraph_rule_names_the_rule_that_classified_it() -> None:
    text = (
        "Russia moves troops north\n\n"
        "More than 10,000 soldiers crossed the\nborder, officials said.\n\n"
        "Background\n\n"
        "The war began in 2022.\n\n"
        "## Notes\n\n"
        "***\n\n"
        "Read more: the war in Ukraine\n\n"
        "Back to top\n"
    )
    a = osintparse.parse(text, lang="en")
    assert [p.rule for p in a.paragraphs] == [
        "title",
        "body+hard-wrap",
        "heading",
        "body",
        "markdown-heading",
        "separator",
        "boilerplate-prefix:read more",
        "boilerplate-line:back to top",
    ]


def test_sentence_break_rules() -> None:
    from osintparse.extractors.structure._rules import lexicon, no_break

    fr = lexicon("fr")
    assert no_break("Selon M. Dupont", 7, fr) == "abbreviation:M"
    assert no_break("Selon J. Dupont", 7, fr) == "initial-letter:J"
    assert no_break("Il est parti. Dupont", 12, fr) is None
    a = osintparse.parse("Titre\n\nM. Dupont et J. Smith sont là. Ils partent.", lang="fr")
    assert [s.text for s in a.body_sentences] == [
        "M. Dupont et J. Smith sont là.",
        "Ils partent.",
    ]


def _tables() -> list[tuple[str, str, str]]:
    from osintparse.extractors.structure import _rules

    tables = [_rules.JOINS, _rules.BOILERPLATE, _rules.PARAGRAPHS, _rules.SENTENCES]
    return [(t.name, r.name, r.summary) for t in [*tables, _rules.NO_BREAKS] for r in t]


def test_every_rule_has_a_summary_and_is_on_the_docs_page() -> None:
    page = (ROOT / "docs" / "extractors" / "structure.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| ")]
    missing = []
    for table, name, summary in _tables():
        assert summary, f"{table} rule {name!r} has no docstring"
        if not any(f"| `{name}` |" in row for row in rows):
            missing.append(name)
    assert missing == [], f"rules missing from docs/extractors/structure.md: {missing}"


def test_the_paragraph_rules_end_with_body() -> None:
    from osintparse.extractors.structure._rules import PARAGRAPHS, SENTENCES

    assert PARAGRAPHS.names()[-1] == "body"
    assert SENTENCES.names()[-1] == "paragraph-kind"


# --- datelines and bylines: structure (metadata), never claims ------------------------

_META_CASES = [
    pytest.param(lang, case, id=f"{lang}-{i}-{case['note'][:30]}")
    for lang in ("fr", "en", "es")
    for i, case in enumerate(
        json.loads(line)
        for line in (ROOT / "tests" / "cases" / lang / "structure.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip()
    )
]


@pytest.mark.parametrize(("lang", "case"), _META_CASES)
def test_dateline_and_byline_golden_cases(lang: str, case: dict[str, Any]) -> None:
    a = osintparse.parse(case["text"], lang=lang)
    assert [p.kind.value for p in a.paragraphs] == case["expect"]
    meta = {"dateline", "byline"}
    for p in a.paragraphs:
        if p.kind.value in meta:
            # one sentence of the same kind, and no claim over it
            inside = [s for s in a.sentences if p.start <= s.start < p.end]
            assert [(s.text, s.kind) for s in inside] == [(p.text, p.kind)]
            assert not [c for c in a.claims if c.start < p.end and p.start < c.end]


def test_golden_cases_have_negatives_in_every_language() -> None:
    for lang in ("fr", "en", "es"):
        cases = [c for lg, c in (p.values for p in _META_CASES) if lg == lang]
        kinds = {k for c in cases for k in c["expect"]}
        assert {"dateline", "byline"} <= kinds, lang
        negatives = [c for c in cases if not {"dateline", "byline"} & set(c["expect"])]
        assert len(negatives) >= 2, lang


def test_dateline_keeps_its_date_and_is_not_a_claim() -> None:
    text = "Titre du jour\n\nKiev, le 12 mars 2025.\n\nLes troupes sont arrivées."
    a = osintparse.parse(text, lang="fr")
    assert [c.text for c in a.claims] == ["Titre du jour", "Les troupes sont arrivées."]
    assert [d.text for d in a.dates] == ["le 12 mars 2025"]  # the dates extractor still reads it
    assert a.paragraphs[1].rule == "dateline"


def test_no_dateline_or_byline_without_a_language() -> None:
    from osintparse.extractors.structure import analyse

    s = analyse("Titre\n\nPar Jean Dupont\n\nKiev, le 12 mars 2025.\n\nUn texte.", None)
    assert [p.kind.value for p in s.paragraphs] == ["title", "heading", "body", "body"]
