"""``python -m osintparse``: the command-line interface."""

from osintparse.cli import main

raise SystemExit(main())
