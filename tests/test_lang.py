"""Language detection: deterministic, bounded, across processes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from osintparse.lang import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les soldats sont arrivés dans la ville selon le ministère de la défense.", "fr"),
        ("The soldiers arrived in the city, according to the defence ministry.", "en"),
        ("Kyiv says Russia fired 40 missiles overnight", "en"),
        ("Moscou dément toute implication", "fr"),
    ],
)
def test_detects_fr_and_en(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_same_result_in_other_processes_with_other_hash_seeds(seed_text: str) -> None:
    code = (
        "import sys, osintparse; t = sys.stdin.read(); "
        "print(osintparse.parse(t).lang, osintparse.parse('Moscou dément').lang)"
    )
    outs = set()
    for hashseed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        r = subprocess.run(
            [sys.executable, "-c", code],
            input=seed_text.encode(),
            capture_output=True,
            env=env,
            timeout=120,
            check=True,
        )
        outs.add(r.stdout)
    assert len(outs) == 1
    assert outs.pop().split()[0] == b"fr"
