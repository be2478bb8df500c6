"""Claims: one record per assertion, on the seed and on small articles of our own."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

import osintparse
from osintparse import ParagraphKind, Stance
from osintparse.extractors.claims import BASE_CERTAINTY, build_claims
from tests.conftest import ROOT

DATA = pathlib.Path(__file__).parent / "data"


def claim_with(article: osintparse.Article, needle: str) -> osintparse.Claim:
    found = [c for c in article.claims if needle in c.text]
    assert len(found) == 1, [c.text for c in article.claims]
    return found[0]


def sources(claim: osintparse.Claim) -> list[str]:
    return [a.source for a in claim.attributions]


def test_every_seed_sentence_in_exactly_one_claim(seed: osintparse.Article) -> None:
    for s in seed.sentences:
        holders = [c for c in seed.claims if c.start <= s.start and s.end <= c.end]
        if s.kind in (ParagraphKind.TITLE, ParagraphKind.BODY):
            assert len(holders) == 1, s.text
        else:
            assert holders == [], s.text
    for c in seed.claims:
        assert seed.text[c.start : c.end] == c.text


def test_seed_first_claim_has_both_sources(seed: osintparse.Article) -> None:
    c = claim_with(seed, "plus de 10 000 militaires")
    names = " | ".join(sources(c))
    assert "renseignement de la Corée du Sud" in names
    assert "The Chosun Daily" in names
    assert c.stance is Stance.REPORTED
    assert c.text.endswith("C’est ce qu’indique The Chosun Daily.")
    assert [q.value for q in c.quantities] == [10000]
    assert c.section is None


def test_seed_confirmed_claim_with_date(seed: osintparse.Article) -> None:
    c = claim_with(seed, "Pyongyang a officiellement confirmé")
    assert c.stance is Stance.CONFIRMED
    assert [d.value for d in c.dates] == [dt.date(2025, 4, 1)]
    assert c.section == "La position de la Corée du Nord vis-à-vis de la Russie"
    assert c.certainty >= BASE_CERTAINTY[Stance.CONFIRMED]  # "officiellement" only raises it


def test_seed_inheritance_stays_within_paragraph(seed: osintparse.Article) -> None:
    c = claim_with(seed, "Près d’un millier")
    # "Selon Séoul, ..." ends the previous paragraph: no carry-over across paragraphs.
    assert c.attributions == ()
    assert not c.inherited
    assert c.stance is Stance.UNATTRIBUTED
    assert c.quantities
    assert c.quantities[0].value == 1000


def test_seed_pronoun_subject_inherits(seed: osintparse.Article) -> None:
    c = claim_with(seed, "ils ne sont pas opérationnels")
    assert c.inherited
    assert sources(c)
    assert "experts" in sources(c)[0]
    assert c.stance is Stance.ASSERTED
    assert c.rule == "sentence+inherited:pronoun:ils"
    assert c.certainty < BASE_CERTAINTY[Stance.ASSERTED]


def test_seed_unattributed_sentence(seed: osintparse.Article) -> None:
    c = claim_with(seed, "Le soutien constant")
    assert c.stance is Stance.UNATTRIBUTED
    assert c.attributions == ()


def test_seed_title_claim(seed: osintparse.Article) -> None:
    c = claim_with(seed, "La Corée du Sud annonce")
    assert c.stance is Stance.ASSERTED


@pytest.mark.parametrize(
    ("lang", "text", "inherits"),
    [
        ("fr", "Selon le ministère, 300 soldats sont arrivés. En outre, 20 chars ont suivi.", True),
        ("fr", "Selon le ministère, 300 soldats sont arrivés. Ils seraient épuisés.", True),
        ("fr", "Selon le ministère, 300 soldats sont arrivés. La ville est calme.", False),
        ("en", "According to the ministry, 300 troops arrived. They were exhausted.", True),
        ("en", "According to the ministry, 300 troops arrived. In addition, 20 tanks came.", True),
        ("en", "According to the ministry, 300 troops arrived. The city is calm.", False),
    ],
)
def test_inheritance_rule(lang: str, text: str, inherits: bool) -> None:
    a = osintparse.parse("Titre\n\n" + text, lang=lang)
    second = a.claims[-1]
    assert second.inherited is inherits
    assert bool(second.attributions) is inherits
    if inherits:
        assert second.attributions == a.claims[-2].attributions


def test_inheritance_never_crosses_paragraphs() -> None:
    a = osintparse.parse(
        "Titre\n\nSelon le ministère, 300 soldats sont arrivés.\n\nIls sont épuisés.", lang="fr"
    )
    assert not a.claims[-1].inherited


def test_denied_wins_and_hedges_lower_certainty() -> None:
    a = osintparse.parse(
        "Titre\n\nMoscou a démenti que 500 soldats auraient été tués, selon l'AFP.", lang="fr"
    )
    c = a.claims[-1]
    assert c.stance is Stance.DENIED
    base = osintparse.parse("Titre\n\nMoscou a démenti que 500 soldats ont été tués.", lang="fr")
    assert c.hedges
    assert c.certainty <= base.claims[-1].certainty


def test_headings_optional() -> None:
    text = "Titre\n\nIntro.\n\nUn intertitre\n\nCorps."
    default = osintparse.parse(text, lang="fr")
    assert "Un intertitre" not in [c.text for c in default.claims]
    p = osintparse.Pipeline(["structure", "claims"], config={"claims": {"include_headings": True}})
    assert "Un intertitre" in [c.text for c in p(text, lang="fr").claims]


def test_build_claims_without_sentences() -> None:
    assert build_claims("", lang="fr", sentences=()) == ()


# --- across articles ---------------------------------------------------------


@pytest.fixture(scope="module")
def three(seed: osintparse.Article) -> list[osintparse.Article]:
    fr = osintparse.parse((DATA / "compare_fr.txt").read_text(encoding="utf-8"))
    en = osintparse.parse((DATA / "compare_en.txt").read_text(encoding="utf-8"))
    return [seed, fr, en]


def test_compare_groups_the_deployment(three: list[osintparse.Article]) -> None:
    groups = osintparse.compare(three, names=["seed", "fr", "en"])
    g = groups[0]
    assert g.key[:2] == ("soldier", ("north_korean",))
    assert g.label == "North Korean soldiers [deployed]"
    assert g.event == "deployed"
    arts = [f.article for f in g.figures]
    assert arts.count("seed") == 1
    assert arts.count("fr") == 1
    assert arts.count("en") == 2
    seed_fig = next(f for f in g.figures if f.article == "seed")
    assert seed_fig.quantity.qualifier.value == "more_than"
    assert seed_fig.stance is Stance.REPORTED
    assert any("renseignement" in s for s in seed_fig.sources)
    assert seed_fig.describe().startswith(">10 000 (")
    # "North Korea's state media claimed ...": "state" is a noun, the cue is "claimed".
    low = next(f for f in g.figures if f.quantity.qualifier.value == "less_than")
    assert low.article == "en"
    assert low.sources == ("North Korea's state media",)
    assert low.stance is Stance.ALLEGED
    assert low.describe().startswith("<3 000 (North Korea's state media, alleged, ")


def test_compare_flags_conflict_and_agreement(three: list[osintparse.Article]) -> None:
    g = osintparse.compare(three, names=["seed", "fr", "en"])[0]
    low = next(i for i, f in enumerate(g.figures) if f.quantity.qualifier.value == "less_than")
    seed_i = next(i for i, f in enumerate(g.figures) if f.article == "seed")
    assert (min(low, seed_i), max(low, seed_i)) in g.conflicts
    assert not g.agreement
    agreeing = osintparse.compare(three[:2], names=["seed", "fr"])[0]
    assert agreeing.agreement
    assert agreeing.conflicts == ()


def test_article_figures_and_frame(seed: osintparse.Article) -> None:
    groups = osintparse.figures(seed)
    labels = [g.label for g in groups]
    assert "North Korean soldiers [deployed]" in labels
    from osintparse.comparison import comparison_records

    rows = comparison_records(groups)
    assert {r["group"] for r in rows} == set(labels)
    assert all(r["low"] <= r["midpoint"] <= r["high"] for r in rows)
    assert ">10 000" in {r["figure"] for r in rows}


def test_cli_compare(three: list[osintparse.Article]) -> None:
    import io

    from osintparse.cli import main

    buf = io.StringIO()
    files = [
        "seeds/000_f65f4b272ae20413.txt",
        str(DATA / "compare_fr.txt"),
        str(DATA / "compare_en.txt"),
    ]
    assert main(["compare", *files], out=buf) == 0
    out = buf.getvalue()
    assert out.startswith("North Korean soldiers [deployed]:")
    assert ">10 000" in out
    assert "<3 000 (North Korea's state media, alleged, " in out
    assert "conflict" in out


def test_cli_text_format_shows_claims() -> None:
    import io

    from osintparse.cli import main

    buf = io.StringIO()
    assert main(["seeds/000_f65f4b272ae20413.txt"], out=buf) == 0
    out = buf.getvalue()
    assert "source: " in out
    assert "(reported" in out
    assert "figures: >10 000 militaires nord-coréens [deployed]" in out
    assert "dates: avril 2025 -> 2025-04-01 (month)" in out


def test_comparison_dataframe(three: list[osintparse.Article]) -> None:
    from osintparse.comparison import comparison_frame

    df = comparison_frame(osintparse.compare(three, names=["seed", "fr", "en"]))
    group = df[df["group"] == "North Korean soldiers [deployed]"]
    assert list(group["article"]) == ["seed", "fr", "en", "en"]
    assert group["conflict"].any()
    assert not group["agreement"].any()
    assert set(df.columns) >= {"figure", "midpoint", "low", "high", "sources", "stance", "dates"}
    assert "value" not in df.columns


# --- rule tables ---------------------------------------------------------------------


def test_seed_claim_rules_name_what_applied(seed: osintparse.Article) -> None:
    assert claim_with(seed, "plus de 10 000").rule == "sentence+anaphora+corroborated"
    assert claim_with(seed, "Le soutien constant").rule == "sentence"


@pytest.mark.parametrize(
    ("lang", "second", "rule"),
    [
        ("fr", "En outre, 20 chars ont suivi.", "continuation:en outre"),
        ("fr", "D’autre part, 20 chars ont suivi.", "continuation:d'autre part"),
        ("fr", "Auraient aussi fui 20 civils.", "reported_speech:auraient"),
        ("fr", "Ils seraient épuisés.", "pronoun:ils"),
        ("fr", "À l’heure actuelle, ils sont épuisés.", "pronoun:ils"),
        ("fr", "Ces derniers sont épuisés.", "pronoun:ces derniers"),
        ("en", "Reportedly, 5 died.", "reported_speech:reportedly"),
        ("en", "In addition, 20 tanks came.", "continuation:in addition"),
        ("en", "At present, the latter are exhausted.", "pronoun:the latter"),
    ],
)
def test_each_inheritance_rule(lang: str, second: str, rule: str) -> None:
    first = {
        "fr": "Selon le ministère, 300 soldats sont arrivés.",
        "en": "The ministry said 300 troops arrived.",
    }
    a = osintparse.parse(f"Titre\n\n{first[lang]} {second}", lang=lang)
    assert a.claims[-2].attributions
    assert a.claims[-1].rule == f"sentence+inherited:{rule}"
    # The sources are the previous claim's tuple itself, not a copy.
    assert a.claims[-1].attributions is a.claims[-2].attributions


@pytest.mark.parametrize(
    ("lang", "sentence", "rule"),
    [
        ("fr", "« Ces derniers, eux, sont partis.", "pronoun:ces derniers"),
        ("fr", "Auraient-ils fui ?", None),  # "auraient-ils" is one word
        ("fr", "Ilsa est partie.", None),
        ("fr", "EN OUTRE, rien.", "continuation:en outre"),
        ("fr", "Enfin, elles partent.", "pronoun:elles"),
        ("en", "— They left.", "pronoun:they"),
        ("en", "Theyre", None),
    ],
)
def test_inheritance_rules_read_words_whole(lang: str, sentence: str, rule: str | None) -> None:
    from osintparse.extractors.claims._rules import inherits, lexicon

    assert inherits(sentence, lexicon(lang)) == rule


def test_a_long_opening_adverbial_stops_inheritance() -> None:
    text = "Titre\n\nSelon le ministère, 300 soldats sont arrivés. {}, ils sont partis."
    near = osintparse.parse(text.format("Hier"), lang="fr").claims[-1]
    far = osintparse.parse(
        text.format("Dans la nuit de samedi à dimanche vers trois heures"), lang="fr"
    )
    assert near.inherited
    assert not far.claims[-1].inherited  # longer than [claims] adverbial_max_chars (40)


def _chain(n: int) -> tuple[str, list[osintparse.Sentence], list[osintparse.Attribution]]:
    """n sources of one sentence, then n sentences that inherit them (issue 17, item 1)."""
    text = "Selon Jean, " * n + "les soldats sont là." + " Il le dit." * n
    first_end = 12 * n + 20
    sentences = [osintparse.Sentence(start=0, end=first_end, text=text[:first_end])]
    for i in range(n):
        s = first_end + 11 * i + 1
        sentences.append(osintparse.Sentence(start=s, end=s + 10, text=text[s : s + 10]))
    attributions = [
        osintparse.Attribution(
            start=12 * i,
            end=12 * i + 11,
            text=text[12 * i : 12 * i + 11],
            source="Jean",
            source_start=12 * i + 6,
            source_end=12 * i + 10,
            cue="Selon",
            cue_start=12 * i,
            cue_end=12 * i + 5,
            stance="reported",
            content_start=12 * n,
            content_end=first_end,
        )
        for i in range(n)
    ]
    return text, sentences, attributions


def test_inheriting_chains_and_many_sources_are_linear() -> None:
    import time

    def cost(n: int) -> float:
        text, sentences, attributions = _chain(n)
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            claims = build_claims(text, lang="fr", sentences=sentences, attributions=attributions)
            best = min(best, time.process_time() - t)
        assert len(claims) == n + 1
        assert all(c.attributions is claims[0].attributions for c in claims[1:])
        assert len(claims[0].attributions) == n
        return best

    small, large = cost(250), cost(2000)
    # Linear: 8 times the input, about 8 times the time; quadratic would be 64 times
    # (the list-membership deduplication took 25 s for n=800).
    assert large / max(small, 1e-4) < 24, (small, large)


def _anaphoric_pair(text: str) -> tuple[list[osintparse.Sentence], list[osintparse.Attribution]]:
    cut = text.index(" C'est") + 1
    sentences = [
        osintparse.Sentence(start=0, end=cut - 1, text=text[: cut - 1]),
        osintparse.Sentence(start=cut, end=len(text), text=text[cut:]),
    ]
    a = osintparse.Attribution(
        start=cut + 6,
        end=len(text) - 1,
        text=text[cut + 6 : -1],
        source="X",
        source_start=len(text) - 2,
        source_end=len(text) - 1,
        cue="indique",
        cue_start=cut + 11,
        cue_end=cut + 18,
        stance="reported",
        content_start=0,
        content_end=cut - 1,
        anaphoric=True,
    )
    return sentences, [a]


def test_anaphora_joins_only_with_a_language() -> None:
    text = "Trois morts. C'est ce qu'indique X."
    sentences, attributions = _anaphoric_pair(text)
    fr = build_claims(text, lang="fr", sentences=sentences, attributions=attributions)
    assert [(c.text, c.rule) for c in fr] == [(text, "sentence+anaphora")]
    none = build_claims(text, lang=None, sentences=sentences, attributions=attributions)
    assert [c.text for c in none] == ["Trois morts.", "C'est ce qu'indique X."]
    assert none[0].attributions == fr[0].attributions  # attached by content either way


def test_adjustment_rules_match_the_adjustments_table() -> None:
    from osintparse.extractors.claims import ADJUSTMENTS
    from osintparse.extractors.claims._rules import ADJUSTMENT_RULES

    assert ADJUSTMENT_RULES.names() == tuple(ADJUSTMENTS)


def test_every_rule_has_a_summary_and_is_on_the_docs_page() -> None:
    from osintparse.extractors.claims._engine import STEPS
    from osintparse.extractors.claims._rules import ADJUSTMENT_RULES, INHERITANCE

    page = (ROOT / "docs" / "extractors" / "claims.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| ")]
    missing = []
    for table in (STEPS, INHERITANCE, ADJUSTMENT_RULES):
        for rule in table:
            assert rule.summary, f"{table.name} rule {rule.name!r} has no docstring"
            if not any(f"| `{rule.name}` |" in row for row in rows):
                missing.append(rule.name)
    assert missing == [], f"rules missing from docs/extractors/claims.md: {missing}"


# --- questions and texts without a language (issue 19) ---------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Pyongyang à la frontière ? Séoul annonce un déploiement\n\nUn texte."),
        ("fr", "Selon Kiev, Moscou prépare-t-il une offensive ?\n\nUn texte suit ici."),
        ("en", "Is Russia moving troops north?\n\nThe ministry said 300 drones fell."),
        ("es", "¿Prepara Rusia una ofensiva?\n\nEl ministerio dijo que cayeron 300 drones."),
    ],
)
def test_a_title_question_is_a_claim_without_stance(lang: str, text: str) -> None:
    a = osintparse.parse(text, lang=lang)
    question = a.claims[0]
    assert question.question is True
    assert question.text.rstrip().endswith("?")
    assert question.stance is Stance.UNATTRIBUTED
    assert question.certainty == 0.0
    assert question.rule.endswith("+question")
    assert not any(c.question for c in a.claims[1:])
    assert osintparse.from_dict(osintparse.to_dict(a)) == a
    assert osintparse.json_schema()["$defs"]["Claim"]["properties"]["question"] == {
        "type": "boolean"
    }


def test_seed_title_question_and_assertion(seed: osintparse.Article) -> None:
    first, second = seed.claims[:2]
    assert first.text == "Pyongyang à la frontière avec l’Ukraine ?"
    assert (first.question, first.stance, first.certainty) == (True, Stance.UNATTRIBUTED, 0.0)
    assert second.question is False
    assert second.stance is Stance.ASSERTED
    assert sum(c.question for c in seed.claims) == 1


def test_a_body_question_mark_inside_a_quote_is_not_a_title_question() -> None:
    a = osintparse.parse("Titre\n\n« Pourquoi ? », a demandé le ministre.", lang="fr")
    assert not any(c.question for c in a.claims)


def test_unsupported_language_gives_a_structure_only_article() -> None:
    text = (
        "Russland verlegt Truppen an die Grenze\n\n"
        "Die Regierung in Berlin hat am Montag mitgeteilt, dass mehr als 10 000 Soldaten "
        "verlegt wurden. Nach Angaben des Ministeriums sind die Einheiten bereits vor Ort.\n\n"
        "Hintergrund\n\nDie Lage bleibt nach Angaben von Beobachtern angespannt."
    )
    a = osintparse.parse(text)
    assert a.lang is None
    assert a.title == "Russland verlegt Truppen an die Grenze"
    assert len(a.sentences) == 5
    assert len(a.sections) == 2
    assert (a.claims, a.attributions, a.hedges) == ((), (), ())
