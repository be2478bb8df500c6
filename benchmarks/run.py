"""osintparse benchmark: speed against the peers, linearity, memory, import time, batch.

Run from the repository root::

    python -m benchmarks            # full run (a few minutes on 2 cores)
    python -m benchmarks --quick    # fewer repetitions, peers capped at 100 KB
    python -m benchmarks --json figures.json --strict
    python -m benchmarks --write-docs       # full run + bounds; rewrite the docs' figures

Every figure is a median over repeated runs in this one process, on the same
texts, after one warm-up call of each tool (so first-use imports and caches are
not counted, except where the figure is about them: import time and the first
parse run in fresh subprocesses). Per-article times are CPU time of this
process (what one core spends; on a dedicated machine it equals wall time, and
it stays honest when other processes share the cores), and so is the import
time (wall time printed beside it); ``parse_many`` throughput is wall time,
since its work happens in other processes.

The peers are the tools a user would otherwise assemble:
``dateparser.search.search_dates(text, languages=[lang])``,
``quantulum3.parser.parse(text)`` and ``langdetect.detect(text)`` (seeded).
They grow faster than linearly with the text, so their repetitions are capped
by a time budget per cell (at least one run; the table says how many were
made), and a call predicted from the smaller sizes to exceed a limit (60 s, 10 s
with ``--quick``) is not made; ``--quick`` also runs no peer above 100 KB.

The benchmark measures whatever :func:`osintparse.parse` does: it runs the
default pipeline, so it needs no change when extractors are added.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pathlib
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks.corpus import SIZES_KB, batch_corpus, sized_corpus

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_f65f4b272ae20413.txt"

# Targets of issue 8.
TARGET_VS_SEARCH_DATES = 0.5
TARGET_VS_PEERS = 0.2
TARGET_SEED_PER_S = 200.0
TARGET_LINEARITY = 1.2
TARGET_PEAK_MB = 200.0
TARGET_IMPORT_MS = 150.0
TARGET_SPEEDUP = 1.8
# Issue 16: place resolution adds at most 30% to parse(seed).
TARGET_PLACES_SHARE = 1.3


class _Settings:
    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.seed_runs = 30 if quick else 200
        # osintparse runs per size (KB -> runs), and a time budget per cell in seconds.
        self.parse_runs = (
            {1: 30, 10: 10, 100: 3, 1000: 2}
            if quick
            else {
                1: 200,
                10: 50,
                100: 10,
                1000: 5,
            }
        )
        self.peer_runs = 5 if quick else 15
        self.peer_budget_s = 2.0 if quick else 10.0
        self.peer_max_kb = 100 if quick else 1000
        # A peer call predicted (from its times on smaller texts) to take longer than
        # this is not made: quantulum3 and search_dates grow faster than linearly.
        self.peer_max_call_s = 10.0 if quick else 60.0
        self.import_runs = 5 if quick else 11
        self.batch_runs = 1 if quick else 3


def places_share(seed: str, runs: int) -> dict[str, Any]:
    """Median CPU ms of ``parse(seed)`` with the default pipeline and without ``places``.

    The two pipelines are called alternately (after a warm-up call of each, which loads
    the gazetteer), so both medians see the same machine; ``ratio`` is with over without.

    Examples
    --------
    >>> f = places_share("Titre\\n\\nSelon Séoul, 300 soldats sont en Russie.", 3)
    >>> f["runs"], f["ratio"] > 0
    (3, True)
    """
    import osintparse

    full = osintparse.Pipeline.default()
    without = osintparse.Pipeline([n for n in full.names if n != "places"])
    times: dict[str, list[float]] = {"with": [], "without": []}
    for pipeline in (full, without):
        pipeline(seed, lang="fr")
    for _ in range(max(1, runs)):
        for key, pipeline in (("with", full), ("without", without)):
            c0 = time.process_time()
            pipeline(seed, lang="fr")
            times[key].append((time.process_time() - c0) * 1000)
    with_ms, without_ms = statistics.median(times["with"]), statistics.median(times["without"])
    return {
        "with_ms": with_ms,
        "without_ms": without_ms,
        "ratio": with_ms / without_ms,
        "runs": max(1, runs),
    }


def _runs_for(table: dict[int, int], kb: int) -> int:
    for limit in sorted(table):
        if kb <= limit:
            return table[limit]
    return table[max(table)]


def measure(fn: Callable[[], object], runs: int, budget_s: float = float("inf")) -> dict[str, Any]:
    """Time ``fn`` up to ``runs`` times (at least once, stopping past ``budget_s``).

    Returns the median CPU milliseconds of this process (``ms``: what one core
    spends, robust to other processes sharing the machine), the median wall
    milliseconds (``wall_ms``) and how many runs were made.

    Examples
    --------
    >>> m = measure(lambda: sum(range(1000)), 5)
    >>> m["runs"], m["ms"] >= 0
    (5, True)
    """
    walls: list[float] = []
    cpus: list[float] = []
    started = time.perf_counter()
    for _ in range(max(1, runs)):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        w1, c1 = time.perf_counter(), time.process_time()
        walls.append((w1 - w0) * 1000)
        cpus.append((c1 - c0) * 1000)
        if w1 - started > budget_s:
            break
    return {"ms": statistics.median(cpus), "wall_ms": statistics.median(walls), "runs": len(walls)}


def _peers() -> dict[str, Callable[[str, str], object]]:
    import warnings

    warnings.filterwarnings("ignore", module="quantulum3")
    from dateparser.search import search_dates
    from langdetect import DetectorFactory, detect
    from quantulum3 import parser as qparser

    DetectorFactory.seed = 0
    return {
        "search_dates": lambda text, lang: search_dates(text, languages=[lang]),
        "quantulum3": lambda text, lang: qparser.parse(text),
        "langdetect": lambda text, lang: detect(text),
    }


def _predict_ms(points: list[tuple[float, float]], kb: float) -> float:
    """Extrapolate a peer's time at ``kb`` from its last two (KB, ms) points."""
    if not points:
        return 0.0
    kb1, ms1 = points[-1]
    exponent = 1.0
    if len(points) >= 2:
        kb0, ms0 = points[-2]
        if kb1 > kb0 and ms0 > 0 and ms1 > 0:
            exponent = min(3.0, max(1.0, math.log(ms1 / ms0) / math.log(kb1 / kb0)))
    return ms1 * (kb / kb1) ** exponent


def _row(
    name: str,
    text: str,
    lang: str,
    parse_runs: int,
    s: _Settings,
    history: dict[tuple[str, str], list[tuple[float, float]]] | None = None,
) -> dict[str, Any]:
    import osintparse

    kb = len(text.encode()) / 1000
    row: dict[str, Any] = {"text": name, "lang": lang, "kb": round(kb, 2)}
    row["parse"] = measure(lambda: osintparse.parse(text), parse_runs)
    row["ms_per_kb"] = row["parse"]["ms"] / kb
    if name != "seed" and kb > s.peer_max_kb * 1.1:
        return row
    for peer, call in _peers().items():
        points = history.setdefault((peer, lang), []) if history is not None else []
        predicted = _predict_ms(points, kb)
        if predicted > s.peer_max_call_s * 1000:
            row[peer] = {"skipped": True, "predicted_ms": predicted}
            continue
        row[peer] = measure(lambda c=call: c(text, lang), s.peer_runs, s.peer_budget_s)  # type: ignore[misc]
        points.append((kb, row[peer]["ms"]))
    ran = {p: row[p]["ms"] for p in _peers() if "ms" in row.get(p, {})}
    if "search_dates" in ran:
        row["vs_search_dates"] = row["parse"]["ms"] / ran["search_dates"]
    if len(ran) == 3:
        row["vs_peers"] = row["parse"]["ms"] / sum(ran.values())
    return row


def _warm_up(seed: str) -> None:
    import osintparse

    for lang, text in (("fr", seed), ("en", "The ministry said 300 drones fell on Monday.")):
        osintparse.parse(text)
        for call in _peers().values():
            call(text, lang)


def _child(code: str, *args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, cwd=ROOT
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


_IMPORT_CHILD = """
import json, sys, time
c0, t0 = time.process_time(), time.perf_counter()
import osintparse
t1, c1 = time.perf_counter(), time.process_time()
seed = open(sys.argv[1], encoding="utf-8").read()
osintparse.parse(seed)
t2 = time.perf_counter()
heavy = [m for m in ("dateparser", "quantulum3", "langdetect", "text_to_num", "pandas", "dask")
         if m in sys.modules]
print(json.dumps({"import_ms": (c1 - c0) * 1000, "import_wall_ms": (t1 - t0) * 1000,
                  "first_parse_ms": (t2 - t1) * 1000,
                  "heavy_at_import": heavy}))
"""

_MEMORY_CHILD = """
import json, resource, sys, tracemalloc

def high_water_mb():
    # VmHWM is this process's own peak RSS; ru_maxrss can carry the parent's over exec.
    try:
        with open("/proc/self/status") as fp:
            for line in fp:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20

import osintparse
text = open(sys.argv[1], encoding="utf-8").read()
osintparse.parse(text[:20000])
base = high_water_mb()
osintparse.parse(text)
peak = high_water_mb()
tracemalloc.start()
osintparse.parse(text)
traced = tracemalloc.get_traced_memory()[1]
print(json.dumps({"rss_before_mb": base, "rss_peak_mb": peak,
                  "tracemalloc_peak_mb": traced / 2**20}))
"""


def _import_time(runs: int) -> dict[str, Any]:
    """`import osintparse` in fresh interpreters (bytecode cached by a first run)."""
    _child(_IMPORT_CHILD, str(SEED_PATH))
    samples = [_child(_IMPORT_CHILD, str(SEED_PATH)) for _ in range(runs)]
    return {
        "import_ms": statistics.median(s["import_ms"] for s in samples),
        "import_wall_ms": statistics.median(s["import_wall_ms"] for s in samples),
        "first_parse_ms": statistics.median(s["first_parse_ms"] for s in samples),
        "heavy_at_import": sorted({m for s in samples for m in s["heavy_at_import"]}),
        "runs": runs,
    }


def _memory(text: str) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fp:
        fp.write(text)
    try:
        result = _child(_MEMORY_CHILD, fp.name)
    finally:
        os.unlink(fp.name)
    result["kb"] = round(len(text.encode()) / 1000, 1)
    return result


def _batch(n: int, target_bytes: int, runs: int, seed: int) -> dict[str, Any]:
    """Measure parse_many in a fresh interpreter, as a user's script would run it.

    Not in this process: after the peers ran, its large heap makes every forked
    worker slower (copy-on-write), which is the benchmark's doing, not osintparse's.
    """
    code = (
        "import json, sys; from benchmarks.run import _batch_here; "
        "print(json.dumps(_batch_here(*map(int, sys.argv[1:]))))"
    )
    return _child(code, str(n), str(target_bytes), str(runs), str(seed))


def _batch_here(n: int, target_bytes: int, runs: int, seed: int) -> dict[str, Any]:
    import osintparse

    texts = batch_corpus(n, target_bytes, seed)
    list(osintparse.parse_many(texts[:50], processes=2))  # first-use imports of the pool
    out: dict[str, Any] = {"articles": n, "kb_each": round(target_bytes / 1000, 2)}
    for processes in (1, 2):

        def run(p: int = processes) -> None:
            count = sum(1 for _ in osintparse.parse_many(texts, processes=p))
            assert count == n

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        m = measure(run, runs)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        m["per_s"] = n / (m["wall_ms"] / 1000)  # wall time: the workers' CPU is elsewhere
        child_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        m["workers_cpu_ms"] = child_s * 1000 / m["runs"]
        out[f"processes_{processes}"] = m
    out["speedup"] = out["processes_2"]["per_s"] / out["processes_1"]["per_s"]
    out["machine_ceiling"] = _parallel_ceiling(runs)
    # What 2 idle cores would give if the CPU spent (parent + workers) overlapped
    # perfectly: an estimate independent of other load on the machine.
    p1, p2 = out["processes_1"], out["processes_2"]
    out["projected_speedup"] = 2 * p1["ms"] / (p2["ms"] + p2["workers_cpu_ms"])
    import multiprocessing

    out["start_method"] = multiprocessing.get_start_method()
    return out


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def _parallel_ceiling(runs: int) -> float:
    """Speed-up of 2 processes over 1 on pure CPU work: what the machine allows now.

    On hyperthreads of one physical core, or with other jobs on the cores, this
    is well below 2, and parse_many's speed-up cannot exceed it.
    """
    import concurrent.futures

    n = 2_000_000
    with concurrent.futures.ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [1000, 1000]))  # start the workers
        parallel = measure(lambda: list(pool.map(_spin, [n, n])), runs)["wall_ms"]
    serial = measure(lambda: [_spin(n), _spin(n)], runs)["wall_ms"]
    return serial / parallel


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    except OSError:
        return "unknown"
    commit = out.stdout.strip() or "unknown"
    return commit + ("+dirty" if dirty.stdout.strip() else "")


def run_benchmark(
    *,
    quick: bool = False,
    sizes_kb: Sequence[int] = SIZES_KB,
    batch_articles: int = 2000,
    corpus_seed: int = 0,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Measure every figure and return them as a JSON-ready dict."""
    import osintparse

    s = _Settings(quick)
    load_start = [round(x, 2) for x in os.getloadavg()]
    seed = SEED_PATH.read_text(encoding="utf-8")
    log("warming up osintparse and the peers...")
    _warm_up(seed)
    rows: list[dict[str, Any]] = []
    log("seed article...")
    rows.append(_row("seed", seed, "fr", s.seed_runs, s))
    log("places' share of parse(seed)...")
    places = places_share(seed, s.seed_runs)
    history: dict[tuple[str, str], list[tuple[float, float]]] = {}
    corpus = sized_corpus(corpus_seed, tuple(sizes_kb))
    for (lang, kb), text in sorted(corpus.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        log(f"{kb} KB {lang}...")
        runs = _runs_for(s.parse_runs, kb)
        rows.append(_row(f"{kb} KB", text, lang, runs, s, history))
    big = max(sizes_kb)
    small = 10 if 10 in sizes_kb and big > 10 else min(sizes_kb)
    linearity = {
        lang: _cell(rows, f"{big} KB", lang)["ms_per_kb"]
        / _cell(rows, f"{small} KB", lang)["ms_per_kb"]
        for lang in ("fr", "en")
    }
    log("memory, in a subprocess...")
    memory = _memory(corpus["fr", big])
    log("import time, in fresh subprocesses...")
    imports = _import_time(s.import_runs)
    log(f"parse_many on {batch_articles} seed-sized articles, 1 then 2 processes...")
    batch = _batch(batch_articles, len(seed.encode()), s.batch_runs, corpus_seed)
    seed_row = rows[0]
    seed_per_s = 1000 / seed_row["parse"]["ms"]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    targets = {
        "seed_vs_search_dates": _target(
            seed_row["vs_search_dates"], "<=", TARGET_VS_SEARCH_DATES, "x"
        ),
        "seed_vs_peers": _target(seed_row["vs_peers"], "<=", TARGET_VS_PEERS, "x"),
        "seed_per_s": _target(seed_per_s, ">=", TARGET_SEED_PER_S, "/s"),
        "linearity": _target(max(linearity.values()), "<=", TARGET_LINEARITY, "x"),
        "peak_memory_mb": _target(memory["rss_peak_mb"], "<", TARGET_PEAK_MB, " MB"),
        "import_ms": _target(imports["import_ms"], "<", TARGET_IMPORT_MS, " ms"),
        "batch_speedup": _target(batch["speedup"], ">=", TARGET_SPEEDUP, "x"),
        "places_share": _target(places["ratio"], "<=", TARGET_PLACES_SHARE, "x"),
    }
    if (cores or 1) < 2:
        targets["batch_speedup"]["status"] = "SKIP (fewer than 2 cores)"
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": _git_commit(),
        "osintparse": osintparse.__version__,
        "extractors": list(osintparse.Pipeline.default().names),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {cores} cores",
        "load_average_start": load_start,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "quick": quick,
        "corpus_seed": corpus_seed,
        "rows": rows,
        "linearity": {"from_kb": small, "to_kb": big, **linearity},
        "memory": memory,
        "import": imports,
        "batch": batch,
        "seed_per_s": seed_per_s,
        "places": places,
        "targets": targets,
    }


def _cell(rows: list[dict[str, Any]], name: str, lang: str) -> dict[str, Any]:
    return next(r for r in rows if r["text"] == name and r["lang"] == lang)


def _target(value: float, op: str, limit: float, unit: str) -> dict[str, Any]:
    ok = {"<=": value <= limit, "<": value < limit, ">=": value >= limit}[op]
    return {
        "value": value,
        "op": op,
        "limit": limit,
        "unit": unit,
        "status": "PASS" if ok else "FAIL",
    }


def _fmt(m: dict[str, Any] | None) -> str:
    if m is None:
        return "-"
    if m.get("skipped"):
        return f"skip(~{m['predicted_ms'] / 1000:.0f}s)"
    return f"{m['ms']:.2f} ({m['runs']})"


def report(f: dict[str, Any]) -> str:
    """Return the figures as a readable text table."""
    lines = [
        f"osintparse {f['osintparse']} benchmark, {f['date']}, commit {f['commit']}",
        f"python {f['python']}, {f['machine']}, load average {f['load_average']}"
        + (" (--quick)" if f["quick"] else ""),
        f"default pipeline: {', '.join(f['extractors'])}",
        "",
        "Median CPU ms per article, one process (runs made); ratios are parse / peer.",
        f"{'text':<8} {'lang':<4} {'KB':>8} {'parse':>14} {'ms/KB':>7} {'search_dates':>16} "
        f"{'quantulum3':>16} {'langdetect':>13} {'/dates':>7} {'/sum3':>7}",
    ]
    for r in f["rows"]:
        ratio_d = f"{r['vs_search_dates']:.3f}" if "vs_search_dates" in r else "-"
        ratio_p = f"{r['vs_peers']:.3f}" if "vs_peers" in r else "-"
        lines.append(
            f"{r['text']:<8} {r['lang']:<4} {r['kb']:>8.1f} {_fmt(r['parse']):>14} "
            f"{r['ms_per_kb']:>7.3f} {_fmt(r.get('search_dates')):>16} "
            f"{_fmt(r.get('quantulum3')):>16} {_fmt(r.get('langdetect')):>13} "
            f"{ratio_d:>7} {ratio_p:>7}"
        )
    cells = [r.get(p) for r in f["rows"][1:] for p in ("search_dates", "quantulum3")]
    if any(c is None for c in cells):
        lines.append("-: peers not run above 100 KB with --quick.")
    if any(c is not None and c.get("skipped") for c in cells):
        lines.append(
            "skip(~N s): a call predicted from the smaller sizes to take N s was not made."
        )
    lin, mem, imp, b = f["linearity"], f["memory"], f["import"], f["batch"]
    pl = f["places"]
    lines += [
        "",
        f"seed articles per second, one core: {f['seed_per_s']:.0f}",
        f"places: parse(seed) {pl['with_ms']:.2f} ms CPU with it, {pl['without_ms']:.2f} ms "
        f"without (medians of {pl['runs']} alternated runs): {pl['ratio']:.2f}x",
        f"linearity, ms/KB at {lin['to_kb']} KB over {lin['from_kb']} KB: "
        f"fr {lin['fr']:.2f}x, en {lin['en']:.2f}x",
        f"memory, parse of the {mem['kb']} KB article in a subprocess: peak RSS "
        f"{mem['rss_peak_mb']:.0f} MB (before: {mem['rss_before_mb']:.0f} MB), "
        f"tracemalloc peak {mem['tracemalloc_peak_mb']:.0f} MB",
        f"import osintparse: {imp['import_ms']:.0f} ms CPU, {imp['import_wall_ms']:.0f} ms wall "
        f"(medians of {imp['runs']} fresh processes); first parse of the seed after it: "
        f"{imp['first_parse_ms']:.0f} ms; "
        f"heavy modules loaded by the import: {', '.join(imp['heavy_at_import']) or 'none'}",
        f"parse_many, {b['articles']} articles of {b['kb_each']} KB ({b['start_method']}, "
        "fresh process): "
        f"1 process {b['processes_1']['per_s']:.0f}/s, 2 processes "
        f"{b['processes_2']['per_s']:.0f}/s, speed-up {b['speedup']:.2f}x (pure CPU work "
        f"reaches {b['machine_ceiling']:.2f}x with 2 processes on this machine now; "
        f"projected on 2 idle cores from the CPU time spent: {b['projected_speedup']:.2f}x)",
        "",
        "Targets:",
    ]
    names = {
        "seed_vs_search_dates": "parse(seed) / search_dates(seed, ['fr'])",
        "seed_vs_peers": "parse(seed) / (search_dates + quantulum3 + langdetect)",
        "seed_per_s": "seed articles per second, one core",
        "linearity": "ms per KB, largest over 10 KB (worse language)",
        "peak_memory_mb": "peak RSS parsing the largest article",
        "import_ms": "import osintparse (CPU time, fresh process)",
        "batch_speedup": "parse_many, 2 processes over 1",
        "places_share": "parse(seed) with places / without",
    }
    for key, t in f["targets"].items():
        lines.append(
            f"  {t['status']:<5} {names[key]:<56} {t['value']:.3f}{t['unit']} "
            f"(target {t['op']} {t['limit']:g}{t['unit']})"
        )
    return "\n".join(lines)


def run_bounds(log: Callable[[str], None] = print) -> dict[str, Any]:
    """Measure the bounds table of docs/guarantees.md, with its date, commit and load."""
    from benchmarks.bounds import measure_bounds

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    start = [round(x, 2) for x in os.getloadavg()]
    rows = measure_bounds(log=log)
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": _git_commit(),
        "machine": f"{platform.machine()}, {cores} cores, Python {platform.python_version()}",
        "load_average_start": start,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "rows": rows,
    }


def _write_docs(figures: dict[str, Any]) -> int:
    from benchmarks import docs

    docs.save(figures)
    for page in docs.write_docs(figures):
        shown = page.relative_to(ROOT) if page.is_relative_to(ROOT) else page
        print(f"rewrote {shown}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark from the command line; return the exit status."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs; peers capped at 100 KB")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    ap.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES_KB)),
        help="article sizes in KB, comma-separated (default: %(default)s)",
    )
    ap.add_argument("--batch-articles", type=int, default=2000, metavar="N")
    ap.add_argument("--corpus-seed", type=int, default=0, metavar="N")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    ap.add_argument(
        "--write-docs",
        action="store_true",
        help="also measure the bounds (1 MB and 10 MB inputs), save every figure in "
        "benchmarks/figures.json and rewrite the figures of docs/performance.md and "
        "docs/guarantees.md from it",
    )
    ap.add_argument(
        "--from-json",
        metavar="PATH",
        help="with --write-docs: rewrite the docs from figures saved earlier, measure nothing",
    )
    args = ap.parse_args(argv)
    if args.from_json:
        if not args.write_docs:
            ap.error("--from-json goes with --write-docs")
        return _write_docs(json.loads(pathlib.Path(args.from_json).read_text(encoding="utf-8")))
    sizes = tuple(sorted({int(x) for x in args.sizes.split(",") if x.strip()}))
    figures = run_benchmark(
        quick=args.quick,
        sizes_kb=sizes,
        batch_articles=args.batch_articles,
        corpus_seed=args.corpus_seed,
        log=lambda msg: print(msg, file=sys.stderr, flush=True),
    )
    print(report(figures))
    if args.write_docs:
        figures["bounds"] = run_bounds(log=lambda msg: print(msg, file=sys.stderr, flush=True))
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.write_docs:
        _write_docs(figures)
    failed = [k for k, t in figures["targets"].items() if t["status"] == "FAIL"]
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
