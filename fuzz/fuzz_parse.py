"""Atheris fuzz target over :func:`osintparse.parse`.

Each input picks a language (None, or each supported one), a publication date (None,
a date, a datetime or an ISO string) and text: arbitrary Unicode (lone surrogates
included) or UTF-8 bytes (so that the seeds in ``fuzz/seeds`` and the dictionary of
lexicon words that ``fuzz/run.sh`` builds are words), parses it, and checks the
invariants of ``tests/invariants.py``: every offset is truthful, every mention lies in
its sentence, quantity bounds hold, and the article survives ``to_dict``/``from_dict``
and ``to_json``. Any exception is a crash.

Run it with ``fuzz/run.sh SECONDS`` (bounded), or by hand with libFuzzer options::

    python fuzz/fuzz_parse.py -max_total_time=3600 /tmp/corpus fuzz/seeds

A crash leaves ``crash-*`` in the artifact folder: reproduce it with
``python fuzz/fuzz_parse.py crash-...``, then add the input to
``tests/test_regressions.py``.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys

import atheris

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    import osintparse
    from tests.invariants import check_article

LANGS = [None, *osintparse.supported_languages()]
PUBLISHED = [None, dt.date(2025, 5, 1), dt.datetime(2024, 2, 29, 23, 59), "2025-01-01"]


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = fdp.PickValueInList(LANGS)
    published = fdp.PickValueInList(PUBLISHED)
    if fdp.ConsumeBool():
        # UTF-8, so the seeds and the lexicon dictionary (fuzz/run.sh) mean words;
        # undecodable bytes become lone surrogates (U+DC80..U+DCFF).
        text = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "surrogateescape")
    else:
        text = fdp.ConsumeUnicode(fdp.remaining_bytes())
    article = osintparse.parse(text, lang=lang, published=published)
    check_article(article, text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
