"""Document structure: title, headings, paragraphs, boilerplate lines, sentences.

Rules, in order:

1. Lines are split on every Unicode line break (``\\n``, ``\\r\\n``, lone ``\\r``...).
   Each non-blank line is a paragraph, except that a line which does not end a
   sentence and is followed by a line starting in lower case is joined to it
   (hard-wrapped text).
2. A paragraph equal to a boilerplate line of the language's lexicon ("Retour en
   haut", "Back to top"), or starting with a boilerplate prefix ("Lire aussi :"),
   is ``boilerplate`` and yields no sentence.
3. The first other paragraph is the ``title`` when it looks like one (short, not
   ending with a period) and more text follows.
4. A later paragraph is a ``heading`` when it looks like one (at most 160
   characters and 20 words, starts with a capital or digit, does not end with
   ``. , ; :``) and a body paragraph follows; Markdown ``#`` lines are headings.
5. Each heading opens a :class:`~osintparse.model.Section`; paragraphs before the
   first heading form the lead section (no heading).
6. Title, heading and body paragraphs are split into sentences.

Examples
--------
>>> s = analyse("Titre\\n\\nUne phrase. Deux.\\n\\nRetour en haut", "fr")
>>> s.title, [p.kind.value for p in s.paragraphs], [x.text for x in s.sentences]
('Titre', ['title', 'body', 'boilerplate'], ['Titre', 'Une phrase.', 'Deux.'])
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import attrs
import regex

from osintparse import lexicons
from osintparse.model import Paragraph, ParagraphKind, Section, Sentence
from osintparse.text import Normalized, normalize, split_sentences

__all__ = ["Structure", "analyse"]

_LINE = regex.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_WORD = regex.compile(r"\w+")
_SENTENCE_END = tuple(".!?…»\"':;,)")
_HEADING_BAD_END = tuple(".,;:…")
_MARKDOWN_HEADING = regex.compile(r"#{1,6}\s")
_BOILER_PUNCT = " \t.:!?…»«\"'|>-–—•·*#()[]"
_HEADING_MAX_CHARS = 160
_HEADING_MAX_WORDS = 20
_TITLE_MAX_CHARS = 300


@attrs.frozen
class Structure:
    """What :func:`analyse` finds: the title and the paragraph, section, sentence layers.

    Examples
    --------
    >>> analyse("", "fr")
    Structure(title=None, paragraphs=(), sections=(), sentences=())
    """

    title: str | None
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]


@functools.cache
def _lexicon(lang: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    data = lexicons.load(lang, "structure")
    lines = frozenset(_boiler_key(x) for x in data["boilerplate"]["lines"])
    prefixes = tuple(_boiler_key(x) for x in data["boilerplate"]["prefixes"])
    abbreviations = frozenset(data["abbreviations"]["words"])
    return lines, prefixes, abbreviations


def _boiler_key(line: str) -> str:
    return " ".join(line.casefold().replace("\u2019", "'").split()).strip(_BOILER_PUNCT)


def _is_boilerplate(line: str, lines: frozenset[str], prefixes: tuple[str, ...]) -> str | None:
    if len(line) > 200:
        return None
    key = _boiler_key(line)
    if not key:
        return "empty"
    if key in lines:
        return f"line:{key}"
    for prefix in prefixes:
        if key.startswith(prefix):
            rest = key[len(prefix) :]
            if not rest or rest[0] in " :" or not prefix[-1].isalnum():
                return f"prefix:{prefix}"
    return None


def _heading_like(line: str, max_chars: int) -> bool:
    if len(line) > max_chars or line.endswith(_HEADING_BAD_END):
        return False
    first = line.lstrip("«\"'(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return len(_WORD.findall(line, concurrent=False)) <= _HEADING_MAX_WORDS


def _lines(norm: str) -> Iterator[tuple[int, int]]:
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


def _blocks(norm: str, lines: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    for s, e in lines:
        if blocks:
            ps, pe = blocks[-1]
            prev_end = norm[pe - 1]
            gap = norm[pe:s]
            blank = gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1
            if (
                not blank
                # endswith over a range, not a slice: slicing the growing block
                # made hard-wrapped text quadratic ("a\n" * 400 000 took 5 s).
                and not norm.endswith(_SENTENCE_END, ps, pe)
                and (norm[s].islower() or prev_end in ",-")
            ):
                blocks[-1] = (ps, e)
                continue
        blocks.append((s, e))
    return blocks


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
    if lang is not None:
        boiler_lines, boiler_prefixes, abbreviations = _lexicon(lang)
    else:
        boiler_lines, boiler_prefixes, abbreviations = frozenset(), (), frozenset()
    nt = norm.text
    blocks = _blocks(nt, _lines(nt))

    kinds: list[tuple[ParagraphKind, str]] = []
    for s, e in blocks:
        rule = _is_boilerplate(nt[s:e], boiler_lines, boiler_prefixes)
        kinds.append((ParagraphKind.BOILERPLATE, rule) if rule else (ParagraphKind.BODY, ""))
    content = [i for i, (k, _) in enumerate(kinds) if k is ParagraphKind.BODY]
    if len(content) > 1:
        first = content[0]
        s, e = blocks[first]
        line = nt[s:e]
        if _heading_like(line, _TITLE_MAX_CHARS) or _MARKDOWN_HEADING.match(line):
            kinds[first] = (ParagraphKind.TITLE, "first-line")
    for pos, i in enumerate(content):
        if kinds[i][0] is not ParagraphKind.BODY:
            continue
        s, e = blocks[i]
        line = nt[s:e]
        if _MARKDOWN_HEADING.match(line):
            kinds[i] = (ParagraphKind.HEADING, "markdown")
            continue
        nxt = content[pos + 1] if pos + 1 < len(content) else None
        if (
            nxt is not None
            and _heading_like(line, _HEADING_MAX_CHARS)
            and not _heading_like(nt[blocks[nxt][0] : blocks[nxt][1]], _HEADING_MAX_CHARS)
        ):
            kinds[i] = (ParagraphKind.HEADING, "short-line")

    paragraphs: list[Paragraph] = []
    section_bounds: list[tuple[int, int, int | None]] = []  # (start, end, heading paragraph)
    for i, ((s, e), (kind, rule)) in enumerate(zip(blocks, kinds, strict=True)):
        if kind is ParagraphKind.HEADING or not section_bounds:
            section_bounds.append((s, e, i if kind is ParagraphKind.HEADING else None))
        else:
            ss, _, h = section_bounds[-1]
            section_bounds[-1] = (ss, e, h)
        os_, oe = norm.span(s, e)
        paragraphs.append(
            Paragraph(
                start=os_,
                end=oe,
                text=text[os_:oe],
                kind=kind,
                section=len(section_bounds) - 1,
                rule=rule,
            )
        )

    sections: list[Section] = []
    for s, e, h in section_bounds:
        os_, oe = norm.span(s, e)
        heading = paragraphs[h] if h is not None else None
        sections.append(
            Section(
                start=os_,
                end=oe,
                text=text[os_:oe],
                heading=heading.text if heading else None,
                heading_start=heading.start if heading else None,
                heading_end=heading.end if heading else None,
            )
        )

    sentences: list[Sentence] = []
    for i, ((s, e), para) in enumerate(zip(blocks, paragraphs, strict=True)):
        if para.kind is ParagraphKind.BOILERPLATE:
            continue
        if para.kind is ParagraphKind.HEADING:
            spans: list[tuple[int, int]] = [(s, e)]
        else:
            spans = list(split_sentences(nt, s, e, abbreviations=abbreviations))
        for ss, se in spans:
            os_, oe = norm.span(ss, se)
            sentences.append(
                Sentence(
                    start=os_,
                    end=oe,
                    text=text[os_:oe],
                    kind=para.kind,
                    paragraph=i,
                    section=para.section,
                )
            )

    title = next((p.text for p in paragraphs if p.kind is ParagraphKind.TITLE), None)
    return Structure(title, tuple(paragraphs), tuple(sections), tuple(sentences))
