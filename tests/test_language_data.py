"""Languages are data: no Python file names a language or its words; a copy of a
language's data under another code behaves identically; a language that an external
parser does not support degrades to osintparse's own rules."""

from __future__ import annotations

import ast
import functools
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tomllib

import attrs
import pytest
import regex

import osintparse
from osintparse import lexicons, model

PACKAGE = pathlib.Path(osintparse.__file__).resolve().parent
SEED = pathlib.Path(__file__).resolve().parents[1] / "seeds" / "000_f65f4b272ae20413.txt"

# Words that are both lexicon data and code vocabulary: identifiers of the data model,
# lexicon keys, layer names. A string constant equal to one of these names a field or a
# key, not a word of a language.
_CODE_WORDS = frozenset(
    {"text", "start", "end", "value", "low", "high", "unit", "noun", "rule", "kind", "label"}
    | {"data", "source", "cue", "stance", "section", "title", "id", "url", "author", "lang"}
    | {"article", "claim", "claims", "group", "figure", "figures", "any", "long"}
    # an attribution construction and cue kind ("In X's view"); command-line option values
    | {"view", "yes", "always"}
    | {"conflict"}  # a column of osintparse.comparison's records
    # TIMEX3 codes of TimeML (parts of day, seasons), not words of a language
    | {"MO", "AF", "EV", "NI", "WI", "SP", "SU", "FA", "WE"}
    | {"letter", "det"}  # group names of the dates engine's patterns (dates/_rules.py)
    # the vocabulary of the formats the package reads and writes: HTML tag names
    # (io/html.py) and JSON Schema keywords (io/serialise.py json_schema)
    | {"form", "hr", "th", "type", "number", "minimum", "maximum"}
    # GeoJSON geometry types (RFC 7946) of the map's export (maps.py)
    | {"Point"}
    # attribute names of the command line's parsed arguments (cli.py: dest="extra")
    | {"extra"}
)


# Tables of places.toml keyed by identifiers (ISO 3166 codes, GeoNames ids, area ids).
_ID_TABLES = ("countries", "capitals", "cities", "areas", "demonyms")


def _identifiers() -> set[str]:
    """Keys of places.toml that are identifiers, not words ("SX", "FI"), unless they are
    also words of a lexicon ("to", "in" stay words)."""
    ids: set[str] = set()
    for lang in lexicons.supported_languages():
        for table in _ID_TABLES:
            ids.update(lexicons.load(lang, "places")[table])
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            words.update(k.casefold() for k in value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            words.add(value.casefold())

    for lang in lexicons.supported_languages():
        for name in lexicons.lexicon_names(lang):
            data = lexicons.load(lang, name)
            if name == "places":
                data = {k: v for k, v in data.items() if k not in _ID_TABLES}
                for table in _ID_TABLES:
                    walk(list(lexicons.load(lang, name)[table].values()))
            walk(data)
    return {i for i in ids if i.casefold() not in words}


# User-interface strings (English, like every message of the package), by file: they
# label output, they are not language data the engines read.
_UI_STRINGS = {
    ("osintparse/model.py", "by "),
    ("osintparse/comparison.py", " vs "),
    ("osintparse/io/serialise.py", "line "),
    ("osintparse/text.py", "st"),  # the expansion of the ligatures U+FB05 and U+FB06
    ("osintparse/text.py", "\ufb05"),
    ("osintparse/text.py", "\ufb06"),
    ("osintparse/io/html.py", "address"),  # the HTML element <address>, no English word
    ("osintparse/_patterns.py", "split"),  # regex.Pattern.split, a method name
}


def _schema_keys() -> set[str]:
    keys: set[str] = set()

    def walk(d: dict[str, object]) -> None:
        for k, v in d.items():
            keys.add(k.rstrip("?"))
            if isinstance(v, dict):
                walk(v)

    for name in lexicons.schema_names():
        walk(tomllib.loads((PACKAGE / "lexicons" / "_schema" / f"{name}.toml").read_text()))
    return keys


def _model_names() -> set[str]:
    names: set[str] = set()
    for obj in vars(model).values():
        if isinstance(obj, type) and attrs.has(obj):
            names.update(f.name for f in attrs.fields(obj))
        if isinstance(obj, type) and issubclass(obj, str) and obj is not str:
            names.update(str(m.value) for m in obj)  # type: ignore[attr-defined]
    return names


def _schema_choices() -> set[str]:
    """Identifiers a schema declares (``first|last``): code and data share them."""
    found: set[str] = set()
    for name in lexicons.schema_names():
        text = (PACKAGE / "lexicons" / "_schema" / f"{name}.toml").read_text()
        for choice in regex.findall(r'["\[]([\w|]+\|[\w|]+)["\]]', text):  # "a|b", list[a|b]
            found.update(choice.split("|"))
    return found


@functools.cache
def _package_names() -> frozenset[str]:
    """Names of classes, functions and ``__all__`` entries of the package (parsed once)."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef | ast.FunctionDef):
                names.add(node.name)
    return frozenset(names)


def _lexicon_words() -> frozenset[str]:
    words: set[str] = set()
    for w in lexicons.all_strings(numbers=False):
        w = w.strip().casefold()
        if regex.fullmatch(r"[\p{L}' -]+", w) and len(regex.findall(r"\p{L}", w)) >= 2:
            words.add(w)
    allowed = _CODE_WORDS | _schema_keys() | _model_names() | _schema_choices() | _identifiers()
    return frozenset(words - {a.casefold() for a in allowed})


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


# Methods of a regex match whose string argument is a group name, not a word.
_GROUP_METHODS = frozenset({"group", "start", "end", "span", "captures", "starts", "ends", "spans"})


def _not_data(tree: ast.AST) -> set[int]:
    """Constants that cannot be language data: docstrings, pieces of f-strings and of
    exception messages (English user-interface text), annotations, group names."""
    ids = _docstrings(tree)

    def all_constants(node: ast.AST | None) -> None:
        for sub in ast.walk(node) if node is not None else ():
            if isinstance(sub, ast.Constant):
                ids.add(id(sub))

    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr | ast.Raise):
            all_constants(node)
        elif isinstance(node, ast.AnnAssign | ast.arg):
            all_constants(node.annotation)
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            all_constants(node.value)  # Python names

        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            all_constants(node.returns)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _GROUP_METHODS
        ):
            for arg in node.args:
                all_constants(arg)
    return ids


# A regex-looking constant: its letter runs outside escapes are words it matches.
_REGEXY = regex.compile(r"\(\?|\\[sdwpbSWDPB]|\[\^?\\")
# Character classes ("[eE]", "[^\\s]"): their letters are not words.
_CLASSES = regex.compile(r"\[(?:\\.|[^\]\\])*\]")
_ESCAPES = regex.compile(
    r"\(\?P<\w+>|\(\?P=\w+\)|\\[pP]\{[^}]*\}|\\[a-zA-Z]|\(\?[a-zA-Z]*[:)=!<]|\\g<\w+>"
)


def _offences(path: pathlib.Path, words: frozenset[str], codes: frozenset[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _not_data(tree)
    own = _package_names()
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) in skip:
            continue
        value = node.value
        key = value.strip().casefold()
        if value.strip() in own:
            continue
        rel = str(path.relative_to(PACKAGE.parent))
        if (rel, value) in _UI_STRINGS:
            continue
        where = f"{rel}:{node.lineno}"
        if key in codes:
            found.append(f"{where}: language code {value!r}")
        elif key in words:
            found.append(f"{where}: lexicon word {value!r}")
        elif _REGEXY.search(value):
            bare = _CLASSES.sub(" ", _ESCAPES.sub(" ", value))
            for run in regex.findall(r"\p{L}{2,}", bare):
                if run.casefold() in words:
                    found.append(f"{where}: lexicon word {run!r} in pattern {value[:40]!r}")
    return found


def test_no_python_file_names_a_language_or_its_words() -> None:
    words = _lexicon_words()
    codes = frozenset(lexicons.supported_languages())
    offences: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "lexicons" in path.relative_to(PACKAGE).parts:
            continue
        offences += _offences(path, words, codes)
    assert offences == [], "language data in code:\n" + "\n".join(offences)


def _copy_language(tmp_path: pathlib.Path, src: str, code: str, **parsers: str) -> pathlib.Path:
    root = tmp_path / "langs"
    shutil.copytree(PACKAGE / "lexicons" / src, root / code)
    if parsers:
        path = root / code / "language.toml"
        text = path.read_text(encoding="utf-8")
        for parser, value in parsers.items():
            text = regex.sub(rf'(?m)^{parser} = ".*"$', f'{parser} = "{value}"', text)
        path.write_text(text, encoding="utf-8")
    return root


_PROBE = r"""
import json, sys, osintparse
from osintparse.io.serialise import to_dict
out = {}
for code in sys.argv[2:]:
    docs = []
    for text in json.loads(sys.argv[1]):
        d = to_dict(osintparse.parse(text, lang=code, published="2025-05-06"))
        d.pop("lang")
        docs.append(d)
    out[code] = docs
print(json.dumps(out, sort_keys=True, default=str))
"""

_EN_TEXTS = [
    "Ukraine says it shot down 30 of 42 drones\n\nKyiv, March 12 (Reuters) - More than "
    "10,000 North Korean soldiers were deployed last week, officials said on Tuesday. "
    "The Pentagon estimated that about 1,200 had been killed or wounded by 3/4/2025.",
    "According to the ministry, two hundred and fifty troops arrived on 12/03/24 at 14 h. "
    "They reportedly lost $2.5 billion, some 40% of the budget, in the spring of 2024.",
]


def _probe(root: pathlib.Path, texts: list[str], *codes: str) -> dict[str, list[object]]:
    env = {**os.environ, lexicons.ENV_PATH: str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(texts), *codes],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


def test_a_copy_of_english_data_under_another_code_gives_identical_results(
    tmp_path: pathlib.Path,
) -> None:
    root = _copy_language(tmp_path, "en", "zz")
    out = _probe(root, _EN_TEXTS, "en", "zz")
    assert out["zz"] == out["en"]
    assert any(doc["quantities"] for doc in out["zz"])  # type: ignore[index]


def test_a_copy_of_french_data_under_another_code_gives_identical_results(
    tmp_path: pathlib.Path,
) -> None:
    root = _copy_language(tmp_path, "fr", "zy")
    out = _probe(root, [SEED.read_text(encoding="utf-8")], "fr", "zy")
    assert out["zy"] == out["fr"]


def test_a_language_external_parsers_do_not_support_degrades_without_crashing(
    tmp_path: pathlib.Path,
) -> None:
    root = _copy_language(tmp_path, "en", "zx", text2num="", dateparser="")
    out = _probe(root, _EN_TEXTS, "en", "zx")
    zx, en = out["zx"], out["en"]
    # Own rules still find figures written in digits and dates written in full.
    assert (
        [q["value"] for q in zx[0]["quantities"]][:1]
        == [  # type: ignore[index]
            q["value"]
            for q in en[0]["quantities"]  # type: ignore[index]
        ][:1]
    )
    assert zx[0]["dates"]  # type: ignore[index]


def test_an_unknown_lexicon_key_names_the_file_and_the_key(tmp_path: pathlib.Path) -> None:
    root = _copy_language(tmp_path, "en", "zw")
    path = root / "zw" / "numbers.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[slash_fractions]", "[slash_fraction]"),
        encoding="utf-8",
    )
    env = {**os.environ, lexicons.ENV_PATH: str(root)}
    code = "import osintparse; osintparse.parse('12 soldiers', lang='zw')"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode != 0
    assert "LexiconError" in done.stderr
    assert "lexicons/zw/numbers.toml" in done.stderr
    assert "'slash_fraction'" in done.stderr


@pytest.mark.parametrize("lang", lexicons.supported_languages())
def test_every_language_has_every_lexicon_file_and_each_matches_its_schema(lang: str) -> None:
    assert set(lexicons.lexicon_names(lang)) == set(lexicons.schema_names())
    for name in lexicons.schema_names():
        assert isinstance(lexicons.load(lang, name), dict)
