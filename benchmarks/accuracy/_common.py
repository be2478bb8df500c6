"""Helpers shared by the accuracy scorers: counts, spans, timing, samples and output.

Everything here is pure (no corpus access, no osintparse call), so the scoring
arithmetic can be tested on hand-made spans.

Examples
--------
>>> c = Counts(gold=4, pred=2, gold_found=1, pred_correct=1)
>>> round(c.precision, 2), round(c.recall, 2), round(c.f1, 2)
(0.5, 0.25, 0.33)
"""

from __future__ import annotations

import json
import pathlib
import statistics
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

__all__ = [
    "FIGURES_DIR",
    "ROOT",
    "Counts",
    "Span",
    "Timing",
    "context",
    "evenly",
    "overlap",
    "overlaps",
    "pct",
    "prf_row",
    "save_figures",
    "total",
    "write_json",
]

#: The repository's root (figures and docs pages are written under it).
ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
#: Where the scripts' ``--write-docs`` save their figures (numbers only, no corpus text).
FIGURES_DIR = ROOT / "benchmarks" / "accuracy" / "figures"

#: A half-open character span ``(start, end)`` into a document's text.
Span = tuple[int, int]

_T = TypeVar("_T")


@dataclass(frozen=True)
class Counts:
    """What a precision / recall / F1 figure is computed from.

    ``gold_found`` gold items were found by some prediction (recall's numerator);
    ``pred_correct`` predictions were right (precision's numerator). With a
    one-to-one alignment the two are equal; with overlap matching they may differ.

    Examples
    --------
    >>> Counts(gold=2, pred=2, gold_found=2, pred_correct=2).f1
    1.0
    >>> Counts().f1  # nothing to find and nothing found
    0.0
    """

    gold: int = 0
    pred: int = 0
    gold_found: int = 0
    pred_correct: int = 0

    def __add__(self, other: Counts) -> Counts:
        """Sum two sets of counts (documents, corpora).

        Examples
        --------
        >>> (Counts(1, 1, 1, 1) + Counts(1, 0, 0, 0)).recall
        0.5
        """
        return Counts(
            self.gold + other.gold,
            self.pred + other.pred,
            self.gold_found + other.gold_found,
            self.pred_correct + other.pred_correct,
        )

    @property
    def precision(self) -> float:
        """Correct predictions over predictions (0.0 without predictions)."""
        return self.pred_correct / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        """Gold items found over gold items (0.0 without gold items)."""
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The counts and the three figures, for JSON.

        Examples
        --------
        >>> Counts(1, 1, 1, 1).as_dict()["f1"]
        1.0
        """
        return {
            "gold": self.gold,
            "pred": self.pred,
            "gold_found": self.gold_found,
            "pred_correct": self.pred_correct,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def total(counts: Iterable[Counts]) -> Counts:
    """Sum counts.

    Examples
    --------
    >>> total([Counts(1, 0, 0, 0), Counts(1, 1, 1, 1)]).gold
    2
    """
    out = Counts()
    for c in counts:
        out = out + c
    return out


def overlap(a: Span, b: Span) -> int:
    """Number of characters two spans share.

    Examples
    --------
    >>> overlap((0, 5), (3, 9)), overlap((0, 3), (3, 9))
    (2, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans share at least one character.

    Examples
    --------
    >>> overlaps((0, 5), (4, 6)), overlaps((0, 5), (5, 6))
    (True, False)
    """
    return overlap(a, b) > 0


@dataclass
class Timing:
    """Per-document times in milliseconds (CPU and wall clock).

    Examples
    --------
    >>> t = Timing()
    >>> t.add(0.002, 0.003); t.add(0.004, 0.005)
    >>> t.as_dict()["cpu_ms_median"]
    3.0
    """

    cpu_ms: list[float] = field(default_factory=list)
    wall_ms: list[float] = field(default_factory=list)

    def add(self, cpu_s: float, wall_s: float) -> None:
        """Record one document's times, given in seconds."""
        self.cpu_ms.append(cpu_s * 1000)
        self.wall_ms.append(wall_s * 1000)

    def as_dict(self) -> dict[str, float]:
        """Median and mean of both clocks (0.0 when nothing was timed)."""
        out: dict[str, float] = {}
        for name, values in (("cpu_ms", self.cpu_ms), ("wall_ms", self.wall_ms)):
            out[f"{name}_median"] = statistics.median(values) if values else 0.0
            out[f"{name}_mean"] = statistics.fmean(values) if values else 0.0
        return out

    def line(self) -> str:
        """One printable line: median and mean ms per document, CPU then wall."""
        d = self.as_dict()
        return (
            f"ms per document: median {d['cpu_ms_median']:.2f} CPU / "
            f"{d['wall_ms_median']:.2f} wall, mean {d['cpu_ms_mean']:.2f} CPU / "
            f"{d['wall_ms_mean']:.2f} wall ({len(self.cpu_ms)} documents)"
        )


def pct(x: float) -> str:
    """A ratio as a percentage with one decimal, the way papers print F1.

    Examples
    --------
    >>> pct(0.7534)
    '75.3'
    """
    return f"{100 * x:.1f}"


def prf_row(label: str, c: Counts, width: int = 28) -> str:
    """One table row: label, P, R, F1 (as ratios) and the counts behind them.

    Examples
    --------
    >>> prf_row("cue", Counts(2, 2, 1, 1), width=6)
    'cue    P 0.500  R 0.500  F1 0.500   (gold 2, predicted 2)'
    """
    return (
        f"{label:<{width}} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}"
        f"   (gold {c.gold}, predicted {c.pred})"
    )


def evenly(items: Sequence[_T], n: int) -> list[_T]:
    """Up to ``n`` items spread evenly over ``items`` (deterministic sample).

    Examples
    --------
    >>> evenly(list(range(10)), 3)
    [0, 3, 6]
    >>> evenly([1, 2], 5)
    [1, 2]
    """
    if n <= 0 or not items:
        return []
    if n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def context(text: str, span: Span, width: int = 70) -> str:
    """The span in its context, marked with ``[[ ]]``, on one line.

    Examples
    --------
    >>> context("It rained on 3 May in Paris.", (13, 18), width=5)
    '…d on [[3 May]] in P…'
    """
    start, end = span
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = (
        ("…" if left else "")
        + text[left:start]
        + "[["
        + text[start:end]
        + "]]"
        + text[end:right]
        + ("…" if right < len(text) else "")
    )
    return " ".join(snippet.split())


def write_json(path: str, figures: dict[str, Any]) -> None:
    """Write ``figures`` as indented JSON to ``path`` (``-`` for standard output).

    Examples
    --------
    >>> write_json("-", {"f1": 0.5})
    {
      "f1": 0.5
    }
    """
    text = json.dumps(figures, indent=2, ensure_ascii=False, sort_keys=True)
    if path == "-":
        sys.stdout.write(text + "\n")
    else:
        pathlib.Path(path).write_text(text + "\n", encoding="utf-8")


def save_figures(
    path: pathlib.Path, figures: dict[str, Any], page: pathlib.Path, block: str, lines: list[str]
) -> None:
    r"""Save ``figures`` as JSON at ``path`` and rewrite the block ``block`` of ``page``.

    The block (between ``<!-- block:start -->`` and ``<!-- block:end -->``) gets
    ``lines``, which the caller renders from the same figures, so the page and the saved
    file agree; the rest of the page is kept.

    Examples
    --------
    >>> import tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "p.md").write_text("a\n<!-- x:start -->\nold\n<!-- x:end -->\n")
    >>> save_figures(d / "f" / "x.json", {"f1": 0.5}, d / "p.md", "x", ["F1 0.5"])
    >>> (d / "p.md").read_text()
    'a\n<!-- x:start -->\nF1 0.5\n<!-- x:end -->\n'
    """
    from benchmarks.docs import replace_block

    path.parent.mkdir(parents=True, exist_ok=True)
    write_json(str(path), figures)
    text = page.read_text(encoding="utf-8")
    page.write_text(replace_block(text, block, lines), encoding="utf-8")
