"""The command line: formats, stdin, errors with one clear line and non-zero exit."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

import osintparse
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


def test_csv_one_row_per_claim_with_the_table_columns(seed: osintparse.Article) -> None:
    import csv
    import io

    from osintparse import tables

    r = run(str(SEED_PATH), "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"))))
    assert list(rows[0]) == list(tables.columns("claims"))
    assert len(rows) == len(seed.claims)
    for row, item in zip(rows, seed.claims, strict=True):
        assert row["article_id"] == str(SEED_PATH)
        assert row["layer"] == "claims"
        assert seed.text[int(row["start"]) : int(row["end"])] == row["text"] == item.text
    headings = {row["section"] for row in rows}
    assert "La position de la Corée du Nord vis-à-vis de la Russie" in headings
    first = next(r for r in rows if "10 000" in r["text"])
    assert first["stance"] == "reported"
    assert "intelligence" in first["source_kinds"]
    assert first["figures"].startswith(">10 000 militaires")
    assert r.stderr == b""  # not a terminal, no --progress: no bar


def test_csv_of_another_layer_and_a_bad_layer() -> None:
    import csv
    import io

    r = run(str(SEED_PATH), "--format", "csv", "--layer", "dates")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"))))
    assert [(x["text"], x["value"], x["value_end"], x["precision"]) for x in rows] == [
        ("avril 2025", "2025-04-01", "2025-04-30", "month")
    ]
    bad = run(str(SEED_PATH), "--format", "csv", "--layer", "title")
    assert bad.returncode == 2
    assert b"--layer 'title' is not a layer" in bad.stderr


def test_progress_bar_on_request(tmp_path: pathlib.Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("Titre\n\nUne phrase.", encoding="utf-8")
    r = run(str(SEED_PATH), str(other), "--format", "jsonl", "--progress")
    assert r.returncode == 0
    assert len(r.stdout.decode().splitlines()) == 2
    assert "2/2" in r.stderr.decode()
    quiet = run(str(SEED_PATH), str(other), "--format", "jsonl", "--no-progress")
    assert quiet.stderr == b""


def test_progress_without_tqdm(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    path = str(SEED_PATH)
    assert main([path, path, "--format", "jsonl", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "osintparse: 2/2 files" in err


def _article_tree(root: pathlib.Path) -> tuple[list[pathlib.Path], list[pathlib.Path]]:
    """100 *.txt entries under root (nested), 5 of them bad; plus files to ignore."""
    seed = SEED_PATH.read_text(encoding="utf-8")
    good: list[pathlib.Path] = []
    for i in range(95):
        folder = root / f"batch{i % 3}" / ("deep" if i % 5 == 0 else "")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"article{i:03d}.txt"
        if i % 2:
            text = seed[i * 40 : i * 40 + 1500]
        else:
            text = f"Title {i}\n\nThe ministry said {i} soldiers left. They went home."
        path.write_text(text if i != 7 else "", encoding="utf-8")  # one empty article
        good.append(path)
    latin1 = root / "batch0" / "latin1.txt"
    latin1.write_bytes("Séoul a déclaré".encode("latin-1"))
    binary = root / "batch1" / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    a_dir = root / "batch2" / "folder.txt"  # a directory named like an article
    a_dir.mkdir()
    broken = root / "broken.txt"
    broken.symlink_to(root / "gone.txt")
    loop = root / "batch1" / "loop.txt"
    loop.symlink_to(loop)
    bad = [latin1, binary, a_dir, broken, loop]
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    (root / "batch0" / "image.png").write_bytes(b"\x00\x01")
    return good, bad


def test_directory_of_100_files_with_bad_ones(tmp_path: pathlib.Path) -> None:
    good, bad = _article_tree(tmp_path)
    assert len(good) + len(bad) == 100
    r = run(str(tmp_path), "--format", "jsonl")
    assert r.returncode == 1
    lines = r.stdout.decode().splitlines()
    assert len(lines) == len(good)  # no output lost
    expected = sorted(good)
    texts = [json.loads(line)["text"] for line in lines]
    assert texts == [p.read_text(encoding="utf-8") for p in expected]  # sorted order
    err = r.stderr.decode().splitlines()
    assert len(err) == len(bad), err
    for path in bad:
        assert sum(str(path) in line for line in err) == 1, (path, err)
    assert all(line.startswith("osintparse: error: ") for line in err)
    assert "notes.md" not in r.stderr.decode() + r.stdout.decode()


def test_directory_json_and_text_formats(tmp_path: pathlib.Path) -> None:
    good, _ = _article_tree(tmp_path)
    r = run(str(tmp_path), "--format", "json", "--lang", "en")
    assert r.returncode == 1
    assert len(json.loads(r.stdout)) == len(good)
    r = run(str(tmp_path / "batch0"), "--format", "text")
    assert r.returncode == 1  # latin1.txt
    out = r.stdout.decode()
    first = sorted(p for p in good if tmp_path / "batch0" in p.parents)[0]
    assert f"== {first} ==" in out


def test_empty_directory_is_an_error(tmp_path: pathlib.Path) -> None:
    (tmp_path / "empty").mkdir()
    r = run(str(tmp_path / "empty"), str(SEED_PATH), "--format", "jsonl")
    assert r.returncode == 1
    assert "no *.txt file" in r.stderr.decode()
    assert len(r.stdout.decode().splitlines()) == 1


def test_help_documents_directories() -> None:
    r = run("--help")
    assert "directory" in r.stdout.decode()
    assert "recursively" in r.stdout.decode()
