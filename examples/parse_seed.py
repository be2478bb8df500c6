"""Parse the bundled seed article and print its claims.

While the claims extractor is not there (or finds nothing), print each body
sentence with the mentions found inside it instead.

Run from anywhere::

    python examples/parse_seed.py [ARTICLE.txt]
"""

from __future__ import annotations

import pathlib
import sys

import osintparse

SEED = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "000_f65f4b272ae20413.txt"


def describe(article: osintparse.Article) -> list[str]:
    """Return the lines to print for one article."""
    lines = [f"# {article.title}", f"lang={article.lang} layers={article_layers(article)}"]
    if article.claims:
        lines.append(f"{len(article.claims)} claims:")
        for claim in article.claims:
            lines.append(f"- {claim.text}")
            for a in claim.attributions:
                lines.append(f"    source: {a.source} ({a.source_kind.value}, {a.stance.value})")
            for q in claim.quantities:
                lines.append(f"    figure: {q!r}")
            for d in claim.dates:
                lines.append(f"    date: {d.text} -> {d.value} ({d.precision.value})")
            lines.append(f"    certainty: {claim.certainty:.2f}")
        return lines
    lines.append(f"no claims; {len(article.body_sentences)} body sentences with their mentions:")
    layers = ("quantities", "dates", "attributions", "hedges")
    for s in article.body_sentences:
        assert article.text[s.start : s.end] == s.text
        lines.append(f"- [{s.start}:{s.end}] {s.text}")
        for layer in layers:
            for m in getattr(article, layer):
                if s.start <= m.start < s.end:
                    lines.append(f"    {layer[:-1]}: {m.text!r} @{m.start}:{m.end}")
    return lines


def article_layers(article: osintparse.Article) -> str:
    """Name the non-empty layers, e.g. ``sentences,quantities``."""
    names = ("sentences", "quantities", "dates", "attributions", "hedges", "claims")
    return ",".join(n for n in names if getattr(article, n))


def main(argv: list[str]) -> int:
    path = pathlib.Path(argv[0]) if argv else SEED
    article = osintparse.parse(path.read_text(encoding="utf-8"))
    print("\n".join(describe(article)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
