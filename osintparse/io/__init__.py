"""Input and output as functions over records: serialisation, reading texts, web pages.

* :mod:`osintparse.io.serialise`: Article to and from JSON-ready dicts, JSON and JSON Lines;
* :mod:`osintparse.io.inputs`: bytes and files to article text (decoding, clear errors);
* :mod:`osintparse.io.html`: saved web pages to articles (``pip install 'osintparse[html]'``).

Examples
--------
>>> from osintparse.io import serialise
>>> import osintparse
>>> serialise.to_dict(osintparse.parse("", lang="fr"))["schema_version"]
3
"""
