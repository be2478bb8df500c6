"""Time bounds for the heavy tests (``pytest -m heavy``) that hold on a loaded machine.

A heavy test asserts two things about the time of a call on a large hostile input:

- **Linearity**, as a ratio measured in the same process: the CPU time per character
  of the call on the full input, over the CPU time per character of the same call on a
  tenth of it, measured just before (after a warm-up call that fills the caches). A
  linear path gives about 1, a quadratic one about 10 (the full input is 10 times longer):
  the limit, :data:`MAX_PER_CHAR_RATIO`, sits between the two.
- **A ceiling** in CPU seconds for the full input, far above the measured figure written
  beside each test: a hang guard, not a benchmark.

Both use CPU time (:func:`time.process_time`), not wall time: other jobs on the machine
slow the wall clock of a test down several times (load average 8 on 2 cores makes a
30 s parse take 4 minutes) but barely change its CPU time. Wall-clock limits remain only
as hang guards around child processes, far above the CPU figures.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, NamedTuple

__all__ = ["MAX_PER_CHAR_RATIO", "MIN_MEASURABLE_S", "Repeated", "assert_linear", "cpu_seconds"]

MAX_PER_CHAR_RATIO = 3.0
"""Largest allowed CPU time per character at full size over that at a tenth (linear: ~1,
quadratic: ~10). Measured ratios are written beside each heavy test."""

MIN_MEASURABLE_S = 0.2
"""Below this CPU time at full size the ratio is noise and is not asserted: a call that
scans 100 000 characters or more in under 0.2 s is not quadratic in any way that matters
(a quadratic one needs minutes there)."""


class Repeated(NamedTuple):
    """A hostile input made of one unit repeated: ``head + unit * count + tail``.

    The default run checks it at a tenth of ``count`` (``small``), the heavy run at full
    ``count`` against a tenth (:func:`assert_linear` with ``build``).

    Examples
    --------
    >>> r = Repeated("ab", 30, head="<", tail=">")
    >>> r.build(2), len(r.small), str(r)[:12]
    ('<abab>', 8, "<'ab' * 30>")
    """

    unit: str
    count: int
    head: str = ""
    tail: str = ""

    def build(self, count: int) -> str:
        """The input with ``count`` repetitions of the unit."""
        return self.head + self.unit * count + self.tail

    @property
    def small(self) -> str:
        """The input with a tenth of the repetitions, for the default run."""
        return self.build(self.count // 10)

    def __str__(self) -> str:
        return f"{self.head}{self.unit!r} * {self.count}{self.tail}"


def cpu_seconds(fn: Callable[[], Any]) -> tuple[Any, float]:
    """Call ``fn()`` and return its result and the CPU seconds the process spent on it.

    Examples
    --------
    >>> result, spent = cpu_seconds(lambda: sum(range(1000)))
    >>> result, spent >= 0
    (499500, True)
    """
    started = time.process_time()
    result = fn()
    return result, time.process_time() - started


def assert_linear(
    call: Callable[[str], Any],
    build: Callable[[int], str],
    size: int,
    *,
    max_cpu_s: float,
    max_ratio: float = MAX_PER_CHAR_RATIO,
) -> tuple[Any, dict[str, Any]]:
    """Check that ``call(build(size))`` is linear in ``size`` and under ``max_cpu_s``.

    ``build(n)`` makes the input of ``n`` units (characters, repetitions...). The call is
    made on ``build(size // 100)`` (warm-up: caches, lazy imports), ``build(size // 10)``
    (the reference) and ``build(size)``. Returns the result of the full call and a report
    of both CPU times and the ratio of their per-unit costs, for the test to print.

    Examples
    --------
    >>> count, report = assert_linear(str.split, lambda n: "ab " * n, 10_000, max_cpu_s=5)
    >>> len(count), sorted(report)
    (10000, ['cpu_s', 'ratio', 'reference_cpu_s', 'size'])
    """
    call(build(max(1, size // 100)))
    reference_size = max(1, size // 10)
    _, reference_s = cpu_seconds(lambda: call(build(reference_size)))
    text = build(size)
    result, spent = cpu_seconds(lambda: call(text))
    ratio = (spent / size) / max(reference_s / reference_size, 1e-9)
    report = {
        "size": size,
        "cpu_s": round(spent, 3),
        "reference_cpu_s": round(reference_s, 3),
        "ratio": round(ratio, 2),
    }
    assert spent < max_cpu_s, f"hang guard: {spent:.1f} s CPU > {max_cpu_s} s; {report}"
    if spent >= MIN_MEASURABLE_S:
        assert ratio <= max_ratio, f"not linear: per-unit CPU x{ratio:.1f} at full size; {report}"
    return result, report
