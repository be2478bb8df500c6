"""Build ``osintparse/lexicons/_parsed.zlib``: the package's TOML files, parsed.

Every ``*.toml`` file under ``osintparse/lexicons/`` is listed with its text and its
parsed data; the loader reads a file's data from there when the file's text is the one
listed, and parses the file otherwise (see ``osintparse/lexicons/__init__.py``), so a
stale file costs time, never correctness. It is generated, never edited: run this script
after changing a lexicon file; ``tests/test_lexicons.py`` runs ``--check``.

Usage::

    python scripts/make_lexicon_cache.py          # rewrite the file
    python scripts/make_lexicon_cache.py --check  # exit 1 if the file is stale
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import zlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def build() -> bytes:
    """The bytes of the file, from the TOML files of the package."""
    from osintparse import lexicons

    folder = lexicons.PARSED_FILE.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.toml"))]
    return lexicons.dump_parsed(texts)


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with ``--check`` say whether it holds what it would be rebuilt with."""
    from osintparse import lexicons

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--out", type=pathlib.Path, default=lexicons.PARSED_FILE)
    args = parser.parse_args(argv)
    from scripts._generated import write_or_check

    outputs: dict[pathlib.Path, bytes | str] = {args.out: build()}
    return write_or_check(
        outputs, check=args.check, script="make_lexicon_cache.py", unpack=zlib.decompress
    )


if __name__ == "__main__":
    sys.exit(main())
