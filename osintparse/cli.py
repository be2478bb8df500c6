"""The ``osintparse`` command: parse article files and print JSON, JSON Lines, CSV or an outline.

Usage::

    osintparse FILE... [--lang fr] [--published 2025-05-01] [--format text|json|jsonl|csv]
                       [--layer claims] [--html] [--max-bytes 10M]
                       [--with NAME]... [--extractors a,b,c] [--progress | --no-progress]
    osintparse compare FILE FILE... [--lang fr] [--all] [--place ISO2] [--by-place]
                       [--format text|json|csv]
    osintparse extractors [--format text|json]
    osintparse schema
    osintparse --version

``-`` reads standard input. A directory stands for every regular ``*.txt``,
``*.html`` and ``*.htm`` file inside it, recursively, in sorted order (FIFOs,
devices and links to them are reported and skipped, never opened for reading in a
way that waits; a directory without any article is an error). ``.html``/``.htm``
files (all files with ``--html``) go through :func:`osintparse.parse_html`. A file
that can't be read, is too large (``--max-bytes``) or can't be decoded is reported on
standard error with its path, the others are still parsed, and the exit status is 1.
Bad options exit with status 2, an interrupt (Ctrl-C) with 130 after closing the
output properly, a closed output pipe (``| head``) quietly with 141. See
``docs/cli.md`` for the formats.

Examples
--------
>>> main(["--format", "jsonl", "does-not-exist.txt"])
1
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import csv
import datetime as _dt
import itertools
import json
import math
import os
import signal
import sys
import threading
import types
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

import attrs
import regex

from osintparse import layers, lexicons, tables
from osintparse.errors import (
    DecodeError,
    InputTooLargeError,
    OsintparseError,
    PathAsTextWarning,
    ReadError,
    UnsupportedLanguageError,
)
from osintparse.io import serialise as serialize
from osintparse.io.html import DEFAULT_MAX_HTML
from osintparse.io.inputs import DEFAULT_MAX_BYTES, read_file, read_text
from osintparse.model import (
    Article,
    Attribution,
    Claim,
    DateMention,
    Hedge,
    Place,
    Quantity,
    Sentence,
    Stance,
)
from osintparse.pipeline import WORK_BUDGET, WORK_PER_SENTENCE, Pipeline

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "compare_main",
    "extractors_main",
    "format_outline",
    "main",
]

#: Exit status after an interrupt (128 + SIGINT) and after a closed output pipe
#: (128 + SIGPIPE), as shells report for a command killed by either signal.
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141

_ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
_SUBCOMMANDS = ("compare", "extractors", "schema")


# -- small helpers ----------------------------------------------------------------------


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("osintparse")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "(version unknown)"


def _published(value: str) -> _dt.date:
    try:
        if "T" in value:
            return _dt.datetime.fromisoformat(value)
        return _dt.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO 8601 date; use YYYY-MM-DD, e.g. 2025-05-01"
        ) from err


_SIZE = regex.compile(r"(?i)^\s*([0-9]{1,15})\s*([kmg]?)b?\s*$")


def _size(value: str) -> int:
    """``--max-bytes``: bytes, or with K, M or G (powers of 1000); 0 for no limit."""
    m = _SIZE.match(value)
    if m is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a size; use bytes, or K, M or G (e.g. 500K, 10M), or 0 for no limit"
        )
    return int(m.group(1)) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2).lower()]


def _budget(value: str) -> int | None:
    """``--budget``: work units, or with K, M or G (powers of 1000); ``none`` for no limit."""
    if value.strip().lower() == "none":
        return None
    m = _SIZE.match(value)
    if m is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a work budget; use a number, or K, M or G (e.g. 25M), or none "
            "for no limit"
        )
    return int(m.group(1)) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2).lower()]


def _names(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give extractor names, e.g. structure,quantities")
    return names


# Characters a file name may hold that would garble or forge a line of output: controls,
# line and paragraph separators, bidirectional overrides.
_UNSAFE = regex.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(m: regex.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _shown(path: str) -> str:
    """Return ``path`` safe to print on any UTF-8 stream, one line, whatever its bytes.

    Bytes that are not UTF-8 (a file name from another system, kept by Python
    as lone surrogates) are written ``\\xNN``, control characters and
    bidirectional overrides as escapes.

    Examples
    --------
    >>> _shown("ok/été.txt"), _shown("a\\nb.txt"), _shown(os.fsdecode(b"caf\\xe9.txt"))
    ('ok/été.txt', 'a\\\\x0ab.txt', 'caf\\\\xe9.txt')
    """
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that no file system gave
        raw = path.encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return _UNSAFE.sub(_escape, text)


# -- the outline --------------------------------------------------------------------------


def _legend() -> str:
    stances = ", ".join(s.value for s in Stance)
    return (
        f"(each claim: [stance, certainty]: how its source presents it ({stances}) "
        "and how sure it is, from 0 to 1)"
    )


def format_outline(article: Article, name: str = "") -> str:
    """Return a readable outline: title, sections, then each claim with its evidence.

    A one-line legend under the title explains ``[reported, 0.65]``: each claim
    shows its stance and certainty, then its sources (``inherited`` when carried
    over from the previous sentence), figures, dates, hedges and places. An article
    without claims (a pipeline without the ``claims`` extractor) lists its body
    sentences with the mentions inside them. Time is linear in the size of the
    article.

    Examples
    --------
    >>> import osintparse
    >>> print(format_outline(osintparse.parse("Titre\\n\\nSelon l'AFP, 300 soldats.", lang="fr")))
    ... # doctest: +NORMALIZE_WHITESPACE
    # Titre
    lang: fr
    (each claim: [stance, certainty]: how its source presents it (confirmed, asserted,
    reported, estimated, alleged, denied, requested, unattributed) and how sure it is, from
    0 to 1)
    <BLANKLINE>
    - Titre  [unattributed, 0.50]
    - Selon l'AFP, 300 soldats.  [reported, 0.65]
        source: AFP (reported, media)
        figures: 300 soldats
    """
    lines: list[str] = []
    if name:
        lines.append(f"== {name} ==")
    lines.append(f"# {article.title or '(no title)'}")
    meta = f"lang: {article.lang or 'und'}"
    if article.published is not None:
        meta += f"  published: {article.published.isoformat()}"
    lines.append(meta)
    if article.claims:
        lines.append(_legend())
    items: tuple[Claim | Sentence, ...] = article.claims or article.body_sentences
    section_starts = [s.start for s in article.sections]
    inside = _by_sentence(article, items) if not article.claims else {}
    section = -1
    for index, item in enumerate(items):
        sec_index = max(bisect.bisect_right(section_starts, item.start) - 1, 0)
        if sec_index != section:
            section = sec_index
            heading = article.sections[sec_index].heading if article.sections else None
            lines.append("")
            if heading:
                lines.append(f"## {heading}")
        text = " ".join(item.text.split())
        if isinstance(item, Claim):
            tag = (
                "question, asserts nothing"
                if item.question
                else f"{item.stance.value}, {item.certainty:.2f}"
            )
            lines.append(f"- {text}  [{tag}]")
            lines.extend(
                _details(
                    item.attributions,
                    item.quantities,
                    item.dates,
                    item.hedges,
                    item.inherited,
                    item.places,
                )
            )
        else:
            found = inside.get(index, {})
            lines.append(f"- {text}")
            lines.extend(
                _details(
                    found.get("attributions", []),
                    found.get("quantities", []),
                    found.get("dates", []),
                    found.get("hedges", []),
                    False,
                    found.get("places", []),
                )
            )
    return "\n".join(lines)


def _by_sentence(
    article: Article, sentences: Sequence[Claim | Sentence]
) -> dict[int, dict[str, list[Any]]]:
    """The mentions of each layer inside each sentence (by its index), in one pass each."""
    starts = [s.start for s in sentences]
    out: dict[int, dict[str, list[Any]]] = {}
    for layer in ("attributions", "quantities", "dates", "hedges", "places"):
        for m in getattr(article, layer):
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and m.start < sentences[i].end:
                out.setdefault(i, {}).setdefault(layer, []).append(m)
    return out


def _details(
    sources: Sequence[Attribution],
    figures: Sequence[Quantity],
    dates: Sequence[DateMention],
    hedges: Sequence[Hedge],
    inherited: bool,
    places: Sequence[Place] = (),
) -> Iterator[str]:
    if sources:
        how = " (inherited)" if inherited else ""
        yield f"    source{how}: " + "; ".join(
            f"{a.source or '(unnamed)'} ({a.stance.value}, {a.source_kind.value})" for a in sources
        )
    if figures:
        yield "    figures: " + "; ".join(_figure(q) for q in figures)
    if dates:
        yield "    dates: " + "; ".join(
            f"{d.text} -> {d.value.isoformat() if d.value else '?'} ({d.precision.value})"
            for d in dates
        )
    if hedges:
        yield "    hedges: " + "; ".join(f"{h.text} ({h.effect:+.2f})" for h in hedges)
    resolved = [p for p in places if not p.unresolved]
    if resolved:
        yield "    places: " + "; ".join(
            f"{p.text} ({p.role.value}, {p.country})" for p in resolved
        )


def _figure(q: Quantity) -> str:
    """The figure as written ("2 000–2 500", ">10 000"), its unit, noun and event."""
    event = f" [{q.event}]" if q.event else ""
    return q.figure + "".join(f" {x}" for x in (q.unit, q.noun) if x) + event


# -- inputs -------------------------------------------------------------------------------


@attrs.frozen
class _Input:
    """One input: a file (or ``-``), whether it is HTML, or why it is skipped."""

    path: str
    html: bool = False
    problem: str | None = None


def _is_html(path: str, force: bool) -> bool:
    return force or path.lower().endswith(_HTML_SUFFIXES)


def _walk(root: str, force_html: bool) -> Iterator[_Input]:
    """Every article file under ``root``, sorted; unreadable directories as problems.

    Directories are read with ``os.scandir`` (symbolic links to directories are
    not followed: no loop); entries are only listed here, never opened.
    """
    stack = [root]
    found: list[_Input] = []
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as err:
            reason = err.strerror or type(err).__name__
            found.append(_Input(folder, problem=f"cannot read directory ({reason})"))
            continue
        for entry in listed:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(entry.path)
            elif entry.name.lower().endswith(_ARTICLE_SUFFIXES):
                found.append(_Input(entry.path, _is_html(entry.path, force_html)))
    found.sort(key=lambda item: os.fsencode(item.path).split(os.fsencode(os.sep)))
    yield from found


def _expand(paths: Sequence[str], force_html: bool) -> list[_Input]:
    """Files as given, directories as their article files (see :func:`_walk`)."""
    out: list[_Input] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            inside = list(_walk(path, force_html))
            if not inside:
                out.append(_Input(path, problem="directory holds no *.txt, *.html or *.htm file"))
            out.extend(inside)
        else:
            out.append(_Input(path, _is_html(path, force_html) if path != "-" else force_html))
    return out


def _limit(args: argparse.Namespace, html: bool) -> int | None:
    if args.max_bytes is None:
        return DEFAULT_MAX_HTML if html else DEFAULT_MAX_BYTES
    return args.max_bytes or None  # 0: no limit


def _read(item: _Input, args: argparse.Namespace, given: frozenset[str]) -> bytes:
    """The bytes of one input, bounded; files found in directories must be regular."""
    limit = _limit(args, item.html)
    if item.path == "-":
        data = sys.stdin.buffer.read(limit + 1 if limit is not None else -1)
        if limit is not None and len(data) > limit:
            raise InputTooLargeError(
                f"<stdin>: larger than the limit of {limit:,} bytes (--max-bytes); raise "
                "the limit (e.g. --max-bytes 50M, or 0 for no limit)"
            )
        return data
    return read_file(
        item.path,
        max_bytes=limit,
        regular_only=item.path not in given,
        name=_shown(item.path),
    )


def _parse_one(item: _Input, data: bytes, args: argparse.Namespace, pipeline: Pipeline) -> Article:
    if item.html:
        from osintparse.io.html import parse_html

        return parse_html(
            data,
            lang=args.lang,
            published=args.published,
            pipeline=pipeline,
            max_size=None,
            budget=args.budget,
        )
    text = read_text(data, name=_shown(item.path) if item.path != "-" else "<stdin>")
    # The bytes are not read again: let them go before the parse (the caller keeps no
    # reference), not hold them through it (10 MB for a 10 MB file).
    del data
    return pipeline(text, lang=args.lang, published=args.published, budget=args.budget)


# -- progress and messages on standard error ----------------------------------------------


class _Progress:
    """One line per file when standard error is not a terminal; a bar (tqdm) or an
    updating counter on a terminal. Messages never share a line with the counter."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.tty = sys.stderr.isatty()
        self.bar: Any = None
        self.open_line = False
        if enabled and self.tty:
            try:
                from tqdm import tqdm
            except ImportError:
                pass
            else:
                self.bar = tqdm(total=total, unit="file", file=sys.stderr, desc="osintparse")

    def step(self, path: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(1)
        elif self.tty:
            sys.stderr.write(f"\rosintparse: {self.done}/{self.total} files")
            self.open_line = True
        else:
            sys.stderr.write(f"osintparse: [{self.done}/{self.total}] {_shown(path)}\n")
        sys.stderr.flush()

    def message(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
            return
        if self.open_line:
            sys.stderr.write("\n")
            self.open_line = False
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.open_line:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self.open_line = False


# -- interrupts and closed pipes ----------------------------------------------------------


class _Interrupts:
    """Defer Ctrl-C (SIGINT) while a record is being written, so output is never cut
    in the middle of an article; outside writes it interrupts at once."""

    def __init__(self) -> None:
        self.writing = False
        self.pending = False
        self.previous: Any = None

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            current = signal.getsignal(signal.SIGINT)
            if current is not signal.SIG_IGN:
                self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    def _handle(self, signum: int, frame: types.FrameType | None) -> None:
        if self.writing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt


def _quiet_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the exit flush stays silent."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _guarded(run: Callable[[IO[str], _Interrupts], int], out: IO[str] | None) -> int:
    """Run a command writing to ``out`` (stdout by default), handling Ctrl-C and EPIPE."""
    stream = out if out is not None else sys.stdout
    with _Interrupts() as interrupts:
        try:
            return run(stream, interrupts)
        except BrokenPipeError:
            if out is None:
                _quiet_stdout()
            return EXIT_BROKEN_PIPE


# -- the main command ---------------------------------------------------------------------


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        default=None,
        help="language code (default: detect); one of: "
        + ", ".join(lexicons.supported_languages()),
    )
    p.add_argument(
        "--html",
        action="store_true",
        help="read every input as a web page (default: only *.html and *.htm files)",
    )
    p.add_argument(
        "--max-bytes",
        type=_size,
        default=None,
        metavar="SIZE",
        help=f"refuse files larger than SIZE bytes (K, M, G accepted; 0: no limit); default "
        f"{DEFAULT_MAX_BYTES // 10**6}M for text, {DEFAULT_MAX_HTML // 10**6}M for web pages",
    )
    p.add_argument(
        "--budget",
        type=_budget,
        default=WORK_BUDGET,
        metavar="UNITS",
        help="the most work per article (characters, plus "
        f"{WORK_PER_SENTENCE} per sentence; K, M, G accepted); above it only the structure "
        f"is extracted, with a warning; default {WORK_BUDGET // 10**6}M, none: no limit",
    )


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="osintparse",
        description="Parse news articles into source-attributed evidence. Other commands: "
        "'osintparse compare FILE...' (figures side by side), 'osintparse extractors' (what "
        "is installed), 'osintparse schema' (the JSON Schema of the output).",
    )
    p.add_argument("--version", action="store_true", help="print the version and exit")
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="article files ('-' = stdin); a directory means every *.txt, *.html and *.htm "
        "regular file inside it, recursively, sorted",
    )
    _add_input_options(p)
    p.add_argument(
        "--published", type=_published, default=None, help="publication date, YYYY-MM-DD"
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "csv"),
        default="text",
        help="output format (default: text; csv: one row per mention of --layer)",
    )
    p.add_argument(
        "--layer",
        default="claims",
        metavar="LAYER",
        help="with --format csv, the layer to write: claims (default), "
        + ", ".join(n for n in layers.table_layers() if n != "claims")
        + ", or a custom layer; the columns are those of osintparse.to_dataframe",
    )
    p.add_argument(
        "--with",
        dest="extra",
        action="append",
        type=_names,
        default=[],
        metavar="NAME",
        help="also run this extractor (registered or installed), after the default ones or "
        "where it declares; repeat it or give several, comma-separated",
    )
    p.add_argument(
        "--extractors",
        type=_names,
        default=None,
        metavar="A,B,C",
        help="run exactly these extractors, in this order, instead of the default pipeline",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress on stderr (default: with several files, when stderr is a terminal; "
        "one line per file when stderr is not a terminal)",
    )
    return p


def _error(message: str) -> None:
    sys.stderr.write(f"osintparse: error: {message}\n")
    sys.stderr.flush()


def _check_lang(args: argparse.Namespace) -> bool:
    if args.lang is None:
        return True
    try:
        args.lang = lexicons.check_lang(args.lang)
    except UnsupportedLanguageError as err:
        _error(
            f"--lang {args.lang!r} is not supported; use one of: {', '.join(err.supported)} "
            "(or leave --lang out to detect the language)"
        )
        return False
    return True


def _pipeline(args: argparse.Namespace) -> Pipeline | None:
    extra = [name for group in getattr(args, "extra", []) for name in group]
    try:
        if getattr(args, "extractors", None):
            names = [*args.extractors, *(n for n in extra if n not in args.extractors)]
            return Pipeline(names)
        return Pipeline.default(extra=extra) if extra else Pipeline.default()
    except OsintparseError as err:
        _error(str(err))
        return None


def _articles(
    inputs: Sequence[_Input],
    args: argparse.Namespace,
    pipeline: Pipeline,
    given: frozenset[str],
    progress: _Progress,
) -> Iterator[tuple[_Input, Article | None]]:
    """Parse each input in turn; report each failure, yield ``(input, None)`` for it."""
    for item in inputs:
        name = _shown(item.path) if item.path != "-" else "<stdin>"
        article: Article | None = None
        if item.problem is not None:
            progress.message(f"osintparse: error: {name}: {item.problem}")
        else:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                warnings.simplefilter("ignore", PathAsTextWarning)
                try:
                    article = _parse_one(item, _read(item, args, given), args, pipeline)
                except (ReadError, DecodeError, InputTooLargeError) as err:
                    progress.message(f"osintparse: error: {err}")
                except OsintparseError as err:
                    progress.message(f"osintparse: error: {name}: {err}")
                except Exception as err:  # a bug in osintparse: report it, parse the rest
                    progress.message(
                        f"osintparse: error: {name}: internal error {type(err).__name__}: "
                        f"{err} (please report it with this file)"
                    )
            for w in caught:
                progress.message(f"osintparse: warning: {name}: {w.message}")
        progress.step(item.path)
        yield item, article


def _run_main(
    args: argparse.Namespace, pipeline: Pipeline, stream: IO[str], interrupts: _Interrupts
) -> int:
    given = frozenset(args.files)
    inputs = _expand(args.files, args.html)
    show = args.progress if args.progress is not None else (len(inputs) > 1 and sys.stderr.isatty())
    progress = _Progress(len(inputs), show)
    single = len(args.files) == 1 and len(inputs) == 1 and inputs[0].path == args.files[0]
    writer = _Writer(args, stream, interrupts, single)
    status = 0
    try:
        writer.start()
        for item, article in _articles(inputs, args, pipeline, given, progress):
            if article is None:
                status = 1
                continue
            writer.article(item, article)
    except KeyboardInterrupt:
        with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C while closing
            writer.finish()
        progress.close()
        sys.stderr.write(
            f"osintparse: interrupted; the output holds the {writer.count} article(s) finished\n"
        )
        return EXIT_INTERRUPTED
    writer.finish()
    progress.close()
    return status


class _Writer:
    """Writes each article as it is parsed, in the chosen format; an interrupt never
    cuts an article in half (see :class:`_Interrupts`)."""

    def __init__(
        self, args: argparse.Namespace, stream: IO[str], interrupts: _Interrupts, single: bool
    ) -> None:
        self.args = args
        self.stream = stream
        self.interrupts = interrupts
        self.single = single  # one file given: --format json writes one object
        self.count = 0
        self.closed = False

    def _put(self, text: str, article: bool = False) -> None:
        with self.interrupts.write():
            self.stream.write(text)
            self.stream.flush()
            self.count += int(article)

    def _csv(self, rows: Sequence[dict[str, Any]], header: bool = False) -> str:
        import io

        buf = io.StringIO()
        table = csv.DictWriter(
            buf, fieldnames=list(tables.columns(self.args.layer)), lineterminator="\n"
        )
        if header:
            table.writeheader()
        table.writerows(rows)
        return buf.getvalue()

    def start(self) -> None:
        if self.args.format == "csv":
            self._put(self._csv([], header=True))
        elif self.args.format == "json" and not self.single:
            self._put("[")

    def _stream(self, chunks: Iterable[str]) -> None:
        """Write an article's pieces as they are made (JSON: never the whole document in
        memory); an interrupt waits for the last piece."""
        with self.interrupts.write():
            for chunk in chunks:
                self.stream.write(chunk)
            self.stream.flush()
            self.count += 1

    def article(self, item: _Input, article: Article) -> None:
        fmt = self.args.format
        name = _shown(item.path) if item.path != "-" else "-"
        if fmt == "json" and not self.single:
            first = "\n" if self.count == 0 else ",\n"
            self._stream(itertools.chain([first], serialize.json_chunks(article, indent=2)))
            return
        if fmt in ("json", "jsonl"):
            indent = 2 if fmt == "json" else None
            self._stream(itertools.chain(serialize.json_chunks(article, indent=indent), ["\n"]))
            return
        if fmt == "csv":
            rows = [tables.csv_row(r) for r in tables.rows(article, self.args.layer, name)]
            text = self._csv(rows)
        else:
            text = format_outline(article, "" if self.single else name) + "\n\n"
        self._put(text, article=True)

    def finish(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.args.format == "json" and not self.single:
            self._put("\n]\n" if self.count else "]\n")


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> main(["seeds/000_f65f4b272ae20413.txt", "--format", "jsonl"], out=buf)
    0
    >>> buf.getvalue().count("\\n")
    1
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["compare"]:
        return compare_main(argv[1:], out=out)
    if argv[:1] == ["schema"]:
        return _guarded(_schema, out)
    if argv[:1] == ["extractors"]:
        return extractors_main(argv[1:], out=out)
    if "--version" in argv[: argv.index("--") if "--" in argv else len(argv)]:
        (out if out is not None else sys.stdout).write(f"osintparse {_version()}\n")
        return 0
    args = _build_parser().parse_args(argv)
    if not _check_lang(args):
        return 2
    pipeline = _pipeline(args)
    if pipeline is None:
        return 2
    if args.format == "csv" and not _layer_ok(args.layer, pipeline):
        _error(
            f"--layer {args.layer!r} is not a layer; use one of: {', '.join(tables.kinds())} "
            "or a custom layer of the pipeline"
        )
        return 2
    return _guarded(lambda stream, interrupts: _run_main(args, pipeline, stream, interrupts), out)


def _layer_ok(layer: str, pipeline: Pipeline) -> bool:
    if layer in tables.kinds():
        return True
    produced = {name for ex in pipeline.extractors for name in ex.produces}
    return layer in produced and layer != "title"


def _schema(stream: IO[str], interrupts: _Interrupts) -> int:
    with interrupts.write():
        json.dump(serialize.json_schema(), stream, indent=2)
        stream.write("\n")
        stream.flush()
    return 0


# -- osintparse extractors ----------------------------------------------------------------


def extractors_main(argv: Sequence[str], *, out: IO[str] | None = None) -> int:
    """Run ``osintparse extractors``: list installed extractors; return the exit status.

    Each line gives the name, the layers it produces, requires and uses, whether
    it runs by default, and where it comes from (osintparse itself, or the
    distribution and entry point of a plugin). A plugin that fails to load is
    listed with its error, and the exit status is then 1.

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> extractors_main([], out=buf)
    0
    >>> print(buf.getvalue().splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
    NAME  PRODUCES  REQUIRES  USES  DEFAULT  FROM
    """
    from osintparse.extractors.base import describe_extractors

    p = argparse.ArgumentParser(
        prog="osintparse extractors",
        description="List the extractors installed: what each produces, requires and uses, "
        "whether it runs by default, and the distribution it comes from.",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    infos = describe_extractors()

    def run(stream: IO[str], interrupts: _Interrupts) -> int:
        if args.format == "json":
            text = json.dumps([attrs.asdict(i) for i in infos], indent=2) + "\n"
        else:
            text = _extractor_table(infos)
        with interrupts.write():
            stream.write(text)
            stream.flush()
        return 1 if any(i.error for i in infos) else 0

    return _guarded(run, out)


def _extractor_table(infos: Sequence[Any]) -> str:
    rows = [("NAME", "PRODUCES", "REQUIRES", "USES", "DEFAULT", "FROM")]
    for i in infos:
        if i.error:
            rows.append((i.name, "?", "?", "?", "?", f"{i.origin}  ERROR: {i.error}"))
            continue
        default = ("yes" + (f" (after {i.after})" if i.after else "")) if i.default else "-"
        rows.append(
            (
                i.name,
                ", ".join(i.produces) or "-",
                ", ".join(i.requires) or "-",
                ", ".join(i.uses) or "-",
                default,
                i.origin,
            )
        )
    widths = [max(len(r[c]) for r in rows) for c in range(5)]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r[:5], widths, strict=True)) + "  " + r[5] + "\n"
        for r in rows
    )


# -- osintparse compare -------------------------------------------------------------------


def _compare_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="osintparse compare",
        description="Set the figures of several articles side by side, by what they count.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article files ('-' = stdin)")
    _add_input_options(p)
    p.add_argument("--all", action="store_true", help="also list things only one figure counts")
    p.add_argument(
        "--window-days",
        type=int,
        default=None,
        help="judge conflicts only between figures dated at most this many days apart",
    )
    p.add_argument(
        "--place",
        metavar="ISO2",
        help="only figures about this country (ISO code such as RU): their noun's "
        "nationality or a place their claim names",
    )
    p.add_argument(
        "--by-place",
        action="store_true",
        help="also group figures by the first location their claim names",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text (default); json: a list of groups with their figures; csv: one row per figure",
    )
    return p


def _finite(value: Any) -> Any:
    return None if isinstance(value, float) and not math.isfinite(value) else value


def compare_main(argv: Sequence[str], *, out: IO[str] | None = None) -> int:
    """Run ``osintparse compare FILE FILE...``; return the exit status.

    ``--format json`` writes a list of groups (``label``, ``event``, ``agreement``,
    ``conflicts`` as pairs of figure indexes, ``conflict_reasons``, ``figures``),
    ``--format csv`` one row per figure with the columns of
    ``osintparse.comparison.comparison_records`` (an unbounded side of an
    interval is empty, ``null`` in JSON).

    Examples
    --------
    >>> import io, json
    >>> buf = io.StringIO()
    >>> compare_main(["seeds/000_f65f4b272ae20413.txt", "--all"], out=buf)
    0
    >>> buf = io.StringIO()
    >>> compare_main(["seeds/000_f65f4b272ae20413.txt", "--all", "--format", "json"], out=buf)
    0
    >>> sorted(json.loads(buf.getvalue())[0])
    ['agreement', 'conflict_reasons', 'conflicts', 'event', 'figures', 'label', 'place']
    """
    from osintparse.comparison import compare, comparison_records

    args = _compare_parser().parse_args(argv)
    if not _check_lang(args):
        return 2
    args.published = None
    pipeline = _pipeline(args)
    if pipeline is None:
        return 2

    def run(stream: IO[str], interrupts: _Interrupts) -> int:
        given = frozenset(args.files)
        inputs = _expand(args.files, args.html)
        progress = _Progress(len(inputs), False)
        articles: list[Article] = []
        names: list[str] = []
        status = 0
        for item, article in _articles(inputs, args, pipeline, given, progress):
            if article is None:
                status = 1
                continue
            articles.append(article)
            names.append(_shown(item.path) if item.path != "-" else "-")
        groups = compare(
            articles,
            names=names,
            window_days=args.window_days,
            place=args.place,
            by_place=args.by_place,
        )
        shown_groups = [g for g in groups if args.all or len({f.article for f in g.figures}) > 1]
        if args.format == "json":
            data = [
                {
                    "label": g.label,
                    "event": g.event,
                    "place": g.place,
                    "agreement": g.agreement,
                    "conflicts": [list(pair) for pair in g.conflicts],
                    "conflict_reasons": list(g.conflict_reasons),
                    "figures": [
                        {k: _finite(v) for k, v in row.items() if k not in ("group", "agreement")}
                        for row in comparison_records([g])
                    ],
                }
                for g in shown_groups
            ]
            text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        elif args.format == "csv":
            text = _compare_csv(comparison_records(shown_groups))
        else:
            text = _compare_text(shown_groups)
        with interrupts.write():
            stream.write(text)
            stream.flush()
        return status

    return _guarded(run, out)


def _compare_csv(records: list[dict[str, Any]]) -> str:
    import io

    buf = io.StringIO()
    fields = list(records[0]) if records else ["group", "event", "article", "text", "figure"]
    table = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    table.writeheader()
    table.writerows(tables.csv_row({k: _finite(v) for k, v in r.items()}) for r in records)
    return buf.getvalue()


def _compare_text(groups: Sequence[Any]) -> str:
    if not groups:
        return "no figures counted the same thing in two articles (use --all)\n"
    lines = []
    for g in groups:
        lines.append(f"{g.label}:")
        for i, f in enumerate(g.figures, 1):
            lines.append(f"  [{i}] {f.describe()}")
        lines.extend(f"  => conflict: {reason}" for reason in g.conflict_reasons)
        if g.agreement:
            lines.append("  => agreement (all figures overlap)")
    return "\n".join(lines) + "\n"
