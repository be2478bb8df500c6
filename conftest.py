"""Repository-wide pytest settings: skip the Dask doctests when the extra is absent."""

from __future__ import annotations

import importlib.util

_HAVE_DASK = all(importlib.util.find_spec(m) for m in ("dask", "pandas", "distributed"))

# osintparse.dask and osintparse.tables run Dask and pandas in their examples;
# without `pip install 'osintparse[dask]'` (part of the test extra) they are not collected.
collect_ignore = [] if _HAVE_DASK else ["osintparse/dask.py", "osintparse/tables.py"]
