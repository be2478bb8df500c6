"""Hand-made annotations of the seed, to test display and DataFrames on every kind.

These are NOT extractor output: they are located by plain string search in the
seed text so that every record kind (quantity, date, attribution, hedge, claim)
exists while the extractors are being written. :func:`annotate_seed` only fills
layers the pipeline left empty, so once the extractors land their output wins.
"""

from __future__ import annotations

import datetime as dt

import attrs

import osintparse
from osintparse.model import Attribution, Claim, DateMention, Hedge, Quantity


def _at(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.index(needle, after)
    return i, i + len(needle)


def _quantities(text: str) -> tuple[Quantity, ...]:
    s, e = _at(text, "plus de 10 000 militaires nord-coréens")
    q1 = Quantity(
        start=s,
        end=e,
        text=text[s:e],
        value=10000,
        low=10000,
        qualifier="more_than",
        noun="militaires nord-coréens",
        number_start=s + 8,
        number_end=s + 14,
        noun_start=s + 15,
        noun_end=e,
        extractor="hand",
        rule="test annotation",
    )
    s, e = _at(text, "Près d’un millier d’ingénieurs et de sapeurs nord-coréens")
    q2 = Quantity(
        start=s,
        end=e,
        text=text[s:e],
        value=1000,
        qualifier="approximate",
        noun="ingénieurs et de sapeurs nord-coréens",
        extractor="hand",
        rule="test annotation",
    )
    s, e = _at(text, "5 000 membres des unités militaires de construction")
    q3 = Quantity(
        start=s,
        end=e,
        text=text[s:e],
        value=5000,
        noun="membres des unités militaires",
        extractor="hand",
        rule="test annotation",
    )
    return q1, q2, q3


def _dates(text: str) -> tuple[DateMention, ...]:
    s, e = _at(text, "avril 2025")
    return (
        DateMention(
            start=s,
            end=e,
            text=text[s:e],
            value=dt.date(2025, 4, 1),
            value_end=dt.date(2025, 4, 30),
            precision="month",
            extractor="hand",
            rule="test annotation",
        ),
    )


def _attributions(text: str) -> tuple[Attribution, ...]:
    out = []
    s, e = _at(text, "Les services nationaux de renseignement de la Corée du Sud ont signalé")
    cs, ce = _at(text, "ont signalé", s)
    out.append(
        Attribution(
            start=s,
            end=e,
            text=text[s:e],
            source=text[s : cs - 1],
            source_start=s,
            source_end=cs - 1,
            cue="ont signalé",
            cue_start=cs,
            cue_end=ce,
            stance="reported",
            source_kind="intelligence",
            content_start=ce + 1,
            extractor="hand",
            rule="test annotation",
        )
    )
    s, e = _at(text, "Selon Séoul,")
    out.append(
        Attribution(
            start=s,
            end=e,
            text=text[s:e],
            source="Séoul",
            source_start=s + 6,
            source_end=s + 11,
            cue="Selon",
            cue_start=s,
            cue_end=s + 5,
            stance="reported",
            source_kind="government",
            extractor="hand",
            rule="test annotation",
        )
    )
    s, e = _at(text, "Pyongyang a officiellement confirmé")
    cs, ce = _at(text, "a officiellement confirmé", s)
    out.append(
        Attribution(
            start=s,
            end=e,
            text=text[s:e],
            source="Pyongyang",
            source_start=s,
            source_end=s + 9,
            cue=text[cs:ce],
            cue_start=cs,
            cue_end=ce,
            stance="confirmed",
            source_kind="government",
            extractor="hand",
            rule="test annotation",
        )
    )
    return tuple(out)


def _hedges(text: str) -> tuple[Hedge, ...]:
    s, e = _at(text, "estiment")
    return (Hedge(start=s, end=e, text=text[s:e], effect=-0.2, extractor="hand", rule="test"),)


def _sentence_around(article: osintparse.Article, offset: int) -> tuple[int, int]:
    for s in article.sentences:
        if s.start <= offset < s.end:
            return s.start, s.end
    raise ValueError(offset)


def annotate_seed(article: osintparse.Article) -> osintparse.Article:
    """Return the seed article with hand annotations in every layer left empty."""
    text = article.text
    quantities = article.quantities or _quantities(text)
    dates = article.dates or _dates(text)
    attributions = article.attributions or _attributions(text)
    hedges = article.hedges or _hedges(text)
    claims = article.claims
    if not claims:
        made = []
        for attribution in attributions[:3]:
            s, e = _sentence_around(article, attribution.start)
            made.append(
                Claim(
                    start=s,
                    end=e,
                    text=text[s:e],
                    attributions=[attribution],
                    quantities=[q for q in quantities if s <= q.start < e],
                    dates=[d for d in dates if s <= d.start < e],
                    stance=attribution.stance,
                    certainty=0.9 if attribution.stance == "confirmed" else 0.6,
                    extractor="hand",
                    rule="test annotation",
                )
            )
        claims = tuple(made)
    return attrs.evolve(
        article,
        quantities=quantities,
        dates=dates,
        attributions=attributions,
        hedges=hedges,
        claims=claims,
    )


def hand_annotated_seed() -> osintparse.Article:
    """The seed's structure plus hand annotations only (whatever extractors exist).

    Tests that assert exact values use this, so they do not change when the
    extractors land.
    """
    from tests.conftest import SEED_PATH

    text = SEED_PATH.read_text(encoding="utf-8")
    return annotate_seed(osintparse.Pipeline(["structure"])(text, lang="fr"))
