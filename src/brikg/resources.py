"""Where the ontology and the query library are read from.

In a checkout (and an editable install) they are the repository's own ``ontology/`` and
``queries/``, beside ``src/``, so that an edit to them counts at once. A wheel carries copies
inside the package (``brikg/ontology``, ``brikg/sparql``: pyproject's ``package-dir`` maps the two
folders there), since an installed package has no repository beside it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _folder(repository_name: str, packaged_name: str) -> Path:
    packaged = PACKAGE_DIR / packaged_name
    return packaged if packaged.is_dir() else PACKAGE_DIR.parents[1] / repository_name


ONTOLOGY_DIR = _folder("ontology", "ontology")
QUERIES_DIR = _folder("queries", "sparql")
