"""The ``claims`` extractor: one record per asserted proposition.

A claim ties a sentence (or a few) to its sources, figures, dates, hedges, places and a
certainty score. Rules, in order:

1. Every title and body sentence is a claim (headings too when
   ``include_headings=True``). Boilerplate lines, datelines and bylines never are,
   and a text without a (supported) language has none: a structure-only article.
2. An attribution belongs to the claim holding its *content* (``content_start``)
   or, without content, the claim holding the attribution itself. So the anaphoric
   "C'est ce qu'indique The Chosun Daily." attributes the previous sentence.
3. A sentence that only carries an anaphoric attribution about another sentence
   ("C'est ce qu'indique X.", "That is according to X.") asserts nothing new: it
   joins that sentence's claim, which then spans both.
4. Inheritance, within a paragraph only: a sentence with no source of its own
   inherits the previous claim's sources (marked ``inherited=True``) when it opens
   with a continuation marker ("En outre", "In addition") or reported-speech word
   ("aurait", "reportedly"), or when its subject, after an optional opening
   adverbial ending in a comma, is an anaphoric pronoun ("ils", "they"). These
   words are in ``lexicons/<lang>/claims.toml``. Sentences of another paragraph
   never inherit.
5. ``stance`` is the strongest applicable: ``denied`` if any source denies,
   else the first of confirmed > asserted > reported > estimated > alleged, else
   ``unattributed``.
6. ``certainty`` starts from :data:`BASE_CERTAINTY` for the stance, adds each
   hedge's ``effect``, and the adjustments in :data:`ADJUSTMENTS`; it is clamped
   to [0, 1] and rounded to two decimals.
7. A title or heading ending with a question mark is a claim with
   ``question=True``, stance ``unattributed`` and certainty 0: it asserts nothing.

Each rule is a named entry of a rule table (the engine is a loop over them); a
claim's ``rule`` joins with ``+`` the names of those that applied to it:
``sentence``, ``anaphora``, ``inherited:<rule>:<lexicon entry>`` and the
adjustments (``sentence+inherited:pronoun:ils``, ``sentence+corroborated``).

Examples
--------
>>> import osintparse
>>> a = osintparse.parse("Titre\\n\\nUne phrase sans source.", lang="fr")
>>> [(c.text, c.stance.value, c.certainty) for c in a.claims]
[('Titre', 'unattributed', 0.5), ('Une phrase sans source.', 'unattributed', 0.5)]
>>> b = osintparse.parse("Titre\\n\\nSelon X, 3 morts. Ils sont partis.", lang="fr")
>>> [c.rule for c in b.claims]
['sentence', 'sentence', 'sentence+inherited:pronoun:ils']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import attrs

from osintparse._records import record_repr
from osintparse.extractors.base import Document
from osintparse.extractors.claims import _rules
from osintparse.extractors.claims._engine import State, run
from osintparse.model import (
    Attribution,
    Claim,
    DateMention,
    Hedge,
    Place,
    Quantity,
    Section,
    Sentence,
    Stance,
)

__all__ = ["ADJUSTMENTS", "BASE_CERTAINTY", "STANCE_ORDER", "ClaimsExtractor", "build_claims"]

#: Stances from strongest to weakest evidence (``denied`` is handled apart).
STANCE_ORDER: tuple[Stance, ...] = _rules.STANCE_ORDER

#: Certainty a claim starts from, by stance.
BASE_CERTAINTY: Mapping[Stance, float] = _rules.BASE_CERTAINTY

#: Further adjustments to certainty, by rule name. ``anonymous_only`` when every
#: source is anonymous, ``inherited`` when the sources are carried over from the
#: previous sentence, ``corroborated`` for two or more distinct sources, not inherited.
ADJUSTMENTS: Mapping[str, float] = _rules.ADJUSTMENTS


def build_claims(
    text: str,
    *,
    lang: str | None,
    sentences: Sequence[Sentence],
    sections: Sequence[Section] = (),
    attributions: Sequence[Attribution] = (),
    quantities: Sequence[Quantity] = (),
    dates: Sequence[DateMention] = (),
    hedges: Sequence[Hedge] = (),
    places: Sequence[Place] = (),
    include_headings: bool = False,
) -> tuple[Claim, ...]:
    """Group sentences and their mentions into claims (see the module rules).

    Examples
    --------
    >>> from osintparse.model import Sentence
    >>> s = [Sentence(start=0, end=6, text="Hello.")]
    >>> [c.text for c in build_claims("Hello.", lang="en", sentences=s)]
    ['Hello.']
    """
    state = State(
        text,
        lang,
        sentences,
        attributions=attributions,
        quantities=quantities,
        dates=dates,
        hedges=hedges,
        places=places,
        include_headings=include_headings,
    )
    return run(state, sections)


@attrs.frozen
class ClaimsExtractor:
    """Build :class:`~osintparse.model.Claim` records from the other layers.

    Parameters
    ----------
    include_headings
        Make headings claims too (default: only title and body sentences).

    Examples
    --------
    >>> import osintparse
    >>> p = osintparse.Pipeline(["structure", "claims"])
    >>> [c.text for c in p("Titre\\n\\nA b. C d.", lang="fr").claims]
    ['Titre', 'A b.', 'C d.']
    """

    __repr__ = record_repr

    name: ClassVar[str] = "claims"
    produces: ClassVar[tuple[str, ...]] = ("claims",)
    requires: ClassVar[tuple[str, ...]] = ("sentences", "sections")
    uses: ClassVar[tuple[str, ...]] = ("attributions", "hedges", "quantities", "dates", "places")
    include_headings: bool = False

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        """Return the ``claims`` layer of ``doc``: none without a language.

        A text whose language is undetected or unsupported (``lang=None``) gets a
        structure-only article: its sentences are not read as claims, since no
        source, hedge or figure of it can be read either.
        """
        if doc.lang is None:
            return {"claims": ()}
        return {
            "claims": build_claims(
                doc.text,
                lang=doc.lang,
                sentences=doc.get("sentences"),
                sections=doc.get("sections"),
                attributions=doc.get("attributions"),
                quantities=doc.get("quantities"),
                dates=doc.get("dates"),
                hedges=doc.get("hedges"),
                places=doc.get("places"),
                include_headings=self.include_headings,
            )
        }
