"""The subjects: the noun phrase before a verb cue that can be its source.

The rules of :data:`SUBJECTS` refine a candidate subject in turn (the noun phrase
right before the verb, across a relative clause...); :func:`find_subject` runs them
and checks the result can name a source.

Examples
--------
>>> SUBJECTS.names()[:2]
('phrase', 'relative')
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from osintparse._patterns import RuleTable
from osintparse.extractors.attributions._context import Context, Cue, Subject
from osintparse.extractors.attributions._lexicon import rules_of
from osintparse.extractors.attributions._sources import np_before

__all__ = ["SUBJECTS", "Candidate", "find_subject"]


@attrs.frozen
class Candidate:
    """A candidate subject: tokens ``i:j`` and what ended it on the left (see ``np_before``).

    Examples
    --------
    >>> Candidate(0, 2, "start").stop
    'start'
    """

    i: int
    j: int
    stop: str


#: A subject rule: from the candidate so far (``None`` for the first rule), the next
#: candidate, or ``None`` when the verb has no subject.
SubjectRule = Callable[[Context, Cue, Candidate | None], Candidate | None]

#: The rules finding the subject of a verb, in order, each refining the candidate.
SUBJECTS: RuleTable[SubjectRule] = RuleTable("attribution subjects")


@SUBJECTS.rule("phrase")
def _phrase(s: Context, cue: Cue, _: Candidate | None) -> Candidate | None:
    """The noun phrase right before the verb, adverbs and clitics skipped: "Les analystes"."""
    tk, lex, c = s.tk, s.lex, cue.lead
    i, j, stop = np_before(
        tk, c, lex.sources, adverbs=lex.adverbs, adverb_endings=lex.before_verb_endings,
        cross=tk.gap(c).strip() == ",",
    )  # fmt: skip
    return Candidate(i, j, stop)


@SUBJECTS.rule("relative")
def _relative(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """Across a relative clause: "L'armée, qui a démenti", "An official who asked ... said"."""
    tk, src = s.tk, s.lex.sources
    if (
        p is None
        or p.stop != "clause"
        or p.i == 0
        or tk.keys[p.i - 1] not in src.relatives
        or s.kind(p.i, p.j) is not None
    ):
        return p
    i, j, _ = np_before(tk, p.i - 1, src, cross=True)
    if cue.kind == "finite" and 0 < j < cue.lead and tk.keys[j - 1] in src.breakers:
        return None
    return Candidate(i, j, "relative")


def find_subject(s: Context, cue: Cue) -> Subject | None:
    """The noun phrase before a verb that can be its source (rules of :data:`SUBJECTS`)."""
    phrase: Candidate | None = None
    for rule in rules_of(SUBJECTS):
        phrase = rule(s, cue, phrase)
        if phrase is None:
            return None
    assert phrase is not None
    kind = s.kind(phrase.i, phrase.j)
    if kind is None:
        return None
    i, j = phrase.i, phrase.j
    return Subject(i, j, phrase.stop, kind, s.source_span(i, j), (s.tk.starts[i], cue.end))
