"""Claims: one record per assertion, on the seed and on small articles of our own."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

import osintparse
from osintparse import ParagraphKind, Stance
from osintparse.extractors.claims import BASE_CERTAINTY, build_claims

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
    assert g.label == "North Korean soldiers"
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
    groups = seed.figures()
    labels = [g.label for g in groups]
    assert "North Korean soldiers" in labels
    from osintparse.comparison import comparison_records

    rows = comparison_records(groups)
    assert {r["group"] for r in rows} == set(labels)
    assert all(r["low"] <= r["value"] <= r["high"] for r in rows)


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
    assert out.startswith("North Korean soldiers:")
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
    assert "figures: more_than 10 000" in out
    assert "dates: avril 2025 -> 2025-04-01 (month)" in out


def test_comparison_dataframe(three: list[osintparse.Article]) -> None:
    from osintparse.comparison import comparison_frame

    df = comparison_frame(osintparse.compare(three, names=["seed", "fr", "en"]))
    group = df[df["group"] == "North Korean soldiers"]
    assert list(group["article"]) == ["seed", "fr", "en", "en"]
    assert group["conflict"].any()
    assert not group["agreement"].any()
    assert set(df.columns) >= {"value", "low", "high", "sources", "stance", "dates"}
