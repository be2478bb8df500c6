"""``python -m benchmarks``: run the osintparse benchmark (see :mod:`benchmarks.run`)."""

from benchmarks.run import main

raise SystemExit(main())
