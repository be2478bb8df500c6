"""The ``osintparse`` command: parse article files and print JSON, JSON Lines or an outline.

Usage::

    osintparse FILE... [--lang fr] [--published 2025-05-01] [--format json|jsonl|text|csv]
                       [--progress | --no-progress]
    osintparse compare FILE FILE... [--lang fr] [--all]

``-`` reads standard input. A directory stands for every ``*.txt`` file inside it,
recursively, in sorted order (a directory without any is an error). ``--format csv``
writes one row per claim (one per body sentence for an article without claims). A
progress bar is drawn on standard error when several files are parsed and standard
error is a terminal, or with ``--progress`` (it uses tqdm when installed,
``osintparse[progress]``, else a plain counter). A file that can't be read or
decoded is reported on standard error with its path, the others are still parsed,
and the exit status is 1. Bad options exit with status 2.

Examples
--------
>>> main(["--format", "jsonl", "does-not-exist.txt"])
1
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import os
import pathlib
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, TypeVar

from osintparse import lexicons, tables
from osintparse.errors import DecodeError, OsintparseError, UnsupportedLanguageError
from osintparse.io import serialise as serialize
from osintparse.io.inputs import read_text
from osintparse.model import Article, Attribution, Claim, DateMention, Hedge, Quantity, Sentence
from osintparse.pipeline import parse

__all__ = ["format_outline", "main"]

_T = TypeVar("_T")


def _published(value: str) -> _dt.date:
    try:
        if "T" in value:
            return _dt.datetime.fromisoformat(value)
        return _dt.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO 8601 date; use YYYY-MM-DD, e.g. 2025-05-01"
        ) from err


def format_outline(article: Article, name: str = "") -> str:
    """Return a readable outline: title, sections, then each claim with its evidence.

    Each claim shows its stance and certainty, its sources (``inherited`` when
    carried over from the previous sentence), figures, dates and hedges. An
    article without claims (a pipeline without the ``claims`` extractor) lists
    its body sentences with the mentions inside them.

    Examples
    --------
    >>> import osintparse
    >>> print(format_outline(osintparse.parse("Titre\\n\\nSelon l'AFP, 300 soldats.", lang="fr")))
    # Titre
    lang: fr
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
        text = " ".join(item.text.split())
        if isinstance(item, Claim):
            lines.append(f"- {text}  [{item.stance.value}, {item.certainty:.2f}]")
            lines.extend(
                _details(
                    item.attributions, item.quantities, item.dates, item.hedges, item.inherited
                )
            )
        else:

            def inside(m: Any, s: Sentence = item) -> bool:
                return bool(s.start <= m.start < s.end)

            lines.append(f"- {text}")
            lines.extend(
                _details(
                    [a for a in article.attributions if inside(a)],
                    [q for q in article.quantities if inside(q)],
                    [d for d in article.dates if inside(d)],
                    [h for h in article.hedges if inside(h)],
                    False,
                )
            )
    return "\n".join(lines)


def _section_of(article: Article, offset: int) -> int:
    for i, s in enumerate(article.sections):
        if s.start <= offset < s.end:
            return i
    return 0


def _details(
    sources: Sequence[Attribution],
    figures: Sequence[Quantity],
    dates: Sequence[DateMention],
    hedges: Sequence[Hedge],
    inherited: bool,
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


def _figure(q: Quantity) -> str:
    """The figure as written ("2 000–2 500", ">10 000"), its unit, noun and event."""
    event = f" [{q.event}]" if q.event else ""
    return q.figure + "".join(f" {x}" for x in (q.unit, q.noun) if x) + event


def _date(d: DateMention) -> str:
    return f"{d.text} = {d.value.isoformat() if d.value else '?'}"


def _cells(row: dict[str, Any]) -> dict[str, Any]:
    """CSV cells: dates in ISO 8601, None as an empty cell."""
    return {
        k: "" if v is None else v.isoformat() if isinstance(v, _dt.date) else v
        for k, v in row.items()
    }


def _progress(items: Iterable[_T], total: int, enabled: bool) -> Iterator[_T]:
    if not enabled:
        yield from items
        return
    try:
        from tqdm import tqdm
    except ImportError:
        for i, item in enumerate(items, 1):
            print(f"\rosintparse: {i}/{total} files", end="", file=sys.stderr, flush=True)
            yield item
        print(file=sys.stderr)
        return
    yield from tqdm(items, total=total, unit="file", file=sys.stderr, desc="osintparse")


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
        choices=("json", "jsonl", "text", "csv"),
        default="text",
        help="output format (default: text; csv: one row per mention of --layer)",
    )
    p.add_argument(
        "--layer",
        default="claims",
        metavar="LAYER",
        help="with --format csv, the layer to write: claims (default), quantities, dates, "
        "attributions, hedges, sentences, paragraphs, sections; the columns are those of "
        "osintparse.to_dataframe",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: with several files, when stderr is a terminal)",
    )
    return p


def _compare_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="osintparse compare",
        description="Set the figures of several articles side by side, by what they count.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article text files ('-' = stdin)")
    p.add_argument("--lang", default=None, help="language code (default: detect)")
    p.add_argument("--all", action="store_true", help="also list things only one figure counts")
    p.add_argument(
        "--window-days",
        type=int,
        default=None,
        help="judge conflicts only between figures dated at most this many days apart",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text (default), json (one object per figure) or csv (one row per figure)",
    )
    return p


def _write_groups(groups: Sequence[Any], fmt: str, stream: IO[str]) -> None:
    """Write compared groups as JSON or CSV rows (one per figure)."""
    from osintparse.comparison import comparison_records

    rows = comparison_records(groups)
    for row in rows:
        for key in ("low", "high"):
            if row[key] == float("inf"):
                row[key] = None
    if fmt == "json":
        stream.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    fields = list(rows[0]) if rows else ["group", "event", "article", "figure"]
    writer = csv.DictWriter(stream, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def compare_main(argv: Sequence[str], *, out: IO[str] | None = None) -> int:
    """Run ``osintparse compare FILE FILE...``; return the exit status.

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> compare_main(["seeds/000_f65f4b272ae20413.txt", "--all"], out=buf)
    0
    """
    from osintparse.comparison import compare

    args = _compare_parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    status = 0
    articles: list[Article] = []
    names: list[str] = []
    for path, text, error in _inputs(args.files):
        if text is None:
            print(f"osintparse: error: {error}", file=sys.stderr)
            status = 1
            continue
        try:
            articles.append(parse(text, lang=args.lang))
        except OsintparseError as err:
            print(f"osintparse: error: {path}: {err}", file=sys.stderr)
            status = 1
            continue
        names.append(path)
    groups = compare(articles, names=names, window_days=args.window_days)
    shown = [g for g in groups if args.all or len({f.article for f in g.figures}) > 1]
    if args.format != "text":
        _write_groups(shown, args.format, stream)
        return status
    if not shown:
        stream.write("no figures counted the same thing in two articles (use --all)\n")
    for g in shown:
        stream.write(f"{g.label}:\n")
        for i, f in enumerate(g.figures, 1):
            stream.write(f"  [{i}] {f.describe()}\n")
        if g.conflicts:
            for reason in g.conflict_reasons:
                stream.write(f"  => conflict: {reason}\n")
        elif g.agreement:
            stream.write("  => agreement (all figures overlap)\n")
    return status


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
    table = None
    if args.format == "csv":
        if args.layer not in tables.kinds():
            print(
                f"osintparse: error: --layer {args.layer!r} is not a layer; use one of: "
                f"{', '.join(tables.kinds())}",
                file=sys.stderr,
            )
            return 2
        table = csv.DictWriter(
            stream, fieldnames=list(tables.columns(args.layer)), lineterminator="\n"
        )
        table.writeheader()
    show = args.progress
    if show is None:
        show = len(args.files) > 1 and sys.stderr.isatty()
    for path, text, error in _progress(_inputs(args.files), len(args.files), show):
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
        elif table is not None:
            table.writerows(_cells(row) for row in tables.rows(article, args.layer, path))
        else:
            name = path if len(args.files) > 1 or path not in args.files else ""
            stream.write(format_outline(article, name) + "\n\n")
        stream.flush()
    if args.format == "json":
        data = [serialize.to_dict(a) for a in results]
        json.dump(data[0] if len(data) == 1 else data, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    return status
