"""Where the files in `resources/` are: beside the package in a source
checkout, or in the bundle's data folder when frozen by PyInstaller."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_article_path() -> Path:
    return resource_path("samples", "royal-reconciliation.txt")
