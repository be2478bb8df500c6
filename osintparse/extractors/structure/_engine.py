"""Document structure: title, headings, paragraphs, boilerplate lines, sentences.

The engine is a loop over the rule tables of :mod:`._rules`, in this order:

1. Lines are split on every Unicode line break (``\\n``, ``\\r\\n``, lone ``\\r``...).
   Each non-blank line starts a block unless a rule of :data:`~._rules.JOINS` joins it
   to the block above (``hard-wrap``: the block does not end a sentence and the line
   starts in lower case). Lines separated by a blank line never join.
2. Each block is tried against :data:`~._rules.BOILERPLATE` ("Retour en haut",
   "Lire aussi :", a line of punctuation): boilerplate yields no sentence.
3. Every other block gets the kind of the first rule of :data:`~._rules.PARAGRAPHS`
   that answers: ``title`` (the first block, short, when more text follows),
   ``markdown-heading``, ``heading`` (short, followed by a block that is not),
   ``body``.
4. Each heading opens a :class:`~osintparse.model.Section`; blocks before the
   first heading form the lead section (no heading).
5. A heading is one sentence; title and body blocks are split into sentences,
   where a period that a rule of :data:`~._rules.NO_BREAKS` keeps ("M.",
   "J. Smith") does not end one. Each sentence gets the kind of the first rule of
   :data:`~._rules.SENTENCES` that answers (today, its paragraph's kind).

Each paragraph's ``rule`` names the rule that classified it (``title``, ``body``,
``boilerplate-line:retour en haut``...), with ``+hard-wrap`` when lines were joined.

Examples
--------
>>> s = analyse("Titre\\n\\nUne phrase. Deux.\\n\\nRetour en haut", "fr")
>>> s.title, [p.kind.value for p in s.paragraphs], [x.text for x in s.sentences]
('Titre', ['title', 'body', 'boilerplate'], ['Titre', 'Une phrase.', 'Deux.'])
>>> [p.rule for p in s.paragraphs]
['title', 'body', 'boilerplate-line:retour en haut']
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence

import attrs

from osintparse._patterns import Rule
from osintparse._records import record_repr
from osintparse._regexcode import compile_pattern
from osintparse.extractors.structure._rules import (
    BOILER_MAX_CHARS,
    BOILERPLATE,
    JOINS,
    NO_LEXICON,
    NOTE_RULE,
    PARAGRAPHS,
    SENTENCES,
    BoilerRule,
    Lexicon,
    Page,
    boiler_key,
    first,
    lexicon,
    named,
    no_break,
)
from osintparse.model import Paragraph, ParagraphKind, Section, Sentence, _from_source
from osintparse.text import Normalized, normalize, split_sentences

__all__ = ["Structure", "analyse"]

_LINE = compile_pattern(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")

_Span = tuple[int, int]
#: Paragraph kinds kept whole as one sentence.
_ONE_SENTENCE = frozenset({ParagraphKind.HEADING, ParagraphKind.DATELINE, ParagraphKind.BYLINE})
_Label = tuple[ParagraphKind, str]


@attrs.frozen(eq=False)
class Structure:
    """What :func:`analyse` finds: the title and the paragraph, section, sentence layers.

    Examples
    --------
    >>> analyse("", "fr")
    Structure(title=None, paragraphs=(), sections=(), sentences=())
    """

    __repr__ = record_repr

    title: str | None
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]


def _lines(norm: str) -> Iterator[_Span]:
    # A generator: a list of every line's span cost ~120 bytes a line (600 MB for
    # 10 MB of one-letter lines); only the joined blocks are kept.
    for m in _LINE.finditer(norm):
        s, e = m.span()
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def _blocks(norm: str, lines: Iterable[_Span]) -> tuple[list[_Span], dict[int, str]]:
    """Blocks of lines, and the join rule that made each joined block."""
    joins = tuple(JOINS)
    blocks: list[_Span] = []
    joined: dict[int, str] = {}
    for line in lines:
        name = ""
        if blocks:
            block = blocks[-1]
            gap = norm[block[1] : line[0]]
            # Lines with a blank line between them never join.
            if gap.count("\n") + gap.count("\r") - gap.count("\r\n") < 2:
                for rule in joins:
                    if rule.fn(norm, block, line):
                        name = rule.name
                        break
        if name:
            blocks[-1] = (blocks[-1][0], line[1])
            joined[len(blocks) - 1] = name
        else:
            blocks.append(line)
    return blocks, joined


def _boilerplate(line: str, rules: Sequence[Rule[BoilerRule]], lex: Lexicon) -> _Label | None:
    long = len(line) > BOILER_MAX_CHARS  # only an editor's note is boilerplate then
    hit = first(rules, boiler_key(line[:BOILER_MAX_CHARS] if long else line), lex)
    if hit is None or (long and hit[0] != NOTE_RULE):
        return None
    return ParagraphKind.BOILERPLATE, named(*hit)


def _classify(norm: str, blocks: Sequence[_Span], lex: Lexicon) -> list[_Label]:
    """``(kind, rule)`` of every block: boilerplate first, then the paragraph rules."""
    boiler = tuple(BOILERPLATE)
    labels = [_boilerplate(norm[s:e], boiler, lex) for s, e in blocks]
    content = [i for i, label in enumerate(labels) if label is None]
    page = Page(norm, [blocks[i] for i in content], lex)
    rules = tuple(PARAGRAPHS)
    for pos, i in enumerate(content):
        # "body" answers every block, so the first rule that answers is always found.
        name, (kind, entry) = first(rules, page, pos) or ("body", (ParagraphKind.BODY, ""))
        labels[i] = (kind, named(name, entry))
    return [label or (ParagraphKind.BODY, "body") for label in labels]


def _paragraphs(
    norm: Normalized,
    blocks: Sequence[_Span],
    labels: Sequence[_Label],
    joined: dict[int, str],
) -> tuple[list[Paragraph], list[tuple[int, int, int | None]]]:
    """Paragraph records and section bounds ``(start, end, heading paragraph)``."""
    text = norm.original
    paragraphs: list[Paragraph] = []
    bounds: list[tuple[int, int, int | None]] = []
    rules: dict[str, str] = {}
    for i, ((s, e), (kind, rule)) in enumerate(zip(blocks, labels, strict=True)):
        if kind is ParagraphKind.HEADING or not bounds:
            bounds.append((s, e, i if kind is ParagraphKind.HEADING else None))
        else:
            bounds[-1] = (bounds[-1][0], e, bounds[-1][2])
        if i in joined:
            rule = f"{rule}+{joined[i]}"
            rule = rules.setdefault(rule, rule)  # one str per distinct rule, not per paragraph
        os_, oe = norm.span(s, e)
        paragraphs.append(
            _from_source(
                Paragraph(
                    start=os_,
                    end=oe,
                    text=text[os_:oe],
                    kind=kind,
                    section=len(bounds) - 1,
                    rule=rule,
                ),
                text,
            )
        )
    return paragraphs, bounds


def _sections(
    norm: Normalized, bounds: Sequence[tuple[int, int, int | None]], paragraphs: Sequence[Paragraph]
) -> list[Section]:
    sections: list[Section] = []
    for s, e, h in bounds:
        os_, oe = norm.span(s, e)
        heading = paragraphs[h] if h is not None else None
        sections.append(
            _from_source(
                Section(
                    start=os_,
                    end=oe,
                    text=norm.original[os_:oe],
                    heading=heading.text if heading else None,
                    heading_start=heading.start if heading else None,
                    heading_end=heading.end if heading else None,
                ),
                norm.original,
            )
        )
    return sections


def _sentences(
    norm: Normalized, blocks: Sequence[_Span], paragraphs: Sequence[Paragraph], lex: Lexicon
) -> list[Sentence]:
    keep = functools.partial(no_break, lex=lex)
    rules = tuple(SENTENCES)
    sentences: list[Sentence] = []
    for i, ((s, e), para) in enumerate(zip(blocks, paragraphs, strict=True)):
        if para.kind is ParagraphKind.BOILERPLATE:
            continue
        if para.kind in _ONE_SENTENCE:
            spans: Iterable[_Span] = [(s, e)]
        else:
            spans = split_sentences(norm.text, s, e, no_break=keep)
        for ss, se in spans:
            os_, oe = norm.span(ss, se)
            # "paragraph-kind" answers every sentence.
            hit = first(rules, norm.text, (ss, se), para.kind, lex)
            kind = hit[1][0] if hit else para.kind
            sentences.append(
                _from_source(
                    Sentence(
                        start=os_,
                        end=oe,
                        text=norm.original[os_:oe],
                        kind=kind,
                        paragraph=i,
                        section=para.section,
                    ),
                    norm.original,
                )
            )
    return sentences


def analyse(text: str, lang: str | None, normalized: Normalized | None = None) -> Structure:
    """Split ``text`` into title, paragraphs, sections and sentences.

    Parameters
    ----------
    text
        The article text.
    lang
        A supported language code, or ``None`` (no boilerplate lexicon, no
        abbreviations: structure only).
    normalized
        ``normalize(text)`` if the caller has it already.

    Examples
    --------
    >>> s = analyse("Titre\\n\\nIntro.\\n\\nUn intertitre\\n\\nCorps du texte.", "fr")
    >>> [(x.heading, x.text[:5]) for x in s.sections]
    [(None, 'Titre'), ('Un intertitre', 'Un in')]
    """
    norm = normalized if normalized is not None else normalize(text)
    lex = lexicon(lang) if lang is not None else NO_LEXICON
    blocks, joined = _blocks(norm.text, _lines(norm.text))
    labels = _classify(norm.text, blocks, lex)
    paragraphs, bounds = _paragraphs(norm, blocks, labels, joined)
    sections = _sections(norm, bounds, paragraphs)
    sentences = _sentences(norm, blocks, paragraphs, lex)
    title = next((p.text for p in paragraphs if p.kind is ParagraphKind.TITLE), None)
    return Structure(title, tuple(paragraphs), tuple(sections), tuple(sentences))
