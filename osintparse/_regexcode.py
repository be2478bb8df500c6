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

The file also holds the pattern sources :func:`osintparse._patterns.alternation` built from
the lexicons' word lists for those parses (:func:`shipped_source`): building the trie of a
list of a thousand words in Python takes milliseconds, and the first parse builds some
two hundred.

Each entry is compressed on its own and stored under a 64-bit checksum of its key, with its
key: a process reads the table of checksums, and decompresses only the entries it asks for
(a first parse asks for a tenth of them), after checking that the stored key is the one
asked for. A checksum says where to look, never what matches.

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

__all__ = [
    "CODE_FILE",
    "FORMAT",
    "Key",
    "SourceKey",
    "compile_pattern",
    "dump",
    "key_of",
    "read",
    "shipped_source",
]

CODE_FILE = pathlib.Path(__file__).with_name("_regexcode.zlib")
#: The first item of the file: the layout of an entry (bumped when it changes).
FORMAT = "osintparse regex code 2"
#: marshal version 2 writes no back references, so the bytes do not depend on the
#: reference counts of the objects written (version 3 and later do).
_MARSHAL_VERSION = 2

_C: Any = importlib.import_module("regex._regex")  # its C module: no stub lists this

#: A pattern as compiled: its source, its flags, and its named lists (sorted words).
Key = tuple[str, int, tuple[tuple[str, tuple[str, ...]], ...]]
#: The arguments of a pattern source built from words (see :func:`shipped_source`): what
#: builds it (``"alternation"``), then its arguments.
SourceKey = tuple[Any, ...]


def key_of(source: str, flags: int, lists: Mapping[str, Iterable[str]]) -> Key:
    """The key of a pattern in the file.

    Examples
    --------
    >>> key_of("a", regex.I, {"m": ["b", "a"]})
    ('a', 2, (('m', ('a', 'b')),))
    """
    return (source, int(flags), tuple((n, tuple(sorted(lists[n]))) for n in sorted(lists)))


def _checksum(key: tuple[Any, ...]) -> int:
    """Where an entry of ``key`` is stored: 64 bits of checksums of its marshalled bytes.

    Not a proof of identity: an entry found under it is used only if its stored key is
    ``key``.
    """
    data = marshal.dumps(key, _MARSHAL_VERSION)
    return zlib.crc32(data) << 32 | zlib.adler32(data)


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


def _block(key: tuple[Any, ...], value: Any) -> bytes:
    """One stored entry: its key and value, marshalled and compressed."""
    return zlib.compress(marshal.dumps((key, value), _MARSHAL_VERSION), 9)


def _blocks(items: Iterable[tuple[tuple[Any, ...], Any]]) -> dict[int, bytes]:
    """Checksum -> block of every entry, sorted by checksum (the same bytes in every run).

    Raises
    ------
    ValueError
        If two keys share a checksum (never seen; the script would have to store a list).
    """
    out: dict[int, bytes] = {}
    for key, value in items:
        at = _checksum(key)
        if at in out:
            raise ValueError(f"two keys of the regex code file share the checksum {at}")
        out[at] = _block(key, value)
    return dict(sorted(out.items()))


def dump(
    entries: Mapping[Key, tuple[Any, ...]],
    version: str,
    sources: Mapping[SourceKey, str] | None = None,
) -> bytes:
    """The file's bytes: the format, the ``regex`` version, the blocks of the patterns'
    entries and of the pattern sources, each table sorted by checksum.

    Examples
    --------
    >>> key = key_of("a+", 0, {})
    >>> data = dump({key: ("a+", 0)}, "1.0", {("alternation", ("a",)): "(?:a)"})
    >>> read(data, "1.0")[0] == {key: ("a+", 0)}, read(data, "2.0")
    (True, None)
    """
    code = _blocks(entries.items())
    built = _blocks((sources or {}).items())
    return marshal.dumps([FORMAT, version, code, built], _MARSHAL_VERSION)


class _Table:
    """The file's blocks, read on demand: the entry stored for a key, or None."""

    def __init__(self, code: Mapping[int, bytes], sources: Mapping[int, bytes]) -> None:
        self._code = code
        self._sources = sources

    @staticmethod
    def _find(blocks: Mapping[int, bytes], key: tuple[Any, ...]) -> Any:
        block = blocks.get(_checksum(key))
        if block is None:
            return None
        stored, value = marshal.loads(zlib.decompress(block))
        return value if stored == key else None

    def code(self, key: Key) -> tuple[Any, ...] | None:
        """The stored entry of a pattern."""
        entry = self._find(self._code, key)
        return None if entry is None else tuple(entry)

    def source(self, key: SourceKey) -> str | None:
        """The stored pattern source built from ``key``'s arguments."""
        source = self._find(self._sources, key)
        return source if isinstance(source, str) else None

    def __len__(self) -> int:
        return len(self._code)


def _table_of(data: bytes, version: str) -> _Table | None:
    try:
        fmt, stamp, code, sources = marshal.loads(data)
    except (ValueError, TypeError, EOFError):
        return None
    if fmt != FORMAT or stamp != version:
        return None
    return _Table(code, sources)


def read(
    data: bytes, version: str
) -> tuple[dict[Key, tuple[Any, ...]], dict[SourceKey, str]] | None:
    """Every entry of a file's bytes, the patterns' and the sources', or None if they are
    not of this format and version (or a block is damaged)."""
    try:
        fmt, stamp, code, sources = marshal.loads(data)
        if fmt != FORMAT or stamp != version:
            return None
        entries: dict[Key, tuple[Any, ...]] = {}
        for block in code.values():
            key, value = marshal.loads(zlib.decompress(block))
            entries[key] = tuple(value)
        built: dict[SourceKey, str] = {}
        for block in sources.values():
            key, value = marshal.loads(zlib.decompress(block))
            built[key] = value
        return entries, built
    except (ValueError, TypeError, EOFError, AttributeError, zlib.error):
        return None


@once
def _table() -> _Table:
    try:
        data = CODE_FILE.read_bytes()
    except OSError:
        return _Table({}, {})
    return _table_of(data, regex.__version__) or _Table({}, {})


def _stored(find: Any, key: Any) -> Any:
    """``find(key)``, or None when the file's block is damaged (then the caller builds)."""
    try:
        return find(key)
    except (ValueError, TypeError, EOFError, zlib.error):
        return None


def shipped_source(key: SourceKey) -> str | None:
    """The pattern source the file lists for ``key`` (the builder's name and arguments),
    or None: the caller builds it then.

    Examples
    --------
    >>> shipped_source(("alternation", ("no such word list",), False, True, "")) is None
    True
    """
    found: str | None = _stored(_table().source, key)
    return found


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
    entry = _stored(_table().code, key_of(source, flags, lists)) if source else None
    if entry is not None:
        try:
            pattern: regex.Pattern[str] = _C.compile(*_thaw(entry))
            return pattern
        except Exception:  # a C module that reads the code otherwise: compile it
            pass
    compile_any: Any = regex.compile  # its stub takes no named lists
    fresh: regex.Pattern[str] = compile_any(source, flags, **lists)
    return fresh
