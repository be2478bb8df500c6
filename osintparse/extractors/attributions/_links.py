"""Links between the attributions of a text: provenance (``parent``) and pronoun sources.

Once every sentence is read, the rules of :data:`LINKS` run in order over the
attributions of the whole text, each a small pass:

* ``reported_by``: a cue naming who reports ("cité par l'AFP", "quoted by Reuters")
  is the parent of the other attributions of its sentence;
* ``citing``: a cue naming whom the reporter cites ("Reuters, citing two officials",
  "l'AFP, qui cite le ministère") has the sentence's other attribution as parent;
* ``content``: an attribution whose cue lies in another's content is nested in it
  ("X said Y had told him ...", a quotation holding "I think"): the attribution with
  the smallest such content is its parent;
* ``pronoun``: a personal pronoun source is resolved to the nearest preceding named
  source of the same number in its paragraph;
* ``own_talk``: a speaker's own talk ("I think", "you want": ``Found.talk``) is dropped
  unless it is nested in another attribution or the parent of one.

A ``parent`` is the index of another attribution in the text's list; following the
parents of an attribution gives its provenance chain, from the journalist's source
down to the cited one. Offsets are into the normalised text.

Examples
--------
>>> LINKS.names()
('reported_by', 'citing', 'content', 'pronoun', 'own_talk')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from osintparse._patterns import RuleTable
from osintparse._records import record_repr
from osintparse.extractors.attributions._context import Found
from osintparse.extractors.attributions._lexicon import TOKEN, CueLexicon, rules_of

__all__ = ["LINKS", "Placed", "link"]


@attrs.frozen(eq=False)
class Placed:
    """An attribution with the sentence and paragraph it was found in.

    Examples
    --------
    >>> from osintparse.model import SourceKind, Stance
    >>> f = Found(0, 5, 0, 5, 0, 5, Stance.REPORTED, SourceKind.OTHER, None, None, False, "x")
    >>> Placed(f, 0, 0).sentence
    0
    """

    __repr__ = record_repr

    found: Found
    sentence: int
    paragraph: int


#: A link rule: from the attributions of the text (and the text, the lexicon), the same
#: attributions with some links set.
LinkRule = Callable[[list[Placed], str, CueLexicon], list[Placed]]

#: The link passes, in order.
LINKS: RuleTable[LinkRule] = RuleTable("attribution links")

#: How many attributions on each side of one are candidates for its parent or its
#: pronoun's resolution, and how long a chain of parents is followed: bounds that keep
#: the links linear in the number of attributions (a content holding more cues than
#: this is no news sentence).
_WINDOW = 24
_DEPTH = 32


def _with(
    p: Placed, *, parent: int | None = None, resolved: tuple[int, int] | None = None
) -> Placed:
    """``p`` with its parent or resolution set."""
    f = p.found
    found = attrs.evolve(
        f, parent=f.parent if parent is None else parent, resolved=resolved or f.resolved
    )
    return attrs.evolve(p, found=found)


def _same_sentence(found: list[Placed], k: int) -> list[int]:
    """The indexes of the other attributions of attribution ``k``'s sentence (at most
    ``_WINDOW`` on each side)."""
    s = found[k].sentence
    out: list[int] = []
    for step in (-1, 1):
        i = k + step
        while 0 <= i < len(found) and found[i].sentence == s and abs(i - k) <= _WINDOW:
            out.append(i)
            i += step
    return sorted(out)


@LINKS.rule("reported_by")
def _reported_by(found: list[Placed], text: str, lex: CueLexicon) -> list[Placed]:
    """A cue naming the reporter ("cité par l'AFP") is the parent of its sentence's others."""
    out = list(found)
    for k, p in enumerate(found):
        if p.found.cites != "reporting":
            continue
        for i in _same_sentence(found, k):
            if out[i].found.parent is None and found[i].found.cites != "reporting":
                out[i] = _with(out[i], parent=k)
    return out


@LINKS.rule("citing")
def _citing(found: list[Placed], text: str, lex: CueLexicon) -> list[Placed]:
    """A cue naming a cited source ("citing two officials", "qui cite le ministère") has
    the attribution of its reporter as parent: the one whose source is the cue's subject,
    or else the nearest other attribution of the sentence; without a content of its own, it
    takes its parent's (what the reporter says the cited source said)."""
    out = list(found)
    for k, p in enumerate(found):
        f = p.found
        if f.cites != "source" or f.parent is not None:
            continue
        others = [i for i in _same_sentence(found, k) if found[i].found.cites != "source"]
        if not others:
            continue
        reporter = f.reporter
        named = [i for i in others if reporter and _overlaps(_source(found[i]), reporter)]
        nearest = sorted(others, key=lambda i: abs(found[i].found.cue_start - f.cue_start))
        parent = (named or nearest)[0]
        out[k] = _with(out[k], parent=parent)
        g = found[parent].found
        if f.content_start is None and g.content_start is not None:
            changed = attrs.evolve(
                out[k].found, content_start=g.content_start, content_end=g.content_end
            )
            out[k] = attrs.evolve(out[k], found=changed)
    return out


def _source(p: Placed) -> tuple[int, int]:
    f = p.found
    return f.resolved or (f.source_start, f.source_end)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@LINKS.rule("content")
def _content(found: list[Placed], text: str, lex: CueLexicon) -> list[Placed]:
    """An attribution whose cue lies in another's content is nested in the one with the
    smallest such content (and not holding its own cue in return)."""
    out = list(found)
    spans = [(p.found.content_start, p.found.content_end) for p in found]
    for k, p in enumerate(found):
        if p.found.parent is not None:
            continue
        cue = p.found.cue_start
        best: tuple[int, int] | None = None
        for i in range(max(0, k - _WINDOW), min(len(spans), k + _WINDOW + 1)):
            a, b = spans[i]
            if i == k or a is None or b is None or not a <= cue < b:
                continue
            if _ancestors(out, i, k):
                continue  # no cycle: "Reuters, citing two officials, reported ..."
            ka, kb = spans[k]
            if ka is not None and kb is not None and ka <= found[i].found.cue_start < kb:
                continue  # each in the other's content: neither is nested
            if best is None or b - a < best[0]:
                best = (b - a, i)
        if best is not None:
            out[k] = _with(out[k], parent=best[1])
    return out


def _ancestors(found: list[Placed], i: int, k: int) -> bool:
    """True when attribution ``k`` is among the parents of attribution ``i``, or when the
    chain of parents is longer than ``_DEPTH`` (then no link is made: no cycle either)."""
    seen: set[int] = set()
    parent = found[i].found.parent
    while parent is not None and parent not in seen:
        if parent == k or len(seen) >= _DEPTH:
            return True
        seen.add(parent)
        parent = found[parent].found.parent
    return False


@LINKS.rule("pronoun")
def _pronoun(found: list[Placed], text: str, lex: CueLexicon) -> list[Placed]:
    """A personal pronoun source is resolved to the nearest preceding named source of the
    same number in the paragraph (`pronouns`, `plural_pronouns`; a plural ending on the
    head of a lower-case source)."""
    out = list(found)
    src = lex.sources
    for k, p in enumerate(found):
        f = p.found
        word = text[f.source_start : f.source_end].casefold()
        possessive = word in lex.possessives  # "in his view", "sa promesse de"
        if f.resolved is not None or not (word in src.personal or possessive):
            continue
        plural = word in src.plural_pronouns
        for i in range(k - 1, max(-1, k - 1 - _WINDOW), -1):
            q = found[i]
            if q.paragraph != p.paragraph:
                break
            named = _named(q, text, lex)
            if named is not None and (
                possessive or _plural(text[named[0] : named[1]], lex) == plural
            ):
                out[k] = _with(out[k], resolved=named)
                break
    return out


@LINKS.rule("own_talk")
def _talk(found: list[Placed], text: str, lex: CueLexicon) -> list[Placed]:
    """A speaker's own talk ("I think ...", "you want ..." in a quotation whose speaker is
    not found around it) is no source of its own: dropped unless nested in another
    attribution or the parent of one; the parents of the others are renumbered."""
    parents = {p.found.parent for p in found}
    keep = [
        k
        for k, p in enumerate(found)
        if not p.found.talk or p.found.parent is not None or k in parents
    ]
    if len(keep) == len(found):
        return found
    index = {k: n for n, k in enumerate(keep)}
    out = []
    for k in keep:
        p = found[k]
        parent = p.found.parent
        if parent is not None:
            p = attrs.evolve(p, found=attrs.evolve(p.found, parent=index[parent]))
        out.append(p)
    return out


def _named(p: Placed, text: str, lex: CueLexicon) -> tuple[int, int] | None:
    """The named source of an attribution (its resolution for a pronoun), if any."""
    f = p.found
    if f.resolved is not None:
        return f.resolved
    word = text[f.source_start : f.source_end].casefold()
    if f.source_end <= f.source_start or word in lex.sources.pronouns or word in lex.possessives:
        return None
    return (f.source_start, f.source_end)


def _plural(source: str, lex: CueLexicon) -> bool:
    """True when a source reads as plural: its head (`noun_phrase.head`) is a lower-case
    word with a plural ending ("officials"), or it joins two names ("X and Y")."""
    words = TOKEN.findall(source)
    if not words:
        return False
    src = lex.sources
    if any(w.casefold() in src.links and w.casefold() in src.connectors for w in words):
        return True
    head: str = words[0] if src.head_first else words[-1]
    return head.islower() and head.casefold().endswith(src.plural_endings)


def link(found: Sequence[Placed], text: str, lex: CueLexicon) -> list[Found]:
    """Return the attributions with their links set (rules of :data:`LINKS`, in order).

    Examples
    --------
    >>> from osintparse.extractors.attributions._cues import match_sentence
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> t = "Selon l'AFP, le ministre a déclaré que le pont était fermé."
    >>> fs = [Placed(f, 0, 0) for f in match_sentence(t, 0, len(t), "fr", previous=None)]
    >>> [(t[f.source_start:f.source_end], f.parent) for f in link(fs, t, cue_lexicon("fr"))]
    [('AFP', None), ('ministre', 0)]
    """
    placed = list(found)
    for rule in rules_of(LINKS):
        placed = rule(placed, text, lex)
    return [p.found for p in placed]
