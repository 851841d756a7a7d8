"""Where the files of `resources/` (model, sample article, icons) are.

They ship inside the package as the data package `annotator._resources`
(pyproject.toml maps the repository's top-level resources/ folder to it), so
an installed wheel, an editable install and a source checkout all find them
through importlib.resources. A PyInstaller bundle carries them in its data
folder (sys._MEIPASS/resources).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

DATA_PACKAGE = "annotator._resources"
_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    try:
        from importlib.resources import files

        root = files(DATA_PACKAGE)
        # Wheels install as plain folders, so the Traversable is a real path; a namespace
        # package (no __init__.py) gives a MultiplexedPath whose first entry is the folder.
        for candidate in getattr(root, "_paths", None) or [root]:
            path = Path(str(candidate))
            if path.is_dir() and (path / "models").is_dir():
                return path
    except (ImportError, TypeError, ValueError):  # ModuleNotFoundError is an ImportError
        pass
    return _CHECKOUT  # a source tree run without installing (PYTHONPATH=.)


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def model_path(filename: str, override_env: str) -> Path:
    """A shipped model (resources/models/FILENAME), or the file the environment variable
    `override_env` names (to evaluate another model without replacing the shipped one)."""
    import os

    override = os.environ.get(override_env)
    return Path(override) if override else resource_path("models", filename)


def sample_article_path() -> Path:
    return resource_path("samples", "royal-reconciliation.txt")
