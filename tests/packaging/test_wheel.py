"""The wheel, installed as a user would (`pip install annotator-*.whl` in a new venv with
the pip that venv brings), carries its resources and declares every dependency: the
self-test passes and `annotator detect` reads an HTML article from another folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=900, **kwargs)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
                cwd=tmp_path_factory.mktemp("build-cwd"))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    # Deprecated metadata (a license table) makes setuptools print a banner on every build.
    assert "deprecated" not in (proc.stdout + proc.stderr).lower(), proc.stderr[-3000:]
    wheels = list(out.glob("annotator-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_carries_the_resources_and_metadata(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = next(zf.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    for needed in ("annotator/_resources/models/checkworthy.json.gz",
                   "annotator/_resources/models/reader.npz",
                   "annotator/_resources/models/news_priority_reader.json",
                   "annotator/_resources/samples/royal-reconciliation.txt",
                   "annotator/_resources/icons/annotator.svg",
                   "annotator/_resources/icons/hicolor/256x256/apps/org.annotator.Annotator.png"):
        assert needed in names
    assert not [n for n in names if "screenshots" in n]
    assert "License-Expression: MIT" in metadata
    assert "Project-URL: Homepage," in metadata
    assert "Requires-Dist: lxml_html_clean" in metadata or "Requires-Dist: lxml-html-clean" \
        in metadata
    assert "Requires-Dist: openpyxl" in metadata


@pytest.mark.slow
def test_installed_wheel_passes_self_test_and_detects_html(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)  # the pip this Python's venv brings
    py = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", QT_QPA_PLATFORM="offscreen",
               HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"),
               ANNOTATOR_SETTINGS=str(tmp_path / "settings.json"))
    proc = _run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sentence = ("The city council said on Tuesday that 4,200 new homes would be built before "
                "2030, more than twice the number promised last year.")
    (elsewhere / "story.html").write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Council plans homes</title>"
        "</head><body><article><h1>Council plans homes</h1>"
        + "".join(f"<p>{sentence} Paragraph {i}.</p>" for i in range(5))
        + "</article></body></html>", encoding="utf-8")
    annotator = env_dir / "bin" / "annotator"
    proc = _run([str(annotator), "--self-test"], env=env, cwd=elsewhere)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "FAIL" not in proc.stdout
    proc = _run([str(annotator), "detect", "story.html"], env=env, cwd=elsewhere)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    claims = json.loads(proc.stdout)["claims"]
    assert any("4,200 new homes" in c["text"] for c in claims)
    # The installed package reads its resources from site-packages, not from this checkout.
    proc = _run([str(py), "-c", "from annotator.resources import resources_dir; "
                 "print(resources_dir())"], env=env, cwd=elsewhere)
    assert str(env_dir) in proc.stdout and str(ROOT) not in proc.stdout
