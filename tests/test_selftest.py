"""`annotator --self-test` runs every check of an installation and passes here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_self_test_passes(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               ANNOTATOR_DB=str(tmp_path / "must-not-be-created.sqlite"))
    proc = subprocess.run([sys.executable, "-m", "annotator", "--self-test"], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert not [line for line in lines if line.startswith("FAIL")]
    names = {line[5:].split(":", 1)[0] for line in lines if line.startswith("ok   ")}
    assert {"sample", "detection", "library", "importers", "report (html)",
            "text rendering", "self-test"} <= names, proc.stdout
    assert any(line.startswith("ok   detection:") and " claims in " in line for line in lines)
    # Every line is a one-line verdict: "ok   ...", "FAIL ..." or "skip ...".
    assert all(line[:5] in ("ok   ", "FAIL ", "skip ") for line in lines), proc.stdout
    # The user's library is never touched.
    assert not (tmp_path / "must-not-be-created.sqlite").exists()


@pytest.mark.slow
def test_self_test_reports_a_missing_display_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "annotator", "--self-test"], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    failed = [line for line in proc.stdout.splitlines() if line.startswith("FAIL")]
    assert any(line.startswith("FAIL text rendering:") and "DISPLAY" in line for line in failed)


@pytest.mark.slow
def test_self_test_checks_the_real_display_platform(tmp_path):
    """With a display, the self-test starts Qt on it (xcb), not only offscreen."""
    import shutil
    import time

    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (make test installs it through make system-deps)")
    display = None
    for number in range(140, 160):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(
                f"/tmp/.X{number}-lock").exists():
            display = f":{number}"
            break
    assert display, "no free X display number"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 20
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",
                                                               "WAYLAND_DISPLAY")}
        env.update(DISPLAY=display, HOME=str(tmp_path))
        proc = subprocess.run([sys.executable, "-m", "annotator", "--self-test"], env=env,
                              cwd=tmp_path, capture_output=True, text=True, timeout=300)
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith("ok   display platform:") and f"Qt starts on DISPLAY {display} "
               "(xcb)" in line for line in lines), proc.stdout
    assert any(line.startswith("ok   text rendering:") and "platform xcb" in line
               for line in lines), proc.stdout
