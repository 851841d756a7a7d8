"""`annotator --self-test`: check that this installation works, then exit.

Runs the whole chain a checker relies on, with the built-in sample article and
a throw-away library in a temporary folder: read the sample, detect claims
(spaCy and the check-worthiness model), store and read back a verdict, read
HTML and Word files, render the review report (HTML, and PDF when WeasyPrint
and Pango are present), and draw text with Qt (a bundle without fonts or
font libraries draws nothing, or empty boxes).

It prints one line per check:

    ok   detection: 25 claims in 0.4 s
    FAIL report (pdf): cannot render the PDF report: ...
    skip report (pdf): WeasyPrint is not installed ...

and returns 0 when no check failed, 1 otherwise. It never opens a network
connection, never touches the user's library or settings, and never prints a
traceback: each check catches its own errors and reports them in one line.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

OK, FAIL, SKIP = "ok", "FAIL", "skip"
TEST_WORD = "Annotator"


class Skip(Exception):
    """A check that cannot run here, and whose absence is not a failure."""


class CheckFailed(Exception):
    """A check found a problem; the message says which, in one line."""


@dataclass
class _State:
    """What one check hands to the next (the sample text, the claims found...)."""

    tmp: Path
    text: str = ""
    title: str = ""
    units: list = field(default_factory=list)
    snapshot: object = None
    app: object = None  # the QGuiApplication this test created, kept alive


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(exc).split())
    if len(message) > 300:
        message = message[:297] + "..."
    name = type(exc).__name__
    if not message:
        return name
    from annotator.core.errors import AnnotatorError

    return message if isinstance(exc, (AnnotatorError, CheckFailed)) else f"{name}: {message}"


# ------------------------------------------------------------------ checks
def check_environment(state: _State) -> str:
    import annotator

    frozen = "bundle" if getattr(sys, "frozen", False) else "python"
    return (f"annotator {annotator.__version__}, Python {sys.version.split()[0]} ({frozen}), "
            f"{sys.platform}")


def check_sample(state: _State) -> str:
    from annotator.core.importers import read_article
    from annotator.resources import sample_article_path

    path = sample_article_path()
    if not path.is_file():
        raise CheckFailed(f"the built-in sample article is missing ({path})")
    loaded = read_article(path)
    state.text, state.title = loaded.text, loaded.title
    return f"{path.name}, {len(loaded.text):,} characters"


def check_detection(state: _State) -> str:
    from annotator.core.nlp.detector import Detector

    if not state.text:
        raise Skip("no sample text")
    started = time.perf_counter()
    detector = Detector()
    nlp = detector.nlp
    loaded_in = time.perf_counter() - started
    started = time.perf_counter()
    units = detector.detect(state.text)
    took = time.perf_counter() - started
    claims = [u for u in units if u.check_worthy]
    if not claims:
        raise CheckFailed(f"no claims found in the sample article ({len(units)} units)")
    for unit in units:
        if state.text[unit.start:unit.end] != unit.text:
            raise CheckFailed(f"offsets do not match the text at {unit.start}-{unit.end}")
    state.units = units
    return (f"{len(claims)} claims in {took:.1f} s (pipeline {nlp.meta.get('name', '?')} "
            f"{nlp.meta.get('version', '?')} loaded in {loaded_in:.1f} s)")


def check_library(state: _State) -> str:
    from annotator.core.library import Library

    if not state.units:
        raise Skip("no claims to store")
    path = state.tmp / "library.sqlite"
    with Library.open(path, backup=False, create=True) as library:
        article, added = library.add_article(state.title, state.text, state.units,
                                             source_path=None)
        if not added:
            raise CheckFailed("a new library already held the sample article")
        claims = library.claims(article.id)
        if not claims:
            raise CheckFailed("the stored article has no claims")
        first = claims[0]
        library.set_verdict(first.id, "verified", note="self-test note", by="self-test")
    # Read it back through a fresh connection, as another process would.
    with Library.open(path, backup=False) as library:
        integrity = library.integrity_check()
        if integrity != "ok":
            raise CheckFailed(f"integrity check: {integrity}")
        claim = library.claim(first.id)
        if claim.verdict.value != "verified" or claim.note != "self-test note":
            raise CheckFailed(f"read back {claim.verdict.value!r} / {claim.note!r} "
                               "instead of the verdict and note written")
        found = library.search("self-test")
        if not any(r.claim_id == first.id for r in found):
            raise CheckFailed("full-text search does not find the note just written")
        count = len(library.claims(article.id))
        state.snapshot = library.snapshot(checker="self-test", organisation="Self-test desk")
    return f"{count} claims stored, verdict and note read back, search works (SQLite " \
           f"{_sqlite_version()})"


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def check_importers(state: _State) -> str:
    from annotator.core.importers import read_article

    sentence = ("The city council said on Tuesday that 4,200 new homes would be built "
                "before 2030, more than twice the number promised last year.")
    html = state.tmp / "article.html"
    html.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Council plans homes</title>"
        "</head><body><nav>Home | News</nav><article><h1>Council plans homes</h1>"
        + "".join(f"<p>{sentence} Paragraph {i}.</p>" for i in range(6))
        + "</article><footer>Contact us</footer></body></html>", encoding="utf-8")
    loaded = read_article(html)
    if "4,200 new homes" not in loaded.text:
        raise CheckFailed("the HTML importer lost the article text")

    import docx  # python-docx: its default template must be present

    document = docx.Document()
    document.add_paragraph("Council plans homes")
    document.add_paragraph(sentence)
    docx_path = state.tmp / "article.docx"
    document.save(str(docx_path))
    loaded = read_article(docx_path)
    if "4,200 new homes" not in loaded.text:
        raise CheckFailed("the Word importer lost the article text")

    legacy = state.tmp / "legacy.txt"
    legacy.write_bytes(("Caf\u00e9 owners \u2013 \u201cprices rose 12%\u201d, said the "
                        "chamber\u2019s head. " * 8).encode("cp1252"))
    loaded = read_article(legacy)
    if "\u201cprices rose 12%\u201d" not in loaded.text:
        raise CheckFailed(f"a Windows-1252 file decoded as {loaded.encoding} garbled its text")
    return "HTML (trafilatura), Word (python-docx) and Windows-1252 text read correctly"


def check_report_html(state: _State) -> str:
    from annotator.core.export.report import write_report

    if state.snapshot is None:
        raise Skip("no library snapshot")
    target = state.tmp / "report.html"
    write_report(state.snapshot, target)
    html = target.read_text(encoding="utf-8")
    if "Claim review report" not in html or "self-test note" not in html:
        raise CheckFailed("the HTML report lacks its title or the note written")
    return f"{len(html) // 1024} KB written"


def check_report_pdf(state: _State) -> str:
    if state.snapshot is None:
        raise Skip("no library snapshot")
    try:
        import weasyprint  # noqa: F401  (needs the Pango library through cffi)
    except (ImportError, OSError) as exc:
        reason = f"WeasyPrint or Pango missing ({_one_line(exc)})"
        if getattr(sys, "frozen", False):  # the bundle carries both: their absence is a fault
            raise CheckFailed(f"PDF export broken in this bundle: {reason}") from None
        raise Skip(f"PDF export unavailable: {reason}") from None
    from annotator.core.export.report import write_report

    target = state.tmp / "report.pdf"
    write_report(state.snapshot, target)
    data = target.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise CheckFailed("the file written is not a PDF")
    objects = _pdf_objects(data)
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", objects))
    if not pages:
        raise CheckFailed("the PDF has no page")
    if not re.search(rb"/FontFile[23]?\b", objects):
        raise CheckFailed("the PDF embeds no font: its text would not show")
    return (f"{len(data) // 1024} KB, {pages} page{'s' if pages != 1 else ''}, fonts embedded "
            f"(WeasyPrint {weasyprint.__version__})")


def _pdf_objects(data: bytes) -> bytes:
    """The PDF's bytes with every Flate stream inflated (objects sit in object streams)."""
    import zlib

    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end():match.end() + 4_000_000]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def _choose_platform() -> tuple[str, str | None]:
    """Pick the Qt platform and make Qt fall back to offscreen rather than abort.

    Returns (the platform wanted, a problem to report or None). Qt calls
    abort() when its platform plugin cannot start, which no Python code can
    catch, so the list ends with "offscreen" and the check reports the fallback.
    """
    requested = os.environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        wanted = requested.split(";")[0].split(":")[0]
    elif os.environ.get("WAYLAND_DISPLAY"):
        wanted, requested = "wayland", "wayland;xcb"
    elif os.environ.get("DISPLAY"):
        wanted, requested = "xcb", "xcb"
    else:
        wanted, requested = "offscreen", "offscreen"
    problem = None
    if wanted == "xcb" and not os.environ.get("DISPLAY"):
        problem = "QT_QPA_PLATFORM is xcb but DISPLAY is not set"
        requested = "offscreen"
    if "offscreen" not in requested.split(";"):
        requested += ";offscreen"
    os.environ["QT_QPA_PLATFORM"] = requested
    return wanted, problem


def check_text_rendering(state: _State) -> str:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import (QColor, QFontDatabase, QFontInfo, QGuiApplication, QImage, QPainter,
                               QRawFont)

    problem = None
    app = QGuiApplication.instance()
    if app is None:
        wanted, problem = _choose_platform()
        state.app = QGuiApplication([sys.argv[0] if sys.argv else "annotator"])
        app = state.app
        platform = app.platformName()
        if problem is None and wanted != "offscreen" and platform == "offscreen":
            problem = (f"the Qt platform {wanted!r} could not start (missing X libraries or no "
                       "display?)")
    platform = app.platformName()
    families = QFontDatabase.families()
    if not families:
        raise CheckFailed(f"Qt finds no font at all (platform {platform}); install fonts "
                           "(e.g. fonts-dejavu-core) and fontconfig")
    font = QGuiApplication.font()
    font.setPointSize(28)
    family = QFontInfo(font).family()
    raw = QRawFont.fromFont(font)
    missing = [ch for ch in TEST_WORD if not raw.supportsCharacter(ch)]
    if missing:
        raise CheckFailed(f"the font {family!r} has no glyph for {''.join(missing)!r}")

    def draw(text: str) -> QImage:
        image = QImage(360, 80, QImage.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(QRect(0, 0, 360, 80), int(Qt.AlignCenter), text)
        painter.end()
        return image

    def dark_fraction(image: QImage) -> float:
        width, height = image.width(), image.height()
        dark = 0
        for y in range(0, height, 2):
            for x in range(0, width, 2):
                if QColor(image.pixel(x, y)).lightness() < 128:
                    dark += 1
        return dark / (((width + 1) // 2) * ((height + 1) // 2))

    word = dark_fraction(draw(TEST_WORD))
    if word < 0.01:
        raise CheckFailed(f"drawing {TEST_WORD!r} in {family!r} left the image blank "
                           f"(platform {platform})")
    if word > 0.6:
        raise CheckFailed(f"drawing {TEST_WORD!r} in {family!r} filled the image "
                           f"({word:.0%} dark)")
    # Missing glyphs are drawn as identical boxes: distinct letters must differ.
    if draw("A") == draw("o") or draw("l") == draw("m"):
        raise CheckFailed(f"the font {family!r} draws every letter the same (empty boxes)")
    result = (f"{family!r} draws {TEST_WORD!r} ({word:.0%} dark pixels, "
              f"{len(families)} font families, platform {platform})")
    if problem:
        raise CheckFailed(f"{problem}; offscreen text rendering: {result}")
    return result


# Libraries Qt's xcb platform plugin needs that a minimal Debian or Ubuntu lacks, with the
# package that provides each (the Makefile's RUN_APT_PACKAGES installs them for `make run`).
XCB_LIBRARY_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-randr.so.0": "libxcb-randr0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1", "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libSM.so.6": "libsm6", "libICE.so.6": "libice6", "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

_XCB_PROBE = ("import sys\nfrom PySide6.QtGui import QGuiApplication\n"
              "app = QGuiApplication(['annotator'])\nprint(app.platformName())\n")


def _xcb_plugin() -> Path | None:
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    found = sorted((plugins / "platforms").glob("libqxcb*.so*"))
    return found[0] if found else None


def check_display_platform(state: _State) -> str:
    """The platform the window gets on a desktop (X11, or XWayland), whatever this run uses.

    The window aborts inside Qt when the xcb plugin's libraries are missing, while the
    offscreen platform the other checks may use still works; so read the plugin's
    dependencies with ldd and, when a display is present, start Qt on it in a child.
    """
    import shutil
    import subprocess

    if not sys.platform.startswith("linux"):
        raise Skip(f"only checked on Linux ({sys.platform})")
    plugin = _xcb_plugin()
    if plugin is None:
        raise CheckFailed("Qt's X11 platform plugin (libqxcb.so) is missing: the window "
                           "cannot open on X11 or XWayland")
    ldd = shutil.which("ldd")
    if ldd is None:
        raise Skip("ldd is not installed, so the X11 plugin's libraries cannot be checked")
    env = dict(os.environ)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # the bundle's own libraries (GLib...) are found there, not on the system
        env["LD_LIBRARY_PATH"] = os.pathsep.join(
            p for p in (frozen, env.get("LD_LIBRARY_PATH", "")) if p)
    out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=60,
                         env=env).stdout
    missing = sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
    if missing:
        packages = sorted({XCB_LIBRARY_PACKAGES.get(name, name) for name in missing})
        raise CheckFailed(f"the window cannot open on X11: missing {', '.join(missing)} "
                           f"(Debian/Ubuntu: apt install {' '.join(packages)})")
    result = "X11 plugin libraries present"
    display = os.environ.get("DISPLAY")
    if not display:
        return result + " (no DISPLAY: the window itself was not started)"
    if getattr(sys, "frozen", False):
        return result + f" (DISPLAY {display}; start the window to try it)"
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    try:
        proc = subprocess.run([sys.executable, "-c", _XCB_PROBE], capture_output=True,
                              text=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"Qt did not start on DISPLAY {display} within 60 s") from None
    if proc.returncode != 0 or proc.stdout.strip() != "xcb":
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        why = lines[-1].strip() if lines else f"exit status {proc.returncode}"
        raise CheckFailed(f"Qt cannot open a window on DISPLAY {display}: {why}")
    return result + f", Qt starts on DISPLAY {display} (xcb)"


CHECKS: list[tuple[str, Callable[[_State], str]]] = [
    ("installation", check_environment),
    ("sample", check_sample),
    ("detection", check_detection),
    ("library", check_library),
    ("importers", check_importers),
    ("report (html)", check_report_html),
    ("report (pdf)", check_report_pdf),
    ("text rendering", check_text_rendering),
    ("display platform", check_display_platform),
]


def _emit(status: str, name: str, message: str) -> None:
    try:
        print(f"{status:<4} {name}: {message}", flush=True)
    except (OSError, ValueError):  # a closed stdout: nothing to tell anyone
        pass


def run_self_test() -> int:
    """Run every check, print one line for each; 0 if none failed, else 1."""
    failed = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tmp_dir = tempfile.TemporaryDirectory(prefix="annotator-selftest-")
        except Exception as exc:
            _emit(FAIL, "temporary folder", _one_line(exc))
            return 1
        try:
            state = _State(Path(tmp_dir.name))
            for name, check in CHECKS:
                try:
                    message = check(state)
                except Skip as exc:
                    _emit(SKIP, name, str(exc))
                except Exception as exc:  # every failure is one line, never a traceback
                    failed += 1
                    _emit(FAIL, name, _one_line(exc))
                else:
                    _emit(OK, name, message)
        finally:
            try:
                tmp_dir.cleanup()
            except Exception:
                pass
    _emit(OK if not failed else FAIL, "self-test",
          "all checks passed" if not failed else
          f"{failed} check{'s' if failed != 1 else ''} failed")
    return 0 if not failed else 1
