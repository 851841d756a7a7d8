"""A checker's first hour on a real X display (Xvfb, the xcb platform).

The app runs in its own process exactly as `annotator` starts it, on a new
library and with no settings: welcome and identity prompts, the sample
article, J/K/1/2/3/N/P/U/E/Delete/Ctrl+Z/Ctrl+F/Ctrl+Return by key presses
only, and a PDF report exported through the save dialog. The script
(`first_hour_app.py`) checks every step on screen or in SQLite. Then the app
starts again with a FILE: no welcome, and the keys act on the new article's
claims at once (nothing typed into the library filter).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.slow


@pytest.fixture
def xvfb_display():
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed (make system-deps installs it)")
    for number in range(140, 200):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        proc = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp",
             "-noreset"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        if proc.poll() is None:
            try:
                yield f":{number}"
            finally:
                proc.terminate()
                proc.wait(10)
            return
    pytest.fail("no free X display number for Xvfb")


def test_first_hour_on_a_real_display(xvfb_display, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("ANNOTATOR_CHECKER", "QT_QPA_PLATFORMTHEME", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=xvfb_display, HOME=str(home),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               ANNOTATOR_SETTINGS=str(home / "settings.json"), USER="checker")
    out = tmp_path / "steps.json"
    started = time.monotonic()
    proc = subprocess.run([sys.executable, str(HERE / "first_hour_app.py"),
                           str(tmp_path / "library.sqlite"), str(out)],
                          env=env, capture_output=True, text=True, timeout=150)
    elapsed = time.monotonic() - started
    report = json.loads(out.read_text()) if out.exists() else {"steps": []}
    log = proc.stdout[-6000:] + proc.stderr[-6000:]
    assert proc.returncode == 0, log
    names = [s["step"] for s in report["steps"]]
    assert names[0] == "welcome and identity" and names[-1] == "all steps passed", log
    assert "PDF report exported" in names
    print(f"first hour: {len(names)} steps in {elapsed:.1f} s")

    # The next start, with a FILE given: same settings, same library.
    article = tmp_path / "council.txt"
    article.write_text(
        "Council tax will rise by 4.99 per cent in April, the council said on Monday.\n"
        "A source close to the leader said the rise could reach 8 per cent next year.\n"
        "Unemployment in the borough fell to 3.1 per cent in 2024, official figures show.\n",
        encoding="utf-8")
    again = tmp_path / "again.json"
    proc = subprocess.run([sys.executable, str(HERE / "first_hour_app.py"),
                           str(tmp_path / "library.sqlite"), str(again), str(article)],
                          env=env, capture_output=True, text=True, timeout=150)
    log = proc.stdout[-6000:] + proc.stderr[-6000:]
    assert proc.returncode == 0, log
    steps = [s["step"] for s in json.loads(again.read_text())["steps"]]
    assert steps == ["relaunch with a FILE: keys on the claims", "all steps passed"], log
