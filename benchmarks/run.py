"""osintparse benchmark: speed against the peers, linearity, memory, import time, batch.

Run from the repository root::

    python -m benchmarks            # full run (a few minutes on 2 cores)
    python -m benchmarks --quick    # fewer repetitions, peers capped at 100 KB
    python -m benchmarks --json figures.json --strict
    python -m benchmarks --write-docs       # full run + bounds; rewrite the docs' figures
    python -m benchmarks --big          # also the 10 MB article (time, CLI and parse memory)

Every figure is a median over repeated runs in this one process, on the same
texts, after one warm-up call of each tool (so first-use imports and caches are
not counted, except where the figure is about them: import time and the first
parse run in fresh subprocesses, with their bytecode cached as a user's
install has it). Per-article times are CPU time of this process (what one core
spends; on a dedicated machine it equals wall time, and it stays honest when
other processes share the cores), and so are the import and first-parse times
(wall time printed beside them). ``parse_many`` is measured in a fresh
interpreter on the same texts as an in-process loop: wall time (what a user
waits on idle cores) and CPU time of the parent and its workers, from which the
speed-up on two idle cores is projected (the load average is printed beside).

The floor is one pass that tokenises the seed and looks every token up in the
set of the first tokens of every lexicon string: what finding the candidates of
every extractor costs at the least, before any of them reads a sentence.

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
from benchmarks.docs import git_commit, target_names

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_f65f4b272ae20413.txt"

# Targets of issue 8 (the peers) and issue 18 (floor, speed, memory, pool, import).
TARGET_VS_SEARCH_DATES = 0.5
TARGET_VS_PEERS = 0.2
TARGET_VS_FLOOR = 5.0
TARGET_SEED_PER_S = 1000.0
TARGET_LINEARITY = 1.2
TARGET_PEAK_MB = 300.0
TARGET_IMPORT_MS = 150.0
TARGET_FIRST_PARSE_MS = 300.0
TARGET_POOL_OVERHEAD = 1.1
TARGET_SPEEDUP = 1.8
# Issue 16: place resolution adds at most 30% to parse(seed).
TARGET_PLACES_SHARE = 1.3
#: The size of the large article of ``--big`` (KB): the memory and linearity targets.
BIG_KB = 10_000
# Below this load average per core, the cores count as idle: the pool's speed-up
# target is judged on wall time; above it, on the speed-up projected from CPU time.
_IDLE_LOAD_PER_CORE = 0.25


class _Settings:
    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.seed_runs = 30 if quick else 200
        # osintparse runs per size (KB -> runs), and a time budget per cell in seconds.
        self.parse_runs = (
            {1: 30, 10: 10, 100: 3, 1000: 2, BIG_KB: 1}
            if quick
            else {1: 200, 10: 50, 100: 10, 1000: 5, BIG_KB: 1}
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
    return float(ms1 * (kb / kb1) ** exponent)


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


# A token of the floor: a run of word characters (the lexicons' strings are split
# the same way to find their first tokens).
_FLOOR_TOKEN = r"\w+"


def lexicon_first_tokens() -> frozenset[str]:
    """The first token (casefolded) of every string of every lexicon of every language.

    Examples
    --------
    >>> "selon" in lexicon_first_tokens()
    True
    """
    import regex

    from osintparse import lexicons

    token = regex.compile(_FLOOR_TOKEN)
    firsts = (token.search(s.casefold()) for s in lexicons.all_strings(numbers=False))
    return frozenset(m.group() for m in firsts if m is not None)


def floor_scan(text: str, firsts: frozenset[str]) -> int:
    """The floor: tokenise ``text`` and look every token up in ``firsts``; the hits.

    Examples
    --------
    >>> floor_scan("Selon le ministère, 10 soldats.", frozenset({"selon", "soldats"}))
    2
    """
    import regex

    token = regex.compile(_FLOOR_TOKEN)  # cached by regex after the first call
    return sum(1 for t in token.findall(text.casefold()) if t in firsts)


def _warm_up(seed: str) -> None:
    import osintparse

    for lang, text in (("fr", seed), ("en", "The ministry said 300 drones fell on Monday.")):
        osintparse.parse(text)
        for call in _peers().values():
            call(text, lang)


def _child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _child_env() -> dict[str, str]:
    """The environment of the timed children: bytecode cached, as an install has it.

    ``PYTHONDONTWRITEBYTECODE`` (set on some machines) would make every fresh
    interpreter compile osintparse from source; the cache goes to a directory of
    its own (``PYTHONPYCACHEPREFIX``), not into the source tree.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pathlib.Path(tempfile.gettempdir(), "osintparse-bench-pyc"))
    return env


_IMPORT_CHILD = """
import json, sys, time
c0, t0 = time.process_time(), time.perf_counter()
import osintparse
t1, c1 = time.perf_counter(), time.process_time()
at_import = set(sys.modules)
seed = open(sys.argv[1], encoding="utf-8").read()
c2, t2 = time.process_time(), time.perf_counter()
osintparse.parse(seed)
t3, c3 = time.perf_counter(), time.process_time()
heavy = [m for m in ("dateparser", "quantulum3", "langdetect", "text_to_num", "pandas", "dask",
                     "numpy", "IPython", "trafilatura") if m in at_import]
print(json.dumps({"import_ms": (c1 - c0) * 1000, "import_wall_ms": (t1 - t0) * 1000,
                  "first_parse_ms": (c3 - c2) * 1000, "first_parse_wall_ms": (t3 - t2) * 1000,
                  "heavy_at_import": heavy}))
"""

_MEMORY_CHILD = """
import json, resource, sys, time, tracemalloc

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
c0, w0 = time.process_time(), time.perf_counter()
article = osintparse.parse(text)
w1, c1 = time.perf_counter(), time.process_time()
# budget_skipped: extractors the work budget left out (none for the benchmark's texts; if any,
# the figures are those of a structure-only parse, and say so)
out = {"rss_before_mb": base, "rss_peak_mb": high_water_mb(),
       "parse_ms": (c1 - c0) * 1000, "parse_wall_ms": (w1 - w0) * 1000,
       "budget_skipped": list(article.skipped)}
del article
if len(text) <= 2_000_000:  # a traced parse of 10 MB takes many minutes
    tracemalloc.start()
    osintparse.parse(text)
    out["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
print(json.dumps(out))
"""


def _import_time(runs: int) -> dict[str, Any]:
    """`import osintparse` and the first parse in fresh interpreters (bytecode cached)."""
    env = _child_env()
    _child(_IMPORT_CHILD, str(SEED_PATH), env=env)  # writes the bytecode cache
    samples = [_child(_IMPORT_CHILD, str(SEED_PATH), env=env) for _ in range(runs)]
    out: dict[str, Any] = {
        key: statistics.median(s[key] for s in samples)
        for key in ("import_ms", "import_wall_ms", "first_parse_ms", "first_parse_wall_ms")
    }
    out["heavy_at_import"] = sorted({m for s in samples for m in s["heavy_at_import"]})
    out["runs"] = runs
    return out


_CLI_CHILD = """
import json, os, runpy, sys
# stdout to /dev/null at the descriptor: the CLI writes as it goes, nothing is kept.
null = os.open(os.devnull, os.O_WRONLY)
os.dup2(null, 1)
sys.argv = ["osintparse", *sys.argv[1:]]
try:
    runpy.run_module("osintparse", run_name="__main__")
    status = 0
except SystemExit as stop:
    status = stop.code if isinstance(stop.code, int) else 1
peak = 0.0
with open("/proc/self/status") as fp:
    for line in fp:
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
sys.stderr.write("\\n" + json.dumps({"cli_peak_mb": peak, "cli_status": status}) + "\\n")
"""


def _cli_memory(path: str) -> dict[str, Any]:
    """Peak RSS (VmHWM) of ``python -m osintparse PATH --format jsonl``, run in a child.

    The child runs the CLI's ``__main__`` as ``python -m`` does and reads its own
    high-water mark at the end: ``ru_maxrss`` of a child started from this process
    carries this process's peak over the exec (the peers' heap: 200 MB).
    """
    args = [path, "--format", "jsonl", "--max-bytes", "0"]
    out = subprocess.run(
        [sys.executable, "-c", _CLI_CHILD, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=_child_env(),
    )
    result: dict[str, Any] = json.loads(out.stderr.strip().splitlines()[-1])
    return result


def _child_row(name: str, lang: str, memory: dict[str, Any]) -> dict[str, Any]:
    """A row of the table from the memory child's one parse of a large article."""
    parse = {"ms": memory["parse_ms"], "wall_ms": memory["parse_wall_ms"], "runs": 1}
    return {
        "text": name,
        "lang": lang,
        "kb": memory["kb"],
        "parse": parse,
        "ms_per_kb": parse["ms"] / memory["kb"],
    }


def _memory(text: str, *, cli: bool = True) -> dict[str, Any]:
    """Peak RSS parsing ``text``: through ``parse`` and through the CLI (``--format jsonl``).

    Both in child processes, each its own high-water mark (VmHWM).
    """
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fp:
        fp.write(text)
    try:
        result = _child(_MEMORY_CHILD, fp.name)
        if cli:
            result.update(_cli_memory(fp.name))
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
    return _child(code, str(n), str(target_bytes), str(runs), str(seed), env=_child_env())


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(fn: Callable[[], object]) -> tuple[float, float, float]:
    """Run ``fn``; return (wall s, this process's CPU s, reaped children's CPU s)."""
    c0, k0, w0 = time.process_time(), _children_cpu_s(), time.perf_counter()
    fn()
    w1, k1, c1 = time.perf_counter(), _children_cpu_s(), time.process_time()
    return w1 - w0, c1 - c0, k1 - k0


def _batch_here(n: int, target_bytes: int, runs: int, seed: int) -> dict[str, Any]:
    """In-process loop, ``parse_many`` with 1 then 2 processes, on the same texts.

    The loop and the runs alternate (``runs`` rounds; medians), after one parse
    of each language so that no figure carries the first parse's cost (measured
    apart). Each ``parse_many`` call starts its own pool, as a user's call does.
    """
    import multiprocessing

    import osintparse

    texts = batch_corpus(n, target_bytes, seed)
    for text in texts[:2]:
        osintparse.parse(text)
    load_before = os.getloadavg()

    def loop() -> None:
        assert len([osintparse.parse(t) for t in texts]) == n

    def pool(processes: int) -> Callable[[], None]:
        def run() -> None:
            assert sum(1 for _ in osintparse.parse_many(texts, processes=processes)) == n

        return run

    samples: dict[str, list[tuple[float, float, float]]] = {
        "loop": [],
        "processes_1": [],
        "processes_2": [],
    }
    for _ in range(max(1, runs)):
        for name, fn in (("loop", loop), ("processes_1", pool(1)), ("processes_2", pool(2))):
            samples[name].append(_timed(fn))
    out: dict[str, Any] = {
        "articles": n,
        "kb_each": round(target_bytes / 1000, 2),
        "runs": max(1, runs),
        "start_method": multiprocessing.get_start_method(),
        "chunksize": osintparse.batch.DEFAULT_CHUNKSIZE,
    }
    for name, values in samples.items():
        wall, cpu, children = (statistics.median(v[i] for v in values) for i in range(3))
        out[name] = {
            "wall_s": wall,
            "cpu_s": cpu,
            "workers_cpu_s": children,
            "per_s": n / wall,
            "cpu_per_s": n / (cpu + children),
        }
    loop_cpu = out["loop"]["cpu_s"]
    p1, p2 = out["processes_1"], out["processes_2"]
    out["p1_over_loop"] = p1["cpu_s"] / loop_cpu
    out["p1_over_loop_wall"] = p1["wall_s"] / out["loop"]["wall_s"]
    out["speedup"] = p1["wall_s"] / p2["wall_s"]
    # On 2 idle cores the parent and its 2 workers share 2 cores: the wall time is
    # at least their CPU time over 2 (and at least the busiest worker's share).
    out["projected_speedup"] = 2 * p1["cpu_s"] / (p2["cpu_s"] + p2["workers_cpu_s"])
    out["pool_cpu_overhead"] = (p2["cpu_s"] + p2["workers_cpu_s"]) / p1["cpu_s"] - 1
    out["machine_ceiling"] = _parallel_ceiling(max(1, runs))
    out["load_average"] = [round(x, 2) for x in (*load_before, *os.getloadavg())]
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
    return float(serial / parallel)


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
    big = max(sizes_kb)
    for (lang, kb), text in sorted(corpus.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if kb >= BIG_KB:
            continue  # parsed once, in the memory child below (minutes per parse)
        log(f"{kb} KB {lang}...")
        runs = _runs_for(s.parse_runs, kb)
        rows.append(_row(f"{kb} KB", text, lang, runs, s, history))
    log("lexicon token-scan floor on the seed...")
    firsts = lexicon_first_tokens()
    floor = measure(lambda: floor_scan(seed, firsts), s.seed_runs)
    floor["first_tokens"] = len(firsts)
    log(f"memory of the {big} KB article, parse and CLI, in subprocesses...")
    memory = _memory(corpus["fr", big])
    if big >= BIG_KB:
        log(f"the {big} KB articles, in subprocesses (time and memory)...")
        rows.append(_child_row(f"{big} KB", "fr", memory))
        rows.append(_child_row(f"{big} KB", "en", _memory(corpus["en", big], cli=False)))
    small = 10 if 10 in sizes_kb and big > 10 else min(sizes_kb)
    linearity = {
        lang: _cell(rows, f"{big} KB", lang)["ms_per_kb"]
        / _cell(rows, f"{small} KB", lang)["ms_per_kb"]
        for lang in ("fr", "en")
    }
    log("import time and first parse, in fresh subprocesses...")
    imports = _import_time(s.import_runs)
    log(f"parse_many on {batch_articles} seed-sized articles: loop, 1 and 2 processes...")
    batch = _batch(batch_articles, len(seed.encode()), s.batch_runs, corpus_seed)
    seed_row = rows[0]
    seed_per_s = 1000 / seed_row["parse"]["ms"]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    idle = batch["load_average"][0] < _IDLE_LOAD_PER_CORE * (cores or 1)
    batch["speedup_judged"] = "wall" if idle else "projected"
    judged = batch["speedup"] if idle else batch["projected_speedup"]
    targets = {
        "seed_vs_search_dates": _target(
            seed_row["vs_search_dates"], "<=", TARGET_VS_SEARCH_DATES, "x"
        ),
        "seed_vs_peers": _target(seed_row["vs_peers"], "<=", TARGET_VS_PEERS, "x"),
        "seed_vs_floor": _target(seed_row["parse"]["ms"] / floor["ms"], "<=", TARGET_VS_FLOOR, "x"),
        "seed_per_s": _target(seed_per_s, ">=", TARGET_SEED_PER_S, "/s"),
        "linearity": _target(max(linearity.values()), "<=", TARGET_LINEARITY, "x"),
        "peak_memory_mb": _target(memory["rss_peak_mb"], "<=", TARGET_PEAK_MB, " MB"),
        "cli_peak_memory_mb": _target(memory["cli_peak_mb"], "<=", TARGET_PEAK_MB, " MB"),
        "pool_overhead": _target(batch["p1_over_loop"], "<=", TARGET_POOL_OVERHEAD, "x"),
        "batch_speedup": _target(judged, ">=", TARGET_SPEEDUP, "x"),
        "import_ms": _target(imports["import_ms"], "<", TARGET_IMPORT_MS, " ms"),
        "places_share": _target(places["ratio"], "<=", TARGET_PLACES_SHARE, "x"),
        "first_parse_ms": _target(imports["first_parse_ms"], "<", TARGET_FIRST_PARSE_MS, " ms"),
    }
    if memory.get("budget_skipped"):
        targets["peak_memory_mb"]["note"] = (
            "structure only: over the work budget, skipped " + ", ".join(memory["budget_skipped"])
        )
    if memory["cli_status"] != 0:
        targets["cli_peak_memory_mb"]["status"] = "FAIL"
        targets["cli_peak_memory_mb"]["note"] = f"CLI exit status {memory['cli_status']}"
    if big < BIG_KB:
        for key in ("linearity", "peak_memory_mb", "cli_peak_memory_mb"):
            targets[key]["note"] = f"at {big} KB, the target is at {BIG_KB} KB: run --big"
    if (cores or 1) < 2:
        targets["batch_speedup"]["status"] = "SKIP (fewer than 2 cores)"
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": git_commit(),
        "osintparse": osintparse.__version__,
        "extractors": list(osintparse.Pipeline.default().names),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {cores} cores",
        "load_average_start": load_start,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "quick": quick,
        "corpus_seed": corpus_seed,
        "rows": rows,
        "floor": floor,
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
    if any(r["kb"] >= BIG_KB for r in f["rows"]):
        lines.append(f"{BIG_KB} KB: one parse, in a fresh child process (the memory child).")
    lin, mem, imp, b = f["linearity"], f["memory"], f["import"], f["batch"]
    pl = f["places"]
    fl, seed_ms = f["floor"], f["rows"][0]["parse"]["ms"]
    loop, p1, p2 = b["loop"], b["processes_1"], b["processes_2"]
    lines += [
        "",
        f"seed articles per second, one core: {f['seed_per_s']:.0f}",
        f"places: parse(seed) {pl['with_ms']:.2f} ms CPU with it, {pl['without_ms']:.2f} ms "
        f"without (medians of {pl['runs']} alternated runs): {pl['ratio']:.2f}x",
        f"floor (tokenise the seed, look each token up in the {fl['first_tokens']} first "
        f"tokens of the lexicons' strings): {fl['ms']:.3f} ms CPU; parse(seed) is "
        f"{seed_ms / fl['ms']:.1f}x it",
        f"linearity, ms/KB at {lin['to_kb']} KB over {lin['from_kb']} KB: "
        f"fr {lin['fr']:.2f}x, en {lin['en']:.2f}x",
        f"memory, the {mem['kb']} KB article, peak RSS: parse in a subprocess "
        f"{mem['rss_peak_mb']:.0f} MB (before: {mem['rss_before_mb']:.0f} MB"
        + (
            f"; tracemalloc peak {mem['tracemalloc_peak_mb']:.0f} MB"
            if "tracemalloc_peak_mb" in mem
            else ""
        )
        + "); "
        f"CLI --format jsonl {mem['cli_peak_mb']:.0f} MB (exit status {mem['cli_status']})",
        f"import osintparse: {imp['import_ms']:.0f} ms CPU, {imp['import_wall_ms']:.0f} ms wall; "
        f"first parse of the seed after it: {imp['first_parse_ms']:.0f} ms CPU, "
        f"{imp['first_parse_wall_ms']:.0f} ms wall (medians of {imp['runs']} fresh processes, "
        f"bytecode cached); heavy modules loaded by the import: "
        f"{', '.join(imp['heavy_at_import']) or 'none'}",
        f"parse_many, {b['articles']} articles of {b['kb_each']} KB, fresh process, "
        f"{b['start_method']}, chunks of {b['chunksize']}, medians of {b['runs']} rounds, "
        f"load average {b['load_average'][:3]} before, {b['load_average'][3:]} after:",
        f"  in-process loop  {loop['per_s']:6.0f}/s wall, {loop['cpu_per_s']:6.0f}/s per CPU "
        f"second",
        f"  1 process        {p1['per_s']:6.0f}/s wall, {p1['cpu_per_s']:6.0f}/s per CPU "
        f"second ({b['p1_over_loop']:.3f}x the loop's CPU, {b['p1_over_loop_wall']:.3f}x "
        f"its wall)",
        f"  2 processes      {p2['per_s']:6.0f}/s wall, {p2['cpu_per_s']:6.0f}/s per CPU "
        f"second (parent {p2['cpu_s']:.2f} s + workers {p2['workers_cpu_s']:.2f} s CPU: "
        f"{b['pool_cpu_overhead'] * 100:+.0f}% over 1 process)",
        f"  speed-up of 2 over 1: {b['speedup']:.2f}x wall, {b['projected_speedup']:.2f}x "
        f"projected on 2 idle cores from the CPU time; pure CPU work reaches "
        f"{b['machine_ceiling']:.2f}x with 2 processes on this machine now; judged on "
        f"{b['speedup_judged']}",
        "",
        "Targets:",
    ]
    for key, name in target_names(f).items():
        t = f["targets"][key]
        lines.append(
            f"  {t['status']:<5} {name:<56} {t['value']:.3f}{t['unit']} "
            f"(target {t['op']} {t['limit']:g}{t['unit']})"
            + (f" [{t['note']}]" if t.get("note") else "")
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
        "commit": git_commit(),
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
    ap.add_argument(
        "--big",
        action="store_true",
        help=f"add the {BIG_KB} KB article (linearity and memory targets; minutes more)",
    )
    args = ap.parse_args(argv)
    if args.from_json:
        if not args.write_docs:
            ap.error("--from-json goes with --write-docs")
        return _write_docs(json.loads(pathlib.Path(args.from_json).read_text(encoding="utf-8")))
    sizes = tuple(sorted({int(x) for x in args.sizes.split(",") if x.strip()}))
    if args.big:
        sizes = tuple(sorted({*sizes, BIG_KB}))
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
