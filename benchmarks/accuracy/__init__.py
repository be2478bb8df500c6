"""Accuracy benchmarks on annotated corpora (kept outside the repository, never committed).

``python -m benchmarks.accuracy.polnear CORPUS_DIR --split dev`` scores attributions on
PolNeAR; ``python -m benchmarks.accuracy.timeml CORPUS_DIR... --lang en`` scores dates on
TimeML corpora. See ``benchmarks/accuracy/README.md``.
"""
