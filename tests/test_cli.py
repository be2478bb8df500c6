"""The command line: formats, stdin, errors with one clear line and non-zero exit."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from osintparse.cli import main
from tests.conftest import SEED_PATH


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "osintparse", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_text_outline_of_seed() -> None:
    r = run(str(SEED_PATH))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert out.startswith("# Pyongyang à la frontière")
    assert "## La Corée du Nord et la Russie : coopération et projets militaires" in out
    assert "Retour en haut" not in out


def test_json_and_jsonl(tmp_path: pathlib.Path) -> None:
    r = run(str(SEED_PATH), "--format", "json", "--published", "2025-05-01")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert data["lang"] == "fr"
    assert data["published"] == "2025-05-01"
    other = tmp_path / "b.txt"
    other.write_text("Title\n\nThe army said 300 soldiers left. They went home.", encoding="utf-8")
    r = run(str(SEED_PATH), str(other), "--format", "jsonl")
    lines = r.stdout.decode().splitlines()
    assert [json.loads(x)["lang"] for x in lines] == ["fr", "en"]


def test_stdin() -> None:
    r = run("-", "--lang", "fr", "--format", "jsonl", stdin=b"Un texte. Deux.")
    assert r.returncode == 0
    assert len(json.loads(r.stdout)["sentences"]) == 2


def test_missing_file_and_bad_bytes(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Séoul a déclaré".encode("latin-1"))
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02PNG")
    r = run(
        str(tmp_path / "missing.txt"), str(bad), str(binary), str(SEED_PATH), "--format", "jsonl"
    )
    assert r.returncode == 1
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 3
    assert "missing.txt" in err[0]
    assert "cannot read" in err[0]
    assert "latin1.txt" in err[1]
    assert "UTF-8" in err[1]
    assert "x.bin" in err[2]
    assert "binary" in err[2]
    assert len(r.stdout.decode().splitlines()) == 1  # the good file still parsed


@pytest.mark.parametrize(
    ("args", "needle"),
    [(["--published", "soon"], "ISO 8601"), (["--lang", "xx"], "not supported")],
)
def test_bad_options_exit_2(args: list[str], needle: str) -> None:
    r = run(str(SEED_PATH), *args)
    assert r.returncode == 2
    assert needle in r.stderr.decode()
    assert r.stderr.decode().count("error") == 1


def test_main_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED_PATH), "--format", "text"]) == 0
    assert "lang: fr" in capsys.readouterr().out
