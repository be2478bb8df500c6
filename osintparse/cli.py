"""The ``osintparse`` command: parse article files and print JSON, JSON Lines or an outline.

Usage::

    osintparse FILE... [--lang fr] [--published 2025-05-01] [--format json|jsonl|text]

``-`` reads standard input. A directory stands for every ``*.txt`` file inside it,
recursively, in sorted order (a directory without any is an error). A file that
can't be read or decoded is reported on standard error with its path, the others
are still parsed, and the exit status is 1. Bad options exit with status 2.

Examples
--------
>>> main(["--format", "jsonl", "does-not-exist.txt"])
1
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import pathlib
import sys
from collections.abc import Iterator, Sequence
from typing import IO

from osintparse import lexicons, serialize
from osintparse.errors import DecodeError, OsintparseError, UnsupportedLanguageError
from osintparse.model import Article, Claim, Sentence
from osintparse.pipeline import parse

__all__ = ["format_outline", "main", "read_text"]


def read_text(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), refusing binary data.

    Raises
    ------
    osintparse.DecodeError
        When the bytes hold NUL characters or are not valid UTF-8.

    Examples
    --------
    >>> read_text("Séoul".encode())
    'Séoul'
    >>> read_text(b"\\xff\\xfe\\x00")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.DecodeError: <bytes>: looks like binary data ...
    """
    if b"\x00" in data[:8192]:
        raise DecodeError(f"{name}: looks like binary data (NUL bytes); give a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"{name}: not valid UTF-8 at byte {err.start}; re-encode the file as UTF-8 "
            "(e.g. iconv -f latin1 -t utf-8)"
        ) from err


def _published(value: str) -> _dt.date:
    try:
        if "T" in value:
            return _dt.datetime.fromisoformat(value)
        return _dt.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO 8601 date; use YYYY-MM-DD, e.g. 2025-05-01"
        ) from err


def _fmt_number(x: float | None) -> str:
    if x is None:
        return "?"
    if x == int(x):
        return f"{int(x):,}".replace(",", " ")
    return f"{x:g}"


def format_outline(article: Article, name: str = "") -> str:
    """Return a readable outline: title, sections, then each claim or sentence.

    Examples
    --------
    >>> import osintparse
    >>> print(format_outline(osintparse.parse("Titre\\n\\nUne phrase.", lang="fr")))
    # Titre
    lang: fr
    <BLANKLINE>
    - Une phrase.
    """
    lines: list[str] = []
    if name:
        lines.append(f"== {name} ==")
    lines.append(f"# {article.title or '(no title)'}")
    meta = f"lang: {article.lang or 'und'}"
    if article.published is not None:
        meta += f"  published: {article.published.isoformat()}"
    lines.append(meta)
    items: tuple[Claim | Sentence, ...] = article.claims or article.body_sentences
    section = -1
    for item in items:
        sec_index = _section_of(article, item.start)
        if sec_index != section:
            section = sec_index
            heading = article.sections[sec_index].heading if article.sections else None
            lines.append("")
            if heading:
                lines.append(f"## {heading}")
        lines.append(f"- {item.text}")
        lines.extend(_details(article, item.start, item.end))
    return "\n".join(lines)


def _section_of(article: Article, offset: int) -> int:
    for i, s in enumerate(article.sections):
        if s.start <= offset < s.end:
            return i
    return 0


def _details(article: Article, start: int, end: int) -> Iterator[str]:
    def inside(m: object) -> bool:
        return bool(start <= m.start < end)  # type: ignore[attr-defined]

    sources = [a for a in article.attributions if inside(a) or a.content_start == start]
    if sources:
        yield "    source: " + "; ".join(
            f"{a.source} ({a.stance.value}, {a.source_kind.value})" for a in sources
        )
    figures = [q for q in article.quantities if inside(q)]
    if figures:
        yield "    figures: " + "; ".join(
            f"{q.qualifier.value} {_fmt_number(q.value)}"
            + (f" {q.unit}" if q.unit else "")
            + (f" {q.noun}" if q.noun else "")
            for q in figures
        )
    dates = [d for d in article.dates if inside(d)]
    if dates:
        yield "    dates: " + "; ".join(
            f"{d.text} -> {d.value.isoformat() if d.value else '?'} ({d.precision.value})"
            for d in dates
        )


def _expand(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, error)``: files as given, directories as their ``*.txt`` files."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = sorted(pathlib.Path(path).rglob("*.txt"))
            if not found:
                yield path, f"{path}: directory holds no *.txt file"
            for file in found:
                yield str(file), None
        else:
            yield path, None


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, str | None, str | None]]:
    for path, problem in _expand(paths):
        if problem is not None:
            yield path, None, problem
            continue
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(path, "rb") as fh:
                    data = fh.read()
            yield path, read_text(data, name=path), None
        except OSError as err:
            yield path, None, f"{path}: cannot read ({err.strerror or err})"
        except DecodeError as err:
            yield path, None, str(err)


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="osintparse",
        description="Parse news articles into source-attributed evidence.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="article text files ('-' = stdin); a directory means every *.txt file "
        "inside it, recursively, sorted",
    )
    p.add_argument("--lang", default=None, help="language code (default: detect)")
    p.add_argument(
        "--published", type=_published, default=None, help="publication date, YYYY-MM-DD"
    )
    p.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        default="text",
        help="output format (default: text)",
    )
    return p


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
    args = _build_parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    if args.lang is not None:
        try:
            args.lang = lexicons.check_lang(args.lang)
        except UnsupportedLanguageError as err:
            print(f"osintparse: error: {err}", file=sys.stderr)
            return 2
    status = 0
    results: list[Article] = []
    for path, text, error in _inputs(args.files):
        if text is None:
            print(f"osintparse: error: {error}", file=sys.stderr)
            status = 1
            continue
        try:
            article = parse(text, lang=args.lang, published=args.published)
        except OsintparseError as err:
            print(f"osintparse: error: {path}: {err}", file=sys.stderr)
            status = 1
            continue
        except Exception as err:  # a bug in osintparse: report it, parse the rest
            print(
                f"osintparse: error: {path}: internal error {type(err).__name__}: {err} "
                "(please report it with this file)",
                file=sys.stderr,
            )
            status = 1
            continue
        if args.format == "jsonl":
            serialize.write_jsonl([article], stream)
        elif args.format == "json":
            results.append(article)
        else:
            name = path if len(args.files) > 1 or path not in args.files else ""
            stream.write(format_outline(article, name) + "\n\n")
        stream.flush()
    if args.format == "json":
        data = [serialize.article_to_dict(a) for a in results]
        json.dump(data[0] if len(data) == 1 else data, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    return status
