"""Score osintparse's attributions on PolNeAR (Newell et al., LREC 2018), train or dev split.

Run from the repository root::

    python -m benchmarks.accuracy.polnear CORPUS_DIR --split dev [--errors N] [--json FILE]

``CORPUS_DIR`` is a PolNeAR checkout (``data/metadata.tsv``, ``data/<split>/text/*.txt``,
``data/<split>/attributions/*.ann``) or its ``data`` directory. The test split is the
project's external benchmark: this script refuses to score it.

Reading. Each article of the split (``compartment`` column of ``metadata.tsv``) is read
from ``text/<filename>.txt`` and ``attributions/<filename>_<annotator>.ann`` (brat
standoff; when several annotators did an article, the first annotator file in name
order is used). ``T`` lines give ``Source``, ``Cue`` and ``Content`` spans (character
offsets into the text, possibly several fragments ``start end;start end``); ``E`` lines
(``Attribution`` or ``Attribution-no-source`` events) tie them into attributions
(``Content2`` is a second content). Every span's text is checked against the text file
and the mismatches are counted. The article is parsed whole with
``osintparse.parse(text, lang="en", published=<publication_date>)``.

Scores.

- **Attributions**: a prediction matches a gold attribution when the prediction's span
  (its phrase, source and cue together) overlaps the gold cue or source, *and* both
  sources have the same head word (:func:`head_word`; pronouns count as heads). Each
  gold and each prediction is matched at most once (greedy, in text order, preferring
  a gold whose cue the predicted cue overlaps, then the nearest). Gold attributions
  without a source are not counted; a prediction that matches nothing but overlaps the
  cue of such an attribution is ignored (neither right nor wrong) and counted apart.
- **Cue recall by class**: each gold cue is put in a class by :func:`cue_class` (word
  lists below); per class, the share of gold cues overlapped by a predicted cue, and
  the share of the class's attributions (with a source) matched as above.
- **CofeNet-style per role** (Wang et al., COLING 2022): per document, the set of gold
  spans of a role (every fragment of every attribution) against the set of predicted
  spans of that role; *exact* counts a span found when a predicted span has the same
  boundaries, *begin* when one starts where it starts. Spans are compared after
  trimming white space and punctuation at both ends (CofeNet scores token spans, where
  a quote mark or comma is a token of its own).
- **Sentences with no gold attribution** (no gold source, cue or content touches them;
  split by :func:`split_sentences`, independent of osintparse so the figure stays
  comparable across versions): the share of them where osintparse predicts nothing, and
  the number of predictions (by their cue) per 100 of them.
- Time per document, around ``osintparse.parse`` only, after an untimed warm-up parse.

Examples
--------
>>> head_word("Mark Spivey, a spokesman for the prosecutor's office")
'spivey'
>>> cue_class("has said"), cue_class("according to"), cue_class("his promise")
('speech verb', 'according to', 'nominal')
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import pathlib
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.accuracy._common import (
    FIGURES_DIR,
    ROOT,
    Counts,
    Span,
    Timing,
    evenly,
    overlaps,
    pct,
    prf_row,
    save_figures,
    write_json,
)
from benchmarks.docs import git_commit

__all__ = [
    "CUE_CLASSES",
    "PUBLISHED",
    "Article",
    "DocScore",
    "GoldAttribution",
    "PredAttribution",
    "cue_class",
    "head_word",
    "main",
    "match_attributions",
    "parse_ann",
    "role_counts",
    "score_document",
    "split_sentences",
]

ROLES = ("cue", "source", "content")
#: The record's ``source`` field scored against the gold source (exact and begin).
SOURCE_FIELD = "source field"

#: Published per-role F1 on PolNeAR's test split, as quoted in issue 13 (exact-span):
#: CofeNet with BERT, and the rule-based baseline of the same paper.
PUBLISHED = {
    "CofeNet (BERT)": {"cue": 75.3, "source": 83.2, "content": 72.9},
    "rule-based baseline": {"cue": 22.8, "source": 10.7, "content": 5.6},
}

#: The cue classes, in print order.
CUE_CLASSES = ("speech verb", "other verb", "nominal", "according to", "other")

# ---- word lists (English; PolNeAR is English only) -------------------------------------


def _words(words: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(words.split())


#: Verbs of saying: the cue reports an act of speaking or writing.
SPEECH_VERBS = _words(
    """say tell add state note write tweet post announce declare explain remark comment
    reply respond answer reiterate repeat mention stress emphasize emphasise insist argue
    assert maintain contend claim allege acknowledge admit concede confirm deny warn
    caution predict promise pledge vow ask recall recount report testify email shout
    chant speak talk continue complain boast brag quip joke observe conclude describe
    inform disclose quote echo retort counter interject whisper yell scream proclaim
    exclaim read"""
)

#: Nouns used as cues that are rarely verbs (a cue starting with a determiner or
#: possessive is nominal whatever its noun).
CUE_NOUNS = _words(
    """statement statements remarks criticism assertion concern message idea endorsement
    decision reason complaint opposition allegation response argument announcement
    account contention assessment refusal insistence warning suggestion accusation
    belief interview letter speech view opinion analysis study survey poll memo
    testimony proposal priority position consensus ruling investigation document article
    story headline rumor admission denial comments"""
)

#: Noun endings: a cue word ending so (and not in ``-ed``) is read as a noun.
NOUN_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ism", "ity", "ness")

#: Verbs with a noun ending, read as verbs when bare ("did not mention", "to question").
SUFFIX_VERBS = _words("mention question comment sanction")

#: Words skipped before a cue's main word: auxiliaries, negation, adverbs, infinitive.
CUE_SKIP = _words(
    """be is was were are been being am has have had having will would could should may
    might can must shall do does did not n't never also later previously again then once
    recently repeatedly publicly privately often still even just already always flatly
    quickly first since to"""
)

#: Prepositions: a cue made of one is in the "other" class ("for X, ..."), unless a
#: determiner follows it ("in a statement", "in his view": nominal).
PREPOSITIONS = _words(
    "in for to of about on from with as at by per via amid over under like against"
)

#: Cue words of the "other" class besides prepositions: adjectives and adverbs of stance.
OTHER_CUE_WORDS = PREPOSITIONS | _words(
    """reportedly clear unclear likely unlikely eager aware confident skeptical sceptical
    worried hopeful critical supportive hostile quick adamant wary sure certain
    optimistic pessimistic concerned happy unhappy open reluctant willing unwilling keen
    proud afraid determined"""
)

#: Determiners and possessives: a cue starting with one is nominal ("his promise").
DETERMINERS = _words("the a an his her its their our my your this that these those")

#: Irregular verb forms, to their lemma.
IRREGULAR = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "thought": "think",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "known": "know",
    "felt": "feel",
    "made": "make",
    "took": "take",
    "gave": "give",
    "sought": "seek",
    "spoke": "speak",
    "spoken": "speak",
    "heard": "hear",
    "meant": "mean",
    "began": "begin",
    "found": "find",
    "held": "hold",
    "brought": "bring",
    "understood": "understand",
    "swore": "swear",
    "sworn": "swear",
}

#: Words that are never a source's head: determiners, quantifiers, conjunctions.
HEAD_SKIP = DETERMINERS | _words("some many several other another both all any each and or")

#: A source's head is looked for before the first of these (post-modifiers start here).
HEAD_CUT = _words(
    """of for at in from with on by to who whom which that whose including about like
    among under over during"""
)

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_HEAD_TOKEN = re.compile(r"(?P<word>[^\W_]+(?:['’.\-][^\W_]+)*)|(?P<cut>[,(;:\[—–])")
_POSSESSIVE = re.compile(r"['’]s$")
#: A determiner right before a source, followed by white space.
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])([A-Za-z]+)\s+$")
#: An age right after a source ("Jim Bennett, 57, said").
_AGE = re.compile(r",\s*\d{1,3}(?=\s*[,.;]|\s*$)")
#: A relative clause opening right after a source ("Chris Cox, who runs the lobbying arm,").
_RELATIVE = re.compile(r",?\s*(?:who|whose|which)\s")
#: The end of a relative clause after a source read forward: the sentence's end or a quote.
_RELATIVE_END = re.compile(r"[.;!?\n\"“”]")
_EDGE = "\"'“”‘’«»,.;:!?()[]—–- \t\n\r\u00a0"

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = _words(
    """mr mrs ms dr sen rep gov gen lt col sgt capt st jr sr prof rev hon pres vs v inc
    corp co ltd jan feb aug sept sep oct nov dec u.s u.k u.n d.c a.m p.m e.g i.e
    mt ft"""
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*[ \t\u00a0]+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
_WORD_BEFORE = re.compile(r"([^\W_][\w.]*)\.$")


# ---- records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldAttribution:
    """A gold attribution: the fragments of its source, cue and content.

    Examples
    --------
    >>> g = GoldAttribution(sources=((0, 5),), cues=((6, 10),), contents=())
    >>> g.has_source
    True
    """

    sources: tuple[Span, ...]
    cues: tuple[Span, ...]
    contents: tuple[Span, ...]

    @property
    def has_source(self) -> bool:
        """Whether the attribution names a source."""
        return bool(self.sources)

    def role(self, name: str) -> tuple[Span, ...]:
        """The fragments of one role (``cue``, ``source`` or ``content``)."""
        return {"cue": self.cues, "source": self.sources, "content": self.contents}[name]


@dataclass(frozen=True)
class PredAttribution:
    """A predicted attribution reduced to its spans (``None`` for a missing part).

    Examples
    --------
    >>> PredAttribution(span=(0, 10), source=(0, 5), cue=(6, 10), content=None).cue
    (6, 10)
    """

    span: Span
    source: Span | None
    cue: Span
    content: Span | None
    #: The record's own ``source`` span (the name alone), scored apart.
    source_field: Span | None = None
    #: Whether the attribution is nested in another (osintparse's ``parent`` is set).
    nested: bool = False

    def role(self, name: str) -> Span | None:
        """The span of one role (``cue``, ``source``, ``content`` or ``source field``)."""
        spans = {"cue": self.cue, "source": self.source, "content": self.content}
        return self.source_field if name == SOURCE_FIELD else spans[name]


@dataclass(frozen=True)
class Article:
    """One PolNeAR article: name, text, publication date, gold attributions."""

    name: str
    text: str
    published: dt.date | None
    gold: tuple[GoldAttribution, ...]
    spans_checked: int = 0
    spans_mismatched: int = 0


@dataclass(frozen=True)
class DocScore:
    """The counts of one article, and the indexes of its errors for ``--errors``.

    ``by_class`` maps a cue class to ``(gold cues, cues found, attributions with a
    source, of which matched)``; ``roles`` maps ``(role, "exact"|"begin")`` to counts.
    """

    attributions: Counts
    ignored: int
    roles: dict[tuple[str, str], Counts]
    by_class: dict[str, tuple[int, int, int, int]]
    clean_sentences: int
    clean_quiet: int
    clean_predictions: int
    misses: tuple[int, ...] = ()
    false_positives: tuple[int, ...] = ()
    nested_ignored: int = 0


@dataclass
class Totals:
    """Counts summed over articles."""

    docs: int = 0
    attributions: Counts = field(default_factory=Counts)
    ignored: int = 0
    nested_ignored: int = 0
    roles: dict[tuple[str, str], Counts] = field(default_factory=dict)
    by_class: dict[str, list[int]] = field(default_factory=dict)
    clean_sentences: int = 0
    clean_quiet: int = 0
    clean_predictions: int = 0
    spans_checked: int = 0
    spans_mismatched: int = 0
    text_changed: int = 0
    timing: Timing = field(default_factory=Timing)

    def add(self, s: DocScore) -> None:
        """Add one article's counts."""
        self.docs += 1
        self.attributions = self.attributions + s.attributions
        self.ignored += s.ignored
        self.nested_ignored += s.nested_ignored
        for key, c in s.roles.items():
            self.roles[key] = self.roles.get(key, Counts()) + c
        for cls, row in s.by_class.items():
            acc = self.by_class.setdefault(cls, [0, 0, 0, 0])
            for i, v in enumerate(row):
                acc[i] += v
        self.clean_sentences += s.clean_sentences
        self.clean_quiet += s.clean_quiet
        self.clean_predictions += s.clean_predictions

    @property
    def quiet_share(self) -> float:
        """Share of attribution-free sentences where nothing is predicted."""
        return self.clean_quiet / self.clean_sentences if self.clean_sentences else 0.0

    @property
    def false_per_100(self) -> float:
        """Predictions per 100 attribution-free sentences."""
        n = self.clean_sentences
        return 100 * self.clean_predictions / n if n else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Figures for JSON."""
        return {
            "documents": self.docs,
            "attributions": self.attributions.as_dict(),
            "ignored_predictions_on_sourceless_gold": self.ignored,
            "ignored_nested_predictions": self.nested_ignored,
            "roles": {f"{r}_{k}": c.as_dict() for (r, k), c in sorted(self.roles.items())},
            "cue_classes": {
                cls: {
                    "gold_cues": row[0],
                    "cue_recall": row[1] / row[0] if row[0] else 0.0,
                    "gold_with_source": row[2],
                    "attribution_recall": row[3] / row[2] if row[2] else 0.0,
                }
                for cls, row in self.by_class.items()
            },
            "no_attribution_sentences": {
                "sentences": self.clean_sentences,
                "without_prediction": self.clean_quiet,
                "share_without_prediction": self.quiet_share,
                "predictions": self.clean_predictions,
                "predictions_per_100": self.false_per_100,
            },
            "brat_spans_checked": self.spans_checked,
            "brat_spans_mismatched": self.spans_mismatched,
            "documents_whose_parsed_text_differs": self.text_changed,
            "time": self.timing.as_dict(),
        }


# ---- words: head of a source, class of a cue --------------------------------------------


def head_word(source: str) -> str | None:
    """The head word of a source phrase, lower-cased (``None`` if it has no word).

    The phrase is cut before its first comma, bracket, dash, colon or post-modifying
    word (:data:`HEAD_CUT`: "of", "for", "who"...) that follows a word; the head is
    the last word before the cut that is not a determiner or quantifier
    (:data:`HEAD_SKIP`), with a possessive ``'s`` removed. When the cut leaves no such
    word, the last such word of the whole phrase is taken; when there is none, the last
    word (a relative pronoun or a possessive alone: "who", "which", "his").

    Examples
    --------
    >>> head_word("the Union County prosecutor's office")
    'office'
    >>> head_word("a spokesman for the Union County prosecutor's office")
    'spokesman'
    >>> head_word("Sen. Lindsey Graham (R-S.C.)"), head_word("he"), head_word("—")
    ('graham', 'he', None)
    >>> head_word("who"), head_word("his")
    ('who', 'his')
    """
    before_cut: list[str] = []
    every: list[str] = []
    cut = False
    for m in _HEAD_TOKEN.finditer(source):
        word = m.group("word")
        if word is None or (word.lower() in HEAD_CUT and every):
            cut = cut or bool(every)
            if word is None:
                continue
        word = _POSSESSIVE.sub("", word.lower())
        every.append(word)
        if not cut:
            before_cut.append(word)
    for words in (before_cut, every):
        heads = [w for w in words if w not in HEAD_SKIP and w not in HEAD_CUT]
        if heads:
            return heads[-1]
    # A relative pronoun or a possessive alone ("who", "which", "his") is its own head.
    return every[-1] if every else None


def _lemmas(word: str) -> Iterator[str]:
    """Candidate lemmas of an English word form (crude, for list look-ups)."""
    yield word
    if word in IRREGULAR:
        yield IRREGULAR[word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", "")):
        if word.endswith(suffix):
            yield word[: -len(suffix)] + repl
    if word.endswith("ed"):
        yield word[:-1]  # noted -> note
        yield word[:-3]  # admitted -> admit
    if word.endswith("ing"):
        yield word[:-3]
        yield word[:-3] + "e"  # noting -> note
        yield word[:-4]  # referring -> refer


def _is_noun(word: str) -> bool:
    if word in CUE_NOUNS:
        return True
    if word.endswith("ed") or word in SPEECH_VERBS or word in SUFFIX_VERBS:
        return False
    return word.endswith(NOUN_SUFFIXES)


def cue_class(cue: str) -> str:
    """The class of a gold cue, one of :data:`CUE_CLASSES`.

    "according to" anywhere in the cue gives ``according to``. Otherwise the cue's
    main word is its first word not in :data:`CUE_SKIP` (auxiliaries, negation,
    adverbs; the last word if all are): ``nominal`` if it is a determiner or
    possessive ("his promise"), a preposition followed by one ("in a statement"), or a
    noun (:data:`CUE_NOUNS`, or a noun ending such as "-tion", "-ment"); ``speech
    verb`` if a lemma of it is in :data:`SPEECH_VERBS`; ``other`` for prepositions,
    adjectives, stance adverbs (:data:`OTHER_CUE_WORDS`) and cues with no word
    (":", a dash); ``other verb`` for everything else.

    Examples
    --------
    >>> [cue_class(c) for c in ("said", "also told", "wrote", "believes", "called for")]
    ['speech verb', 'speech verb', 'speech verb', 'other verb', 'other verb']
    >>> [cue_class(c) for c in ("the report", "criticism", ":", "clear", "According to")]
    ['nominal', 'nominal', 'other', 'other', 'according to']
    >>> cue_class("in a statement"), cue_class("for"), cue_class("did not mention")
    ('nominal', 'other', 'speech verb')
    """
    low = " ".join(cue.lower().split())
    if "according to" in low:
        return "according to"
    words = [w.replace("’", "'") for w in _WORD.findall(low)]
    if not words:
        return "other"
    i = next((k for k, w in enumerate(words) if w not in CUE_SKIP), len(words) - 1)
    main_word = words[i]
    if main_word in DETERMINERS:
        return "nominal"
    if main_word in PREPOSITIONS and i + 1 < len(words) and words[i + 1] in DETERMINERS:
        return "nominal"
    if any(lemma in SPEECH_VERBS for lemma in _lemmas(main_word)) and not _is_noun(main_word):
        return "speech verb"
    if _is_noun(main_word):
        return "nominal"
    if main_word in OTHER_CUE_WORDS:
        return "other"
    return "other verb"


# ---- reading the corpus ------------------------------------------------------------------

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_E_LINE = re.compile(r"^E\d+\t(.*)$")


def parse_ann(
    ann: str,
) -> tuple[tuple[GoldAttribution, ...], dict[str, tuple[tuple[Span, ...], str]]]:
    """Parse a brat ``.ann`` file: the attributions, and every role span with its text.

    Lines that are not ``T`` or ``E`` records (notes, continuation lines of a note
    written over several lines) are skipped. Role names lose a trailing number
    (``Content2`` is a content).

    Examples
    --------
    >>> ann = ("T1\\tSource 0 3\\tBob\\nT2\\tCue 4 8\\tsaid\\nT3\\tContent 9 11;12 14\\tit is\\n"
    ...        "T4\\tAttribution 4 8\\tsaid\\nE1\\tAttribution:T4 Source:T1 Cue:T2 Content:T3\\n")
    >>> gold, spans = parse_ann(ann)
    >>> gold[0].sources, gold[0].cues, gold[0].contents
    (((0, 3),), ((4, 8),), ((9, 11), (12, 14)))
    >>> sorted(spans)
    ['T1', 'T2', 'T3']
    """
    spans: dict[str, tuple[tuple[Span, ...], str]] = {}
    events: list[str] = []
    for line in ann.splitlines():
        t = _T_LINE.match(line)
        if t and t.group(2) in ("Source", "Cue", "Content"):
            frags = tuple((int(a), int(b)) for a, b in (f.split() for f in t.group(3).split(";")))
            spans[t.group(1)] = (frags, t.group(4))
        elif (e := _E_LINE.match(line)) is not None:
            events.append(e.group(1))
    gold = tuple(_attribution(args, spans) for args in events)
    return gold, spans


def _attribution(args: str, spans: dict[str, tuple[tuple[Span, ...], str]]) -> GoldAttribution:
    """One ``E`` record's arguments (``Attribution:T4 Source:T1 Cue:T2``) as an attribution."""
    roles: dict[str, list[Span]] = {"Source": [], "Cue": [], "Content": []}
    for arg in args.split()[1:]:
        role, _, tid = arg.partition(":")
        role = role.rstrip("0123456789")
        if role in roles and tid in spans:
            roles[role].extend(spans[tid][0])
    return GoldAttribution(
        sources=tuple(sorted(roles["Source"])),
        cues=tuple(sorted(roles["Cue"])),
        contents=tuple(sorted(roles["Content"])),
    )


def check_offsets(text: str, spans: dict[str, tuple[tuple[Span, ...], str]]) -> int:
    """How many brat spans do not slice ``text`` into their recorded text.

    White space is compared loosely (runs made one space), and a recorded text that
    brat wrapped over several lines is compared on its first line only.

    Examples
    --------
    >>> check_offsets("Bob said it.", {"T1": (((0, 3),), "Bob"), "T2": (((4, 8),), "sad")})
    1
    """
    bad = 0
    for frags, recorded in spans.values():
        got = " ".join(" ".join(text[a:b] for a, b in frags).split())
        want = " ".join(recorded.split())
        bad += not got.startswith(want) or not want
    return bad


def read_metadata(path: pathlib.Path) -> list[dict[str, str]]:
    """The rows of ``metadata.tsv`` as dictionaries."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def data_dir(corpus_dir: pathlib.Path) -> pathlib.Path:
    """The directory holding ``metadata.tsv``: ``CORPUS_DIR/data`` or ``CORPUS_DIR`` itself."""
    for d in (corpus_dir / "data", corpus_dir):
        if (d / "metadata.tsv").is_file():
            return d
    raise FileNotFoundError(
        f"no metadata.tsv in {corpus_dir} or {corpus_dir / 'data'}: "
        "give the PolNeAR checkout (the directory holding data/metadata.tsv)"
    )


def load_split(corpus_dir: pathlib.Path, split: str) -> tuple[list[Article], list[str]]:
    """Read every article of ``split``; the articles and the names that had no files."""
    data = data_dir(corpus_dir)
    articles: list[Article] = []
    missing: list[str] = []
    for row in read_metadata(data / "metadata.tsv"):
        if row.get("compartment") != split:
            continue
        name = row["filename"]
        text_path = data / split / "text" / f"{name}.txt"
        anns = sorted((data / split / "attributions").glob(f"{name}_*.ann"))
        if not text_path.is_file() or not anns:
            missing.append(name)
            continue
        text = text_path.read_text(encoding="utf-8")
        gold, spans = parse_ann(anns[0].read_text(encoding="utf-8"))
        published = _date(row.get("publication_date", ""))
        bad = check_offsets(text, spans)
        articles.append(Article(name, text, published, gold, len(spans), bad))
    return articles, missing


# ---- predicting --------------------------------------------------------------------------


def _span(start: Any, end: Any) -> Span | None:
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return (start, end)
    return None


def to_pred(a: Any, text: str = "") -> PredAttribution | None:
    """An osintparse attribution reduced to spans (``None`` without a cue span).

    PolNeAR's source is the whole noun phrase (determiner, title, apposition, party
    tag: "a spokesman for the office", "Mark Spivey, a spokesman for the office,"),
    where osintparse's ``source`` is what an analyst records ("spokesman for the
    office", "Mark Spivey", the apposition in ``role``; "Human Rights Watch" for "A report
    by Human Rights Watch", the document's words in ``document_start:document_end``). So
    the predicted source is the smallest span holding the ``source``, its ``role`` and its
    document's words (each when it lies in the attribution phrase, the document when no
    punctuation parts it from the source), widened to a determiner right before it
    (:data:`DETERMINERS`), and to an age ("Jim Bennett, 57,") and a relative clause ("who",
    "whose", "which") right after it (:func:`_relative_end`): PolNeAR's source holds them
    (the clause about two times in three on train), osintparse's records neither.
    :func:`score_document` also scores the ``source`` field
    alone (role ``source field``).

    Examples
    --------
    >>> from types import SimpleNamespace as R
    >>> t = "Mark Spivey, a spokesman for the office, said"
    >>> a = R(start=0, end=45, source_start=0, source_end=11, cue_start=41, cue_end=45,
    ...       role_start=15, role_end=39, content_start=None, content_end=None)
    >>> p = to_pred(a, t)
    >>> t[p.source[0]:p.source[1]], t[p.source_field[0]:p.source_field[1]]
    ('Mark Spivey, a spokesman for the office', 'Mark Spivey')
    """
    cue = _span(getattr(a, "cue_start", None), getattr(a, "cue_end", None))
    if cue is None:
        return None
    source = _span(getattr(a, "source_start", None), getattr(a, "source_end", None))
    content = _span(getattr(a, "content_start", None), getattr(a, "content_end", None))
    phrase = _span(getattr(a, "start", None), getattr(a, "end", None)) or cue
    parts = [phrase, cue] + ([source] if source else [])
    span = (min(p[0] for p in parts), max(p[1] for p in parts))
    role = _span(getattr(a, "role_start", None), getattr(a, "role_end", None))
    document = _span(getattr(a, "document_start", None), getattr(a, "document_end", None))
    return PredAttribution(
        span=span,
        source=_noun_phrase(text, phrase, source, role, document, cue),
        cue=cue,
        content=content,
        source_field=source,
        nested=getattr(a, "parent", None) is not None,
    )


def _noun_phrase(
    text: str,
    phrase: Span,
    source: Span | None,
    role: Span | None,
    document: Span | None = None,
    cue: Span | None = None,
) -> Span | None:
    """The source's noun phrase in PolNeAR's sense (see :func:`to_pred`)."""
    if source is None:
        return None
    a, b = source
    if role is not None and phrase[0] <= role[0] and role[1] <= phrase[1]:
        a, b = min(a, role[0]), max(b, role[1])
    if document is not None and phrase[0] <= document[0] and document[1] <= phrase[1]:
        # the document its source issued, not one it spoke in ("In a statement, X said")
        gap = text[document[1] : a] if document[1] <= a else text[b : document[0]]
        if not any(mark in gap for mark in ",;:.()"):
            a, b = min(a, document[0]), max(b, document[1])
    m = _DETERMINER_BEFORE.search(text, max(phrase[0], a - 12), a)
    if m is not None and m.group(1).lower() in DETERMINERS:
        a = m.start(1)
    age = _AGE.match(text, b, phrase[1] if cue is None or b <= cue[0] else len(text))
    return (a, _relative_end(text, age.end() if age else b, cue))


def _relative_end(text: str, b: int, cue: Span | None) -> int:
    """The end of a source ending at ``b`` with the relative clause right after it, if any.

    Before the cue, the clause runs to the comma before it ("Chris Cox, who runs the
    lobbying arm, says"); after the cue, to the sentence's end ("said Biden, who served
    as a senator."). No clause: ``b``.

    Examples
    --------
    >>> t = "Chris Cox, who runs the arm, says no."
    >>> t[:_relative_end(t, 9, (29, 33))]
    'Chris Cox, who runs the arm'
    >>> t = "No, said Biden, who served long. Yes."
    >>> t[9:_relative_end(t, 14, (4, 8))]
    'Biden, who served long'
    """
    if cue is None or _RELATIVE.match(text, b) is None:
        return b
    if b <= cue[0]:
        gap = text[b : cue[0]].rstrip()
        return b + len(gap) - 1 if gap.endswith(",") else b
    m = _RELATIVE_END.search(text, b)
    return m.start() if m is not None else len(text.rstrip())


def predict(article: Article) -> tuple[tuple[PredAttribution, ...], bool, float, float]:
    """Parse the article; its predictions, whether the parsed text equals the input, times."""
    import osintparse

    cpu0, wall0 = time.process_time(), time.perf_counter()
    parsed = osintparse.parse(article.text, lang="en", published=article.published)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    preds = tuple(
        p for p in (to_pred(a, parsed.text) for a in parsed.attributions) if p is not None
    )
    return preds, parsed.text == article.text, cpu, wall


# ---- scoring -----------------------------------------------------------------------------


def _text(text: str, spans: Sequence[Span]) -> str:
    return " ".join(text[a:b] for a, b in spans)


def match_attributions(
    text: str, gold: Sequence[GoldAttribution], preds: Sequence[PredAttribution]
) -> list[tuple[int, int]]:
    """Pairs ``(gold index, prediction index)`` of matched attributions (one-to-one).

    Examples
    --------
    >>> text = "Bob said it rained. He added that it snowed."
    >>> gold = [GoldAttribution(((0, 3),), ((4, 8),), ((9, 18),)),
    ...         GoldAttribution(((20, 22),), ((23, 28),), ((29, 43),))]
    >>> preds = [PredAttribution((20, 28), (20, 22), (23, 28), None),
    ...          PredAttribution((4, 18), (9, 11), (4, 8), None)]
    >>> match_attributions(text, gold, preds)
    [(1, 0)]
    """
    heads = [head_word(_text(text, g.sources)) if g.has_source else None for g in gold]
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for j, p in enumerate(preds):
        if p.source is None:
            continue
        head = head_word(text[p.source[0] : p.source[1]])
        best: tuple[tuple[bool, int], int] | None = None
        for i, g in enumerate(gold):
            if i in used or heads[i] is None or heads[i] != head:
                continue
            if not any(overlaps(p.span, s) for s in g.cues + g.sources):
                continue
            on_cue = any(overlaps(p.cue, c) for c in g.cues)
            anchor = (g.cues or g.sources)[0][0]
            key = (not on_cue, abs(p.cue[0] - anchor))
            if best is None or key < best[0]:
                best = (key, i)
        if best is not None:
            used.add(best[1])
            pairs.append((best[1], j))
    return pairs


def _trim(text: str, span: Span) -> Span | None:
    """The span without white space and punctuation at its ends (``None`` if nothing is left)."""
    a, b = span
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    return (a, b) if b > a else None


def role_counts(gold_spans: set[Span], pred_spans: set[Span]) -> tuple[Counts, Counts]:
    """Exact-span and begin-match counts of one role in one document (CofeNet-style).

    Examples
    --------
    >>> exact, begin = role_counts({(0, 5), (10, 15)}, {(0, 4), (10, 15), (20, 25)})
    >>> (exact.recall, exact.precision), (begin.recall, round(begin.precision, 3))
    ((0.5, 0.3333333333333333), (1.0, 0.667))
    """
    both = len(gold_spans & pred_spans)
    exact = Counts(len(gold_spans), len(pred_spans), both, both)
    gold_starts = {a for a, _ in gold_spans}
    pred_starts = {a for a, _ in pred_spans}
    begin = Counts(
        len(gold_spans),
        len(pred_spans),
        sum(a in pred_starts for a, _ in gold_spans),
        sum(a in gold_starts for a, _ in pred_spans),
    )
    return exact, begin


def _role_sets(
    text: str, gold: Sequence[GoldAttribution], preds: Sequence[PredAttribution], role: str
) -> tuple[set[Span], set[Span]]:
    g = {t for a in gold for s in a.role(role) if (t := _trim(text, s)) is not None}
    p = {t for a in preds if (s := a.role(role)) is not None and (t := _trim(text, s))}
    return g, p


def split_sentences(text: str) -> list[Span]:
    """Sentence spans: at line breaks, and at ``.!?`` (with closing quotes) before a capital.

    A full stop after an abbreviation (:data:`ABBREVIATIONS`) or a single capital
    letter (an initial) does not end a sentence. Spans exclude surrounding white space.

    Examples
    --------
    >>> t = "Mr. Smith said no. “It rained,” he added!\\nNew line"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Mr. Smith said no.', '“It rained,” he added!', 'New line']
    """
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith(".") and not m.group().startswith(".."):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start() + 1)
            word = before.group(1) if before else ""
            if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
        end = m.start() + len(m.group().rstrip(" \t\u00a0\n"))
        if (span := _trim_space(text, (start, end))) is not None:
            spans.append(span)
        start = m.end()
    if (span := _trim_space(text, (start, len(text)))) is not None:
        spans.append(span)
    return spans


def _trim_space(text: str, span: Span) -> Span | None:
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None


def _clean_sentences(
    sentences: Sequence[Span], gold: Sequence[GoldAttribution], preds: Sequence[PredAttribution]
) -> tuple[int, int, int]:
    """Attribution-free sentences: how many, how many with no prediction, predictions in them."""
    gold_spans = [s for a in gold for r in ROLES for s in a.role(r)]
    clean = quiet = false = 0
    for sent in sentences:
        if any(overlaps(sent, g) for g in gold_spans):
            continue
        inside = sum(sent[0] <= p.cue[0] < sent[1] for p in preds)
        clean += 1
        quiet += inside == 0
        false += inside
    return clean, quiet, false


def _by_class(
    text: str,
    gold: Sequence[GoldAttribution],
    preds: Sequence[PredAttribution],
    matched: set[int],
) -> dict[str, tuple[int, int, int, int]]:
    out: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        row = out.setdefault(cue_class(_text(text, g.cues)), [0, 0, 0, 0])
        row[0] += 1
        row[1] += any(overlaps(p.cue, c) for p in preds for c in g.cues)
        row[2] += g.has_source
        row[3] += i in matched
    return {k: (v[0], v[1], v[2], v[3]) for k, v in out.items()}


def score_document(
    text: str, gold: Sequence[GoldAttribution], preds: Sequence[PredAttribution]
) -> DocScore:
    """Every count of one article (pure: the text, gold and predictions in, counts out).

    Examples
    --------
    >>> text = "Bob said it rained."
    >>> gold = [GoldAttribution(((0, 3),), ((4, 8),), ((9, 18),))]
    >>> s = score_document(text, gold, [PredAttribution((0, 8), (0, 3), (4, 8), (9, 18))])
    >>> s.attributions.f1, s.roles[("content", "exact")].f1, s.by_class
    (1.0, 1.0, {'speech verb': (1, 1, 1, 1)})
    """
    pairs = match_attributions(text, gold, preds)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    sourceless_cues = [c for g in gold if not g.has_source for c in g.cues]
    ignored = {
        j
        for j, p in enumerate(preds)
        if j not in matched_pred and any(overlaps(p.span, c) for c in sourceless_cues)
    }
    nested = {j for j, p in enumerate(preds) if j not in matched_pred and p.nested} - ignored
    ignored |= nested
    n_gold = sum(g.has_source for g in gold)
    roles: dict[tuple[str, str], Counts] = {}
    scored = [p for j, p in enumerate(preds) if j not in nested]
    for role in ROLES:
        roles[(role, "exact")], roles[(role, "begin")] = role_counts(
            *_role_sets(text, gold, scored, role)
        )
    gold_sources, _ = _role_sets(text, gold, scored, "source")
    _, field_sources = _role_sets(text, [], scored, SOURCE_FIELD)
    roles[(SOURCE_FIELD, "exact")], roles[(SOURCE_FIELD, "begin")] = role_counts(
        gold_sources, field_sources
    )
    clean, quiet, false = _clean_sentences(split_sentences(text), gold, preds)
    return DocScore(
        attributions=Counts(n_gold, len(preds) - len(ignored), len(pairs), len(pairs)),
        ignored=len(ignored) - len(nested),
        nested_ignored=len(nested),
        roles=roles,
        by_class=_by_class(text, gold, preds, matched_gold),
        clean_sentences=clean,
        clean_quiet=quiet,
        clean_predictions=false,
        misses=tuple(i for i, g in enumerate(gold) if g.has_source and i not in matched_gold),
        false_positives=tuple(
            j for j in range(len(preds)) if j not in matched_pred and j not in ignored
        ),
    )


# ---- reporting ---------------------------------------------------------------------------


def format_report(split: str, totals: Totals, missing: Sequence[str]) -> str:
    """The printed figures."""
    t = totals
    lines = [
        f"PolNeAR {split}: {t.docs} articles"
        + (f" ({len(missing)} listed without files, skipped)" if missing else "")
        + f"; brat spans checked against the text: {t.spans_checked}, "
        f"mismatched: {t.spans_mismatched}",
        "",
        prf_row("attributions", t.attributions, 14)
        + f"; ignored: {t.ignored} predictions on source-less gold attributions, "
        f"{t.nested_ignored} nested predictions matching no gold",
        "",
        f"{'cue class':<14}{'gold cues':>10}{'cue recall':>12}"
        f"{'with source':>13}{'attribution recall':>20}",
    ]
    for cls in CUE_CLASSES:
        n, found, ns, matched = t.by_class.get(cls, [0, 0, 0, 0])
        lines.append(
            f"{cls:<14}{n:>10}{found / n if n else 0:>12.3f}{ns:>13}"
            f"{matched / ns if ns else 0:>20.3f}"
        )
    lines += [
        "",
        "CofeNet-style per role (F1 x 100; P / R as ratios)",
        f"{'role':<13}{'exact P / R / F1':<20}{'begin P / R / F1':<24}"
        "published exact F1 on test: " + " / ".join(PUBLISHED),
    ]
    for role in (*ROLES, SOURCE_FIELD):
        e, b = t.roles.get((role, "exact"), Counts()), t.roles.get((role, "begin"), Counts())
        published = " / ".join(f"{v[role]:.1f}" for v in PUBLISHED.values() if role in v)
        lines.append(
            f"{role:<13}{e.precision:.3f} {e.recall:.3f} {pct(e.f1):>5}  "
            f"{b.precision:.3f} {b.recall:.3f} {pct(b.f1):>5}      {published or '-'}"
        )
    lines += [
        "",
        f"sentences with no gold attribution: {t.clean_sentences}; with no prediction: "
        f"{t.clean_quiet} (share {t.quiet_share:.3f}); predictions in them: "
        f"{t.clean_predictions} ({t.false_per_100:.1f} per 100 sentences)",
        t.timing.line(),
    ]
    if t.text_changed:
        lines.append(f"warning: parse() changed the text of {t.text_changed} articles")
    return "\n".join(lines)


def _sentence_of(sentences: Sequence[Span], pos: int, text: str) -> Span:
    for s in sentences:
        if s[0] <= pos < s[1]:
            return s
    return (max(0, pos - 100), min(len(text), pos + 100))


def _show(text: str, spans: Sequence[Span], width: int = 80) -> str:
    """The text of ``spans`` on one line, cut at ``width`` characters (``-`` if none)."""
    s = " ".join(_text(text, spans).split())
    if not s:
        return "-"
    return s if len(s) <= width else s[: width - 1] + "…"


def _opt(span: Span | None) -> tuple[Span, ...]:
    return () if span is None else (span,)


def format_errors(
    results: Sequence[tuple[Article, tuple[PredAttribution, ...], DocScore]], n: int
) -> str:
    """Up to ``n`` missed gold attributions and ``n`` false positives, spread over the split."""
    misses: list[str] = []
    false: list[str] = []
    for article, preds, s in results:
        text, sentences = article.text, split_sentences(article.text)
        for i in s.misses:
            g = article.gold[i]
            sent = _sentence_of(sentences, (g.cues or g.sources)[0][0], text)
            near = [p for p in preds if overlaps(p.span, sent)]
            misses.append(
                f"{article.name}\n    sentence:  {_show(text, [sent], 300)}\n"
                f"    gold:      source {_show(text, g.sources)!r} | cue {_show(text, g.cues)!r}"
                f" | content {_show(text, g.contents)!r}\n"
                f"    predicted: "
                + (
                    "; ".join(
                        f"{_show(text, _opt(p.source))!r} | {_show(text, [p.cue])!r}" for p in near
                    )
                    or "-"
                )
            )
        for j in s.false_positives:
            p = preds[j]
            sent = _sentence_of(sentences, p.cue[0], text)
            near_gold = [g for g in article.gold if any(overlaps(sent, c) for c in g.cues)]
            false.append(
                f"{article.name}\n    sentence:  {_show(text, [sent], 300)}\n"
                f"    gold:      "
                + (
                    "; ".join(
                        f"{_show(text, g.sources)!r} | {_show(text, g.cues)!r}" for g in near_gold
                    )
                    or "-"
                )
                + f"\n    predicted: source {_show(text, _opt(p.source))!r}"
                f" | cue {_show(text, [p.cue])!r} | content {_show(text, _opt(p.content))!r}"
            )
    out = [f"\nmissed: {len(misses)} in all, {min(n, len(misses))} shown"]
    out += [f"  {m}" for m in evenly(misses, n)]
    out.append(f"\nfalse positives: {len(false)} in all, {min(n, len(false))} shown")
    out += [f"  {f}" for f in evenly(false, n)]
    return "\n".join(out)


# ---- command line ------------------------------------------------------------------------


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.accuracy.polnear",
        description="Score osintparse's attributions on PolNeAR (train or dev split).",
    )
    ap.add_argument("corpus_dir", type=pathlib.Path, metavar="CORPUS_DIR")
    ap.add_argument("--split", default="dev", help="train or dev (test is refused)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N samples")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON (- for stdout)")
    ap.add_argument(
        "--write-docs",
        action="store_true",
        help=f"save the figures in {_rel(FIGURES_DIR)}/polnear-SPLIT.json and rewrite "
        f"their block in {_rel(DOCS_PAGE)}",
    )
    return ap.parse_args(argv)


# ---- generated docs ----------------------------------------------------------------------

_ROOT = ROOT
#: The page whose ``polnear-SPLIT`` blocks are rendered from those figures.
DOCS_PAGE = _ROOT / "docs" / "extractors" / "attributions.md"


def _rel(path: pathlib.Path) -> str:
    return path.relative_to(_ROOT).as_posix()


def figures_path(split: str) -> pathlib.Path:
    """The saved figures of one split.

    Examples
    --------
    >>> figures_path("dev").name
    'polnear-dev.json'
    """
    return FIGURES_DIR / f"polnear-{split}.json"


def docs_lines(f: dict[str, Any]) -> list[str]:
    """The generated block of one split's figures in docs/extractors/attributions.md.

    Examples
    --------
    >>> import json
    >>> f = json.loads(figures_path("dev").read_text(encoding="utf-8"))
    >>> docs_lines(f)[0].startswith("Generated by")
    True
    """
    a, roles, clean = f["attributions"], f["roles"], f["no_attribution_sentences"]
    classes = f["cue_classes"]

    def recall(cls: str, key: str) -> str:
        return f"{classes[cls][key]:.3f}" if cls in classes else "-"

    def exact(role: str) -> str:
        return pct(roles[f"{role}_exact"]["f1"])

    return [
        "Generated by `python benchmarks/accuracy/polnear.py CORPUS_DIR --split "
        f"{f['split']} --write-docs` from `{_rel(figures_path(f['split']))}`; do not edit "
        "by hand.",
        "",
        f"PolNeAR {f['split']} split, {f['documents']} articles, scored on {f['date']} at "
        f"commit `{f['commit']}`.",
        "",
        "| measure | osintparse |",
        "| --- | --- |",
        "| attributions (cue or source span overlaps, source head shared): P / R / F1 "
        f"| {a['precision']:.3f} / {a['recall']:.3f} / {a['f1']:.3f} |",
        "| cue recall by class: "
        + " / ".join(CUE_CLASSES)
        + " | "
        + " / ".join(recall(c, "cue_recall") for c in CUE_CLASSES)
        + " |",
        "| attribution recall by class (same order) | "
        + " / ".join(recall(c, "attribution_recall") for c in CUE_CLASSES)
        + " |",
        "| CofeNet-style exact-span F1: cue / source / content (source field) | "
        f"{exact('cue')} / {exact('source')} / {exact('content')} ({exact(SOURCE_FIELD)}) |",
        "| predictions in sentences with no gold attribution "
        f"| {clean['predictions']} in {clean['sentences']} sentences, "
        f"{clean['predictions_per_100']:.1f} per 100 |",
    ]


def write_docs(figures: dict[str, Any]) -> pathlib.Path:
    """Save one split's figures and rewrite its block of the docs page; the page's path."""
    saved = {k: v for k, v in figures.items() if k != "time"}  # machine-dependent
    name = f"polnear-{figures['split']}"
    save_figures(figures_path(figures["split"]), saved, DOCS_PAGE, name, docs_lines(saved))
    return DOCS_PAGE


def evaluate(
    articles: Sequence[Article],
) -> tuple[Totals, list[tuple[Article, tuple[PredAttribution, ...], DocScore]]]:
    """Parse and score every article."""
    totals = Totals()
    results: list[tuple[Article, tuple[PredAttribution, ...], DocScore]] = []
    if articles:
        predict(articles[0])  # warm-up: lexicons, compiled patterns
    for article in articles:
        preds, same_text, cpu, wall = predict(article)
        s = score_document(article.text, article.gold, preds)
        totals.add(s)
        totals.timing.add(cpu, wall)
        totals.spans_checked += article.spans_checked
        totals.spans_mismatched += article.spans_mismatched
        totals.text_changed += not same_text
        results.append((article, preds, s))
    return totals, results


def main(argv: Sequence[str] | None = None) -> int:
    """Run the scorer; print the figures (and samples of errors); return the exit code."""
    args = _arguments(argv)
    if args.split == "test":
        print(
            "error: the PolNeAR test split is the project's external benchmark; this script "
            "does not read or score it. Use --split dev (or train) for development.",
            file=sys.stderr,
        )
        return 2
    if args.split not in ("train", "dev"):
        print(f"error: unknown split {args.split!r}: use dev or train", file=sys.stderr)
        return 2
    try:
        articles, missing = load_split(args.corpus_dir, args.split)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not articles:
        print(f"error: no article of split {args.split!r} found", file=sys.stderr)
        return 2
    totals, results = evaluate(articles)
    print(format_report(args.split, totals, missing))
    if args.errors:
        print(format_errors(results, args.errors))
    figures = totals.as_dict()
    figures.update(split=args.split, missing=list(missing), published_f1=PUBLISHED)
    if args.json:
        write_json(args.json, figures)
    if args.write_docs:
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        figures.update(date=stamp, commit=git_commit("osintparse"))
        print(f"rewrote {_rel(write_docs(figures))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
