"""Build ``osintparse/_regexcode.zlib``: the compiled code of the engines' patterns.

The patterns recorded are those :func:`osintparse._regexcode.compile_pattern` compiles
while the default pipeline parses the seed articles (``seeds/*.txt``) and the texts of
the golden cases (``tests/cases/<lang>/*.jsonl``, each in its language), in that order;
each entry is what the ``regex`` module handed its C module for that pattern. The pattern
sources :func:`osintparse._patterns.alternation` builds from word lists in those parses
are recorded beside them. The file carries the ``regex`` version it was made with and is
read only under that version (see ``osintparse/_regexcode.py``). It is generated, never
edited: run this script after changing a pattern, a lexicon or the ``regex`` version;
``tests/test_regexcode.py`` runs ``--check``. The ``regex`` module writes the members of
some character sets in the order of a Python set of objects hashed by address, which
changes from run to run: an entry already in the file that differs from the fresh one only
so (the same fields, the same opcodes in another order) is kept, so that the file changes
only when a pattern does.

Usage::

    python scripts/make_regex_code.py          # rewrite the file
    python scripts/make_regex_code.py --check  # exit 1 if the file is stale
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _texts() -> list[tuple[str, str | None, str | None]]:
    """(text, language, publication date) of every text parsed, in a fixed order."""
    out: list[tuple[str, str | None, str | None]] = [
        (p.read_text(encoding="utf-8"), None, None) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    for path in sorted((ROOT / "tests" / "cases").glob("*/*.jsonl")):
        lang = path.parent.name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                out.append((case["text"], lang, case.get("published")))
    return out


class _Recorder:
    """Stands for the file's table: remembers the key asked for, answers "not listed"."""

    asked: Any = None

    def code(self, key: Any) -> Any:
        import regex

        self.asked = key
        regex.purge()  # the regex module compiles it anew: its C module sees it
        return None

    def source(self, key: Any) -> Any:
        return None


def build() -> tuple[dict[Any, tuple[Any, ...]], dict[Any, str]]:
    """The entries of the file, from the patterns the texts' parses compile and the sources
    they build (in a fresh process: a pattern compiled before is not recorded). The code
    file's reader is replaced before any other module of the package is imported, so that
    the patterns their modules compile when imported are recorded too."""
    from osintparse import _regexcode

    recorder = _Recorder()
    entries: dict[Any, tuple[Any, ...]] = {}
    sources: dict[Any, str] = {}
    c_compile = _regexcode._C.compile

    def recording(*args: Any) -> Any:
        if recorder.asked is not None:
            entries.setdefault(recorder.asked, _regexcode.freeze(args))
            recorder.asked = None
        return c_compile(*args)

    table = _regexcode._table
    _regexcode._table = lambda: recorder
    _regexcode._C.compile = recording
    try:
        import osintparse
        from osintparse import _patterns

        trie = _patterns._trie

        def building(words: tuple[str, ...], boundary: bool, apostrophes: bool, gap: str) -> str:
            source = trie(words, boundary, apostrophes, gap)
            key = ("alternation", tuple(sorted(set(words))), boundary, apostrophes, gap)
            sources.setdefault(key, source)
            return source

        _patterns._trie = building
        _patterns._alternation.cache_clear()
        try:
            pipeline = osintparse.Pipeline.default()
            for text, lang, published in _texts():
                pipeline(text, lang=lang, published=published)
        finally:
            _patterns._trie = trie
    finally:
        _regexcode._table = table
        _regexcode._C.compile = c_compile
    return entries, sources


def _same(old: tuple[Any, ...], new: tuple[Any, ...]) -> bool:
    """Whether two entries of one pattern differ at most in the order of their opcodes."""
    code = 2  # the opcodes' place in an entry
    return (
        old[:code] == new[:code]
        and old[code + 1 :] == new[code + 1 :]
        and sorted(old[code]) == sorted(new[code])
    )


def merged(fresh: dict[Any, tuple[Any, ...]], path: pathlib.Path) -> dict[Any, tuple[Any, ...]]:
    """``fresh``, with the entries of the file at ``path`` that are the same (see :func:`_same`)."""
    old = _read(path.read_bytes()) if path.exists() else None
    if old is None:
        return fresh
    code = old[0]
    return {k: code[k] if k in code and _same(code[k], v) else v for k, v in fresh.items()}


def _read(data: bytes) -> Any:
    """Every entry of the file's bytes (what ``--check`` compares), or None."""
    import regex

    from osintparse import _regexcode

    return _regexcode.read(data, regex.__version__)


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with ``--check`` say whether it holds what it would be rebuilt with."""
    import regex

    from osintparse import _regexcode

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--out", type=pathlib.Path, default=_regexcode.CODE_FILE)
    args = parser.parse_args(argv)
    from scripts._generated import write_or_check

    entries, sources = build()
    data = _regexcode.dump(merged(entries, args.out), regex.__version__, sources)
    return write_or_check(
        {args.out: data}, check=args.check, script="make_regex_code.py", unpack=_read
    )


if __name__ == "__main__":
    sys.exit(main())
