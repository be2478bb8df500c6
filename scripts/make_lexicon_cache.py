"""Build ``osintparse/lexicons/_parsed.zlib``: the package's TOML files, parsed.

Every ``*.toml`` file under ``osintparse/lexicons/`` (and every generated ``*.json`` file of
``_common/``) is listed with its text and its parsed data; the loader reads a file's data
from there when the file's text is the one listed (see ``osintparse/lexicons/__init__.py``),
and parses the file otherwise. With each lexicon file is listed the text of its schema when
the file passed it here: the loader does not check such a file again while its schema's
text is the same. A stale file costs time, never correctness, except for a change of the
checking code itself, which ``--check`` reports (every file is checked again here). It is
generated, never edited: run this script after changing a lexicon file, a schema or the
checking code; ``tests/test_lexicons.py`` runs ``--check``.

Usage::

    python scripts/make_lexicon_cache.py          # rewrite the file
    python scripts/make_lexicon_cache.py --check  # exit 1 if the file is stale
"""

from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def build() -> bytes:
    """The bytes of the file, from the TOML (and generated JSON) files of the package."""
    import json
    import tomllib

    from osintparse import lexicons

    folder = lexicons.PARSED_FILE.parent
    tomls = sorted(folder.rglob("*.toml"))
    jsons = sorted((folder / "_common").glob("*.json"))
    checked: dict[str, list[str]] = {}
    for path in [*tomls, *jsons]:
        relative = path.relative_to(folder)
        if relative.parts[0] == "_schema":
            continue
        if relative.parts[0] == "_common":
            schema = folder / "_schema" / "_common" / f"{path.stem}.toml"
        else:
            schema = folder / "_schema" / f"{path.stem}.toml"
        if not schema.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        schema_text = schema.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
        if not list(lexicons._check(data, tomllib.loads(schema_text), "")):
            checked.setdefault(text, []).append(schema_text)
    return lexicons.dump_parsed(
        [p.read_text(encoding="utf-8") for p in tomls],
        json_texts=[p.read_text(encoding="utf-8") for p in jsons],
        checked=checked,
    )


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
        outputs, check=args.check, script="make_lexicon_cache.py", unpack=lexicons.read_parsed
    )


if __name__ == "__main__":
    sys.exit(main())
