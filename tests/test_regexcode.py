"""The shipped code of the engines' patterns (``osintparse/_regexcode.zlib``).

``scripts/make_regex_code.py`` writes it; a pattern it lists is built from its stored
opcodes instead of being compiled by the ``regex`` module's Python compiler.
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

import regex

from osintparse import _regexcode

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("*.txt"))


def test_shipped_regex_code_is_current() -> None:
    """The file lists what the script records now (run it after changing a pattern or a
    lexicon, or after upgrading regex)."""
    out = subprocess.run(
        [sys.executable, "scripts/make_regex_code.py", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr


def test_listed_patterns_are_the_patterns_regex_compiles() -> None:
    """Every listed pattern, built from the file, has the source, flags, groups and named
    lists of :func:`regex.compile`'s, and finds the same matches in the seed."""
    listed = _regexcode.read(_regexcode.CODE_FILE.read_bytes(), regex.__version__)
    assert listed is not None
    table, _ = listed
    assert len(table) > 100
    text = SEED.read_text(encoding="utf-8")
    texts = (text, text.lower(), "Le 12 mars 2024, selon lui, 300 soldats ; in May 2023, he said.")
    for (source, flags, lists), entry in table.items():
        assert _regexcode._table().code((source, flags, lists)) == entry
        named = {name: list(words) for name, words in lists}
        shipped = _regexcode.compile_pattern(source, flags, **named)
        fresh = regex.compile(source, flags, cache_pattern=False, **named)
        assert shipped is not fresh
        assert (shipped.pattern, shipped.flags, shipped.groupindex, shipped.groups) == (
            fresh.pattern,
            fresh.flags,
            fresh.groupindex,
            fresh.groups,
        )
        assert shipped.named_lists == fresh.named_lists
        for t in texts:
            got = [m.span() for m in shipped.finditer(t)]
            assert got == [m.span() for m in fresh.finditer(t)], source[:80]


def test_entries_round_trip_and_other_versions_are_refused() -> None:
    """The file reads back what was written, only under the regex version it was stamped
    with; malformed bytes read as None (every pattern is then compiled)."""
    source, flags = r"(?P<m>\L<months>)\s\d+", int(regex.IGNORECASE | regex.V0)
    lists = {"months": ["mars", "mai"]}
    key = _regexcode.key_of(source, flags, lists)
    entry = ("x", 1, [1, 2], {"m": 1}, {1: "m"}, {"months": ["mai", "mars"]}, [], 0, (), 0, 1)
    built = {("alternation", ("mai", "mars"), False, True, r"\s"): "(?:ma(?:i|rs))"}
    data = _regexcode.dump({key: entry}, "2026.1.1", built)
    assert _regexcode.read(data, "2026.1.1") == ({key: entry}, built)
    assert _regexcode.read(data, "2026.1.2") is None
    assert _regexcode.read(b"not a file", "2026.1.1") is None
    assert _regexcode.read(data[:-3], "2026.1.1") is None
    table = _regexcode._table_of(data, "2026.1.1")
    assert table is not None
    assert _regexcode._table_of(data, "2026.1.2") is None
    assert table.code(key) == entry
    assert table.source(next(iter(built))) == "(?:ma(?:i|rs))"
    assert table.code(_regexcode.key_of(source, flags, {"months": ["mai"]})) is None


def test_a_block_under_another_key_is_not_used() -> None:
    """A block found under a key's checksum whose stored key is another one (a collision, or
    a damaged file) is not used: the pattern is compiled, the source built."""
    key = _regexcode.key_of("a+", 0, {})
    other = _regexcode.key_of("b+", 0, {})
    source_key = ("alternation", ("a",), False, True, "")
    table = _regexcode._Table(
        {_regexcode._checksum(key): _regexcode._block(other, ("b+", 0))},
        {_regexcode._checksum(source_key): _regexcode._block(("x",), "(?:b)")},
    )
    assert table.code(key) is None
    assert table.source(source_key) is None


def test_listed_sources_are_the_sources_built() -> None:
    """Every pattern source the file lists is what :func:`_patterns._trie` builds from its
    arguments, and the first parse's word lists are listed."""
    from osintparse import _patterns

    listed = _regexcode.read(_regexcode.CODE_FILE.read_bytes(), regex.__version__)
    assert listed is not None
    _, sources = listed
    assert len(sources) > 100
    for (builder, words, boundary, apostrophes, gap), source in sources.items():
        assert builder == "alternation"
        assert list(words) == sorted(set(words))
        assert _patterns._trie(words, boundary, apostrophes, gap) == source
        assert _regexcode.shipped_source((builder, words, boundary, apostrophes, gap)) == source
        assert (
            _patterns.alternation(
                reversed(words), boundary=boundary, apostrophes=apostrophes, gap=gap
            )
            == source
        )


def test_unlisted_pattern_is_compiled() -> None:
    """A pattern the file does not list (another source, flags or list) is compiled."""
    p = _regexcode.compile_pattern(r"\L<w>-\d", regex.IGNORECASE, w=["ab", "cd"])
    assert p.findall("AB-1 cd-2 ef-3") == ["AB-1", "cd-2"]
    assert _regexcode.compile_pattern("").match("x") is not None


def test_first_parse_compiles_no_listed_pattern() -> None:
    """The first parse of the seed in a fresh process hands no pattern to the regex module's
    Python compiler: the engines' large patterns and the constants their modules compile
    when imported are all listed (a pattern compiled after it is seen by the spy)."""
    code = (
        "import sys, regex, osintparse\n"
        "from regex import _main\n"
        "from osintparse import _regexcode\n"
        "seen = []\n"
        "orig = _main._compile\n"
        "def spy(pattern, *a):\n"
        "    seen.append(pattern)\n"
        "    return orig(pattern, *a)\n"
        "_main._compile = spy\n"
        f"osintparse.parse(open({str(SEED)!r}, encoding='utf-8').read())\n"
        "entries = _regexcode.read(_regexcode.CODE_FILE.read_bytes(), regex.__version__)[0]\n"
        "listed = {k[0] for k in entries}\n"
        "first = len(seen)\n"
        "print(*seen, sep='\\n', file=sys.stderr)\n"
        "regex.compile('a pattern no engine has (?:x|y)+', cache_pattern=False)\n"
        "print(first, len(seen) - first, sum(p in listed for p in seen), max(map(len, listed)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    compiled, after, listed, longest = map(int, out.stdout.split())
    assert after == 1  # the spy sees what is compiled
    assert compiled == 0, (
        "compiled by the regex module's Python compiler in the first parse (compile a module "
        "constant with _regexcode.compile_pattern, then run scripts/make_regex_code.py):\n"
        + out.stderr
    )
    assert listed == 0, out.stdout
    assert longest > 10_000  # the master pattern of the dates rules
