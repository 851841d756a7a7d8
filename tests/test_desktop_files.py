"""The Linux desktop entry and AppStream metadata validate, and agree with each other."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "org.annotator.Annotator.desktop"
METAINFO = LINUX / "org.annotator.Annotator.metainfo.xml"
ICONS = ROOT / "resources" / "icons"


def _run(*cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=120)


def test_desktop_file_validates():
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    proc = _run("desktop-file-validate", str(DESKTOP))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error:" not in proc.stdout + proc.stderr


def test_metainfo_validates():
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    proc = _run("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_desktop_entry_and_metainfo_agree():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Exec"] == "annotator %F"
    assert group["Icon"] == "org.annotator.Annotator"
    assert set(group["MimeType"].strip(";").split(";")) >= {
        "text/plain", "text/html", "text/markdown",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "org.annotator.Annotator"
    assert root.findtext("launchable") == DESKTOP.name
    release = root.find("releases/release")
    import annotator

    assert release.get("version") == annotator.__version__


def test_icons_exist_for_every_size():
    assert (ICONS / "annotator.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256):
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "org.annotator.Annotator.png"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        assert (width, height) == (size, size), png
