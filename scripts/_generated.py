"""The ``main`` the generator scripts share: write their files, or check them with ``--check``.

Each ``scripts/make_*.py`` builds the bytes or text of files the package ships (indexes,
caches, data); :func:`write_or_check` writes them, or with ``--check`` reports each file
that differs from what the script would write now and returns 1, so that a test (and CI)
can say which script to run.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     out = pathlib.Path(d) / "a.txt"
...     write_or_check({out: "new"}, check=True, script="make_a.py")
...     write_or_check({out: "new"}, check=False, script="make_a.py")
...     write_or_check({out: "new"}, check=True, script="make_a.py")  # doctest: +ELLIPSIS
1
wrote ...a.txt
0
0
"""

from __future__ import annotations

import pathlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def _same(data: bytes | str) -> Any:
    return data


def write_or_check(
    outputs: Mapping[pathlib.Path, bytes | str],
    *,
    check: bool,
    script: str,
    unpack: Callable[[bytes], Any] | None = None,
) -> int:
    """Write ``outputs`` (path -> bytes, or text written as UTF-8), or check them; the exit code.

    Parameters
    ----------
    outputs
        Every file the script makes, with its new content.
    check
        Compare instead of writing: 1 if any file is missing or differs, else 0.
    script
        The script's name, said in the message of a stale file.
    unpack
        Applied to both sides of a comparison of bytes (``zlib.decompress``: another
        zlib may compress the same bytes differently).
    """
    stale = 0
    for out, data in outputs.items():
        if check:
            if isinstance(data, str):
                same = out.exists() and out.read_text(encoding="utf-8") == data
            else:
                norm = unpack or _same
                same = out.exists() and norm(out.read_bytes()) == norm(data)
            if not same:
                print(f"{out} is stale: run python scripts/{script}", file=sys.stderr)
                stale = 1
            continue
        if isinstance(data, str):
            out.write_text(data, encoding="utf-8")
            print(f"wrote {out}")
        else:
            out.write_bytes(data)
            print(f"wrote {out} ({len(data) // 1000} KB)")
    return stale
