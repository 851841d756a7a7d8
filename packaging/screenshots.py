"""Make the README's screenshots in a real X window under Xvfb.

    python packaging/screenshots.py [OUTDIR]

Starts Xvfb when no DISPLAY is set, runs the app on the sample article with a
throw-away library and settings, drives it like a checker (mark, note,
evidence, help window, library of several articles) and saves PNGs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def start_xvfb() -> subprocess.Popen | None:
    if os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM", "xcb") == "xcb":
        return None
    if not shutil.which("Xvfb"):
        sys.exit("Xvfb is not installed (apt-get install xvfb)")
    display = ":97"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return proc


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="annotator-shots-"))
    os.environ.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                      ANNOTATOR_SETTINGS=str(home / "settings.json"),
                      ANNOTATOR_CHECKER="Sam Checker")
    xvfb = start_xvfb()
    try:
        return shoot(out, home)
    finally:
        if xvfb is not None:
            xvfb.terminate()


def shoot(out: Path, home: Path) -> int:
    from PySide6.QtCore import QTimer

    from annotator.core.model import Verdict
    from annotator.gui import create_window
    from annotator.gui.app import make_application
    from annotator.gui.dialogs import HelpDialog

    app = make_application()
    db = home / "library.sqlite"
    samples = ROOT.parent / "shared" / "samples"
    extra = sorted(samples.glob("wikinews_*.txt"))[:4] if samples.is_dir() else []
    window = create_window(db_path=db, paths=[*extra, ROOT / "resources" / "samples" /
                                              "royal-reconciliation.txt"])
    window.resize(1500, 940)
    window.show()

    def wait(condition, timeout=120):
        deadline = time.time() + timeout
        while not condition():
            app.processEvents()
            # Not QTest.qWait: it keeps the GIL while it waits, starving the worker thread.
            time.sleep(0.05)
            if time.time() > deadline:
                raise SystemExit(f"timed out waiting for the window (article {window._article_id}, "
                                 f"analysing {window.session.analysing}, "
                                 f"tasks {window.session.tasks.active}, "
                                 f"claims {window.claim_model.rowCount()}, "
                                 f"title {window.article_title.text()[:60]!r})")

    wait(lambda: window._article_id is not None and not window.session.analysing
         and not window.session.tasks.active and window.claim_model.rowCount() > 0
         and "Prince Harry" in window.article_title.text())

    def grab(name: str, widget=None) -> None:
        for _ in range(14):  # the library's progress column refreshes 400 ms after an edit
            app.processEvents()
            time.sleep(0.05)
        target = widget or window
        screen = target.screen()
        pixmap = screen.grabWindow(target.winId()) if os.environ.get(
            "QT_QPA_PLATFORM") == "xcb" else target.grab()
        pixmap.save(str(out / name))
        print("wrote", out / name)

    claims = window.claim_model.claims()
    by_start = {c.text[:25]: c for c in claims}
    session = window.session

    def claim(prefix):
        return next(c for t, c in by_start.items() if t.startswith(prefix))

    us_source = claim("A US source told")
    session.set_verdict(us_source.id, Verdict.UNSOURCED)
    session.set_note(us_source.id, "Single anonymous source; Palace declined to comment.")
    trip = claim("The Duke of Sussex’s trip")
    session.set_verdict(trip.id, Verdict.VERIFIED)
    session.add_evidence(trip.id, "https://www.bbc.co.uk/news/uk-example",
                         "BBC: Harry loses security appeal")
    session.set_note(trip.id, "Court of Appeal ruling, May 2025; WellChild Awards on 8 Sept.")
    oprah = claim("In their March 2021 inter")
    session.set_verdict(oprah.id, Verdict.DISPUTED)
    session.set_note(oprah.id, "The interview aired on 7 March 2021; wording disputed.")
    window.select_claim(trip.id)
    grab("main-window.png")

    help_dialog = HelpDialog(window._shortcut_rows(), window)
    help_dialog.show()
    grab("help-window.png", help_dialog)
    help_dialog.close()

    window.library_view.setFocus()
    window.main_splitter.setSizes([460, 540, 500])
    app.processEvents()
    window.select_claim(us_source.id)
    grab("library.png")

    # The review report of the sample, as the editor gets it: the PDF's first two pages.
    from annotator.core.export.report import write_report

    pdf = home / "report.pdf"
    snapshot = session.library.snapshot(window._article_id, checker="Sam Checker",
                                        organisation="Fact-check desk")
    write_report(snapshot, pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", str(pdf),
                    str(out / "report-page")], check=True)
    for page in sorted(out.glob("report-page-*.png")):
        print("wrote", page)
    QTimer.singleShot(0, window.close)
    app.processEvents()
    window.session.tasks.wait(10000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
