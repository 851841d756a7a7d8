"""A checker's first hour, run as the real app on a real X display.

    QT_QPA_PLATFORM=xcb DISPLAY=:N python tests/gui/first_hour_app.py LIBRARY OUT.json [FILE]

Starts Annotator the way `annotator` does (`run_gui`: welcome dialog, sample
article, language model), then acts only through input events: QTest key
presses sent to whatever widget has the keyboard (QApplication.focusWidget()),
as X would deliver them. No method of the window or the session is called.
Every step is checked on screen (widgets' state) or in the SQLite file, read
with the sqlite3 module as another program would. Prints one line per step
and writes the steps to OUT.json; exits 0 when all passed. Given a FILE, it
checks the next start instead (no welcome, keys on the new article's claims).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

DB = Path(sys.argv[1])
OUT = Path(sys.argv[2])
FILES = sys.argv[3:]  # a relaunch with FILE arguments
STEPS: list[dict] = []
START = time.monotonic()


def step(name: str, **facts) -> None:
    STEPS.append({"step": name, "t": round(time.monotonic() - START, 2), **facts})
    print(f"[{STEPS[-1]['t']:6.2f}s] {name} {facts if facts else ''}", flush=True)


def sleep(seconds: float):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        yield


def wait(what: str, condition, timeout: float = 60.0):
    """Yield to the event loop until `condition()` is true; return its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        yield


def keyboard():
    """The widget X delivers keys to: the focus widget of the active window."""
    return (QApplication.focusWidget() or QApplication.activeModalWidget()
            or QApplication.activeWindow())


def key(k, modifier=Qt.NoModifier, settle: float = 0.25):
    """Press a key from the event loop (a key that opens a modal dialog does
    not block the script: the dialog's own loop keeps driving it)."""
    yield from wait("a widget with the keyboard", keyboard, 10)
    QTimer.singleShot(0, lambda: QTest.keyClick(keyboard(), k, modifier))
    yield from sleep(settle)


def type_text(text: str):
    yield from wait("a widget with the keyboard", keyboard, 10)
    QTimer.singleShot(0, lambda: QTest.keyClicks(keyboard(), text))
    yield from sleep(0.15)


def db(sql: str, *args):
    conn = sqlite3.connect(DB)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def main_window():
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")


def widget(name: str):
    found = main_window().findChild(object, name)
    assert found is not None, name
    return found


def current_claim_id() -> int | None:
    from annotator.gui.claim_model import CLAIM_ID_ROLE

    index = widget("claimList").currentIndex()
    return index.sibling(index.row(), 0).data(CLAIM_ID_ROLE) if index.isValid() else None


def listed_number(claim_id: int) -> str:
    from annotator.gui.claim_model import CLAIM_ID_ROLE

    view = widget("claimList")
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(CLAIM_ID_ROLE) == claim_id:
            return model.index(row, 0).data()
    raise AssertionError(f"claim {claim_id} not listed")


def verdict(claim_id: int) -> str:
    return db("SELECT verdict FROM claims WHERE id = ?", claim_id)[0][0]


def status() -> str:
    return main_window().statusBar().currentMessage()


def drive():
    # 1. First run: the welcome dialog asks who is checking.
    welcome = yield from wait("the welcome dialog", lambda: next(
        (w for w in QApplication.topLevelWidgets()
         if w.objectName() == "welcomeDialog" and w.isVisible()), None))
    name_field = yield from wait("the name field to have the keyboard", lambda: isinstance(
        QApplication.focusWidget(), QLineEdit) and QApplication.focusWidget())
    assert name_field.objectName() == "welcomeChecker", name_field.objectName()
    yield from key(Qt.Key_A, Qt.ControlModifier)
    yield from type_text("Sam Okafor")
    yield from key(Qt.Key_Tab)
    yield from type_text("Example Fact Desk")
    yield from key(Qt.Key_Return)
    yield from wait("the welcome dialog to close", lambda: not welcome.isVisible())
    settings = json.loads(Path(os.environ["ANNOTATOR_SETTINGS"]).read_text())
    assert (settings["checker"], settings["organisation"], settings["welcome_shown"]) == (
        "Sam Okafor", "Example Fact Desk", True), settings
    assert "Sam Okafor" in widget("checkerLabel").text()
    step("welcome and identity", checker=settings["checker"],
         organisation=settings["organisation"])

    # 2. The sample is analysed; the keyboard is on the claim list, first claim selected.
    yield from wait("the sample's claims", lambda: db(
        "SELECT count(*) FROM claims WHERE check_worthy = 1")[0][0] > 5, 90)
    yield from wait("the first claim selected", lambda: current_claim_id() is not None
         and widget("claimList").currentIndex().row() == 0, 60)
    yield from wait("the claim list to have the keyboard",
         lambda: QApplication.focusWidget() is widget("claimList"), 10)
    assert widget("libraryFilter").text() == ""
    first = current_claim_id()
    step("focus on the first claim", claim=first, number=listed_number(first))

    # 3. J / K move; 1 / 2 / 3 mark, saved at once with the checker's name.
    yield from key("j")
    second = current_claim_id()
    assert second != first and widget("claimList").currentIndex().row() == 1
    yield from key("k")
    assert current_claim_id() == first
    step("J and K move", to=second, back=first)
    marked = {}
    for digit, expected in (("1", "verified"), ("2", "disputed"), ("3", "unsourced")):
        claim = current_claim_id()
        yield from key(digit)
        yield from wait(f"{expected} saved", lambda c=claim, e=expected: verdict(c) == e, 10)
        who = db("SELECT checker FROM claims WHERE id = ?", claim)[0][0]
        assert who == "Sam Okafor", who
        marked[claim] = expected
        yield from key("j")
    step("1 2 3 mark", marked=marked)
    assert widget("libraryFilter").text() == ""  # no key went into the filter

    # 4. N goes to the next unreviewed claim.
    yield from key("n")
    target = current_claim_id()
    assert target not in marked and verdict(target) == "unreviewed"
    step("N next unreviewed", claim=target)

    # 5. P: priority order (suggested "unsourced", then most check-worthy) from its
    #    top; N to the first unreviewed there; U accepts its suggestion.
    yield from key("p")
    assert "priority" in widget("orderLabel").text()
    top = current_claim_id()
    assert widget("claimList").currentIndex().row() == 0  # P starts at the top
    suggested, score = db("SELECT suggested_verdict, score FROM claims WHERE id = ?", top)[0]
    best = db("SELECT max(score) FROM claims WHERE check_worthy = 1 AND removed = 0 AND "
              "coalesce(suggested_verdict, '') = coalesce(?, '')", suggested)[0][0]
    assert suggested == "unsourced" or not db(
        "SELECT 1 FROM claims WHERE suggested_verdict = 'unsourced' AND check_worthy = 1 "
        "AND removed = 0"), (suggested, score)
    assert abs(score - best) < 1e-9, (score, best)
    yield from key("n")
    pick = current_claim_id()
    suggested = db("SELECT suggested_verdict FROM claims WHERE id = ?", pick)[0][0]
    assert verdict(pick) == "unreviewed"
    yield from key("u")
    if suggested:
        yield from wait("the suggestion accepted", lambda: verdict(pick) == suggested, 10)
    else:
        assert "No suggested verdict" in status(), status()
    step("P priority order, N, U accepts", top=top, top_score=round(score, 2), claim=pick,
         suggested=suggested, verdict=verdict(pick))
    yield from key("p")
    assert "article" in widget("orderLabel").text()

    # 6. Delete removes the claim, and the next one is selected (the keyboard stays).
    yield from key("j")
    removed = current_claim_id()
    yield from key(Qt.Key_Delete, settle=0.5)
    yield from wait("the claim removed", lambda: db(
        "SELECT removed FROM claims WHERE id = ?", removed)[0][0] == 1, 10)
    claim = yield from wait("the next claim selected", lambda: current_claim_id() not in (
        None, removed) and current_claim_id(), 10)
    step("Delete removes and moves on", removed=removed, now=claim)

    # 7. E: evidence on it. The URL typed goes into the dialog, never to the claim keys.
    before = verdict(claim)
    yield from key("e", settle=0.4)
    dialog = yield from wait("the evidence dialog", QApplication.activeModalWidget)
    assert dialog.objectName() == "evidenceDialog"
    url = "https://example.org/run-numbers-unsourced"
    yield from type_text(url)
    yield from key(Qt.Key_Return, settle=0.5)
    yield from wait("the evidence saved", lambda: db(
        "SELECT url, removed FROM evidence WHERE claim_id = ?", claim) == [(url, 0)], 10)
    assert verdict(claim) == before and current_claim_id() == claim
    step("E evidence", claim=claim, url=url)

    # 8. Ctrl+Z twice: the evidence, then the removal; the Redo text names the
    #    claim by the number the list shows.
    yield from key(Qt.Key_Z, Qt.ControlModifier, settle=0.4)
    yield from wait("the evidence undone", lambda: db(
        "SELECT removed FROM evidence WHERE claim_id = ?", claim) == [(1,)], 10)
    yield from key(Qt.Key_Z, Qt.ControlModifier, settle=0.5)
    yield from wait("the claim restored", lambda: db(
        "SELECT removed FROM claims WHERE id = ?", removed)[0][0] == 0, 10)
    number = db("SELECT number FROM claims WHERE id = ?", removed)[0][0]
    yield from wait("the claim listed again", lambda: _listed(removed), 10)
    assert listed_number(removed) == str(number)
    redo_texts = [a.text() for a in main_window().actions() if "Redo" in a.text()]
    assert any(f"#{number}" in t for t in redo_texts), redo_texts
    step("Ctrl+Z undoes", claim=removed, number=number, redo=redo_texts)

    # 9. Ctrl+F: search every article; counts in words; Enter opens the hit.
    yield from key(Qt.Key_F, Qt.ControlModifier, settle=0.4)
    search = yield from wait("the search dialog", QApplication.activeModalWidget)
    assert search.objectName() == "searchDialog"
    yield from type_text("Mirror")
    results = search.findChild(object, "searchResults")
    yield from wait("search results", lambda: results.rowCount() > 0, 10)
    summary = search.findChild(object, "searchStatus").text()
    assert summary.split()[0] in ("One", "Two", "Three", "Four", "Five"), summary
    assert results.horizontalScrollBar().maximum() == 0  # nothing cut off sideways
    yield from key(Qt.Key_Return, settle=0.5)
    yield from wait("the hit selected", lambda: _closed(search) and current_claim_id() is not None)
    hit = current_claim_id()
    assert "Mirror" in db("SELECT text FROM claims WHERE id = ?", hit)[0][0]
    step("Ctrl+F finds", summary=summary, claim=hit)

    # 10. Ctrl+Shift+T to the text, Shift+Ctrl+Right selects words, Ctrl+Return adds a claim.
    numbers_before = dict(db("SELECT id, number FROM claims"))
    yield from key(Qt.Key_T, Qt.ControlModifier | Qt.ShiftModifier)
    assert QApplication.focusWidget() is widget("articleView")
    for _ in range(3):
        yield from key(Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier, settle=0.05)
    yield from key(Qt.Key_Return, Qt.ControlModifier, settle=0.6)
    added = yield from wait("the claim added by hand", lambda: db(
        "SELECT id, number FROM claims WHERE origin = 'manual'"), 10)
    (added_id, added_number), = added
    assert added_number == max(numbers_before.values()) + 1
    assert dict(db("SELECT id, number FROM claims WHERE id != ?", added_id)) == numbers_before
    yield from wait("the new claim listed", lambda: _listed(added_id), 10)
    yield from wait("the new claim selected", lambda: current_claim_id() == added_id, 10)
    score_cell = _cell(added_id, 3)
    assert score_cell == "added by hand", score_cell
    step("Ctrl+Return adds a claim", claim=added_id, number=added_number, score=score_cell)

    # 11. Export the review report as PDF: the name comes from the title and date.
    yield from key(Qt.Key_L, Qt.ControlModifier)
    yield from key(Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier, settle=0.6)
    chooser = yield from wait("the save dialog", QApplication.activeModalWidget)
    name_box = QApplication.focusWidget()
    suggested_name = name_box.text() if isinstance(name_box, QLineEdit) else ""
    assert suggested_name.startswith("prince-harry") and suggested_name.endswith(
        "-report.pdf"), suggested_name
    yield from key(Qt.Key_Return, settle=0.5)
    yield from wait("the save dialog to close", lambda: _closed(chooser), 10)
    pdf = Path.home() / suggested_name
    yield from wait("the PDF written", lambda: pdf.exists() and pdf.stat().st_size > 10_000
         and "Exported" in status(), 60)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Example Fact Desk" in text and "Sam Okafor" in text
    step("PDF report exported", path=str(pdf), size=pdf.stat().st_size)

    step("all steps passed")
    OUT.write_text(json.dumps({"ok": True, "steps": STEPS}, indent=1))
    yield from key(Qt.Key_Q, Qt.ControlModifier)  # Quit: the app's own exit path


def relaunch():
    """The next start, with a FILE: no welcome, the keyboard on the new article's
    first claim; J moves and R (no earlier review) types nothing anywhere."""
    yield from wait("the new article's claims", lambda: db(
        "SELECT count(*) FROM articles")[0][0] == 2, 90)
    yield from wait("the first claim selected", lambda: current_claim_id() is not None
                    and widget("claimList").currentIndex().row() == 0 and db(
                        "SELECT article_id FROM claims WHERE id = ?",
                        current_claim_id())[0][0] == 2, 60)
    yield from wait(f"the claim list to have the keyboard ({QApplication.focusWidget()}, "
                    f"{QApplication.activeWindow()})",
                    lambda: QApplication.focusWidget() is widget("claimList"), 10)
    assert not any(w.objectName() == "welcomeDialog" and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    yield from key("j")
    assert widget("claimList").currentIndex().row() == 1
    yield from key("r")
    assert widget("libraryFilter").text() == ""
    assert "not been checked elsewhere" in status(), status()
    step("relaunch with a FILE: keys on the claims", claim=current_claim_id(),
         status=status())
    step("all steps passed")
    OUT.write_text(json.dumps({"ok": True, "steps": STEPS}, indent=1))
    yield from key(Qt.Key_Q, Qt.ControlModifier)


def _closed(dialog) -> bool:
    try:
        return not dialog.isVisible()
    except RuntimeError:  # a static QFileDialog deletes itself
        return True


def _listed(claim_id: int) -> bool:
    try:
        listed_number(claim_id)
        return True
    except AssertionError:
        return False


def _cell(claim_id: int, column: int) -> str:
    from annotator.gui.claim_model import CLAIM_ID_ROLE

    model = widget("claimList").model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(CLAIM_ID_ROLE) == claim_id:
            return model.index(row, column).data()
    raise AssertionError(claim_id)


def run() -> int:
    from annotator.gui.app import make_application, run_gui

    make_application()

    script = relaunch() if FILES else drive()
    ticker = QTimer()
    ticker.setInterval(20)

    def tick() -> None:
        try:
            next(script)
            return
        except StopIteration:
            pass
        except BaseException:  # noqa: BLE001 - reported, then the app quits
            traceback.print_exc()
            QApplication.exit(3)
        ticker.stop()

    ticker.timeout.connect(tick)
    ticker.start()
    code = run_gui(FILES, db_path=str(DB))
    passed = bool(STEPS) and STEPS[-1]["step"] == "all steps passed"
    return 0 if passed and code == 0 else (code or 1)


if __name__ == "__main__":
    sys.exit(run())
