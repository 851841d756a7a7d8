"""Shared fixtures. Every test runs with its own settings, data and config
folders, so nothing touches the user's real library or QSettings."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="annotator-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["ANNOTATOR_SETTINGS"] = str(_HOME / "settings.json")
os.environ["ANNOTATOR_CHECKER"] = "Test Checker"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ANNOTATOR_DB", None)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "royal-reconciliation.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def detector():
    """The real detector (spaCy pipeline + trained model), loaded once."""
    from annotator.core.nlp.detector import Detector

    d = Detector()
    d.warm_up()
    return d


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def fresh_db(db_path):
    from annotator.core.library import Library

    library = Library.open(db_path, create=True)
    yield library
    library.close()


@pytest.fixture(scope="session")
def sample_units(detector, sample_text):
    return detector.detect(sample_text)


@pytest.fixture
def sample_library(fresh_db, sample_text, sample_units, sample_path):
    """A library holding the sample article with its detected claims."""
    article, _ = fresh_db.add_article("Sample", sample_text, sample_units, str(sample_path))
    return fresh_db, article


def run_cli(*args: str, env: dict | None = None, input_text: str | None = None):
    """Run `python -m annotator ARGS` in a subprocess; return CompletedProcess."""
    import subprocess

    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                          text=True, env=full_env, cwd=ROOT, input=input_text, timeout=300)
