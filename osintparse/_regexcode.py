"""The compiled code of the engines' large patterns, shipped so a fresh process skips compiling.

The ``regex`` module compiles a pattern in Python (parse, optimise, emit a list of
integer opcodes) and hands the opcodes to its C module; for the master patterns of the
engines (the dates rules of a language are one pattern of 20 000 characters) the Python
half is most of the first parse of a fresh process. ``_regexcode.zlib`` holds, for the
patterns the first parses of the seed and golden texts compile, exactly what that half
produces, under the ``regex`` version it was made with: :func:`compile_pattern` hands a
listed pattern's opcodes to the C module directly, and compiles any other pattern (or any
pattern under another ``regex`` version, or when the file is missing) with
:func:`regex.compile`. Either way the pattern object is the same; only the time differs.

The file is generated, never edited: ``python scripts/make_regex_code.py`` rewrites it
(after changing a pattern, a lexicon or the ``regex`` version);
``tests/test_regexcode.py`` runs its ``--check``.

Examples
--------
>>> p = compile_pattern(r"(?P<w>\\w+)", regex.IGNORECASE)
>>> p.match("Abc").group("w"), bool(p.flags & regex.IGNORECASE)
('Abc', True)
"""

from __future__ import annotations

import importlib
import marshal
import pathlib
import zlib
from collections.abc import Iterable, Mapping
from typing import Any

import regex

from osintparse._cache import once

__all__ = ["CODE_FILE", "FORMAT", "Key", "compile_pattern", "dump", "key_of", "read"]

CODE_FILE = pathlib.Path(__file__).with_name("_regexcode.zlib")
#: The first item of the file: the layout of an entry (bumped when it changes).
FORMAT = "osintparse regex code 1"
#: marshal version 2 writes no back references, so the bytes do not depend on the
#: reference counts of the objects written (version 3 and later do).
_MARSHAL_VERSION = 2

_C: Any = importlib.import_module("regex._regex")  # its C module: no stub lists this

#: A pattern as compiled: its source, its flags, and its named lists (sorted words).
Key = tuple[str, int, tuple[tuple[str, tuple[str, ...]], ...]]


def key_of(source: str, flags: int, lists: Mapping[str, Iterable[str]]) -> Key:
    """The key of a pattern in the file.

    Examples
    --------
    >>> key_of("a", regex.I, {"m": ["b", "a"]})
    ('a', 2, (('m', ('a', 'b')),))
    """
    return (source, int(flags), tuple((n, tuple(sorted(lists[n]))) for n in sorted(lists)))


def _thaw(entry: tuple[Any, ...]) -> tuple[Any, ...]:
    """The arguments of the C module's ``compile`` from a stored entry."""
    source, flags, code, group_index, index_group, lists, indexes, off, chars, req, count = entry
    return (
        source,
        regex.RegexFlag(flags),
        code,
        group_index,
        index_group,
        {name: frozenset(words) for name, words in lists.items()},
        [frozenset(words) for words in indexes],
        off,
        chars,
        regex.RegexFlag(req),
        count,
    )


def freeze(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """A stored entry from the arguments the ``regex`` module gave its C module's ``compile``.

    Sets become sorted lists and flags integers, so that the file's bytes are the same
    in every run.
    """
    source, flags, code, group_index, index_group, lists, indexes, off, chars, req, count = args
    return (
        source,
        int(flags),
        list(code),
        dict(sorted(group_index.items())),
        dict(sorted(index_group.items())),
        {name: sorted(lists[name]) for name in sorted(lists)},
        [sorted(words) for words in indexes],
        off,
        tuple(chars),
        int(req),
        count,
    )


def dump(entries: Mapping[Key, tuple[Any, ...]], version: str) -> bytes:
    """The file's bytes: the format, the ``regex`` version, the entries sorted by key."""
    rows = [[list(k[:2]), [list(p) for p in k[2]], e] for k, e in sorted(entries.items())]
    body = [FORMAT, version, rows]
    return zlib.compress(marshal.dumps(body, _MARSHAL_VERSION), 9)


def read(data: bytes, version: str) -> dict[Key, tuple[Any, ...]] | None:
    """The entries of a file's bytes, or None if they are not of this format and version."""
    try:
        fmt, stamp, rows = marshal.loads(zlib.decompress(data))
        if fmt != FORMAT or stamp != version:
            return None
        return {
            (s, f, tuple((n, tuple(w)) for n, w in lists)): tuple(e) for (s, f), lists, e in rows
        }
    except (ValueError, TypeError, EOFError, zlib.error):
        return None


@once
def _table() -> Mapping[Key, tuple[Any, ...]]:
    try:
        data = CODE_FILE.read_bytes()
    except OSError:
        return {}
    return read(data, regex.__version__) or {}


def compile_pattern(source: str, flags: int = 0, **lists: Iterable[str]) -> regex.Pattern[str]:
    """:func:`regex.compile` of ``source``, from the shipped code when the file lists it.

    Parameters
    ----------
    source
        The pattern.
    flags
        Its flags.
    **lists
        Its named lists (``\\L<name>``).

    Returns
    -------
    regex.Pattern
        The compiled pattern.

    Examples
    --------
    >>> compile_pattern(r"\\L<w>s", w=["cat", "dog"]).findall("dogs cats")
    ['dogs', 'cats']
    """
    entry = _table().get(key_of(source, flags, lists)) if source else None
    if entry is not None:
        try:
            pattern: regex.Pattern[str] = _C.compile(*_thaw(entry))
            return pattern
        except Exception:  # a C module that reads the code otherwise: compile it
            pass
    compile_any: Any = regex.compile  # its stub takes no named lists
    fresh: regex.Pattern[str] = compile_any(source, flags, **lists)
    return fresh
