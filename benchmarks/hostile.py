"""Hostile inputs: every one must be read or refused in bounded time and memory.

    python -m benchmarks.hostile [--quick] [--only NAME[,NAME]] [--out R.json]
    python -m benchmarks --only hostile          (part of `make bench`)

`build_corpus(folder)` generates the corpus (the tests build the same inputs,
smaller, in tests/core/test_hostile_inputs.py): decompression bombs and
oversized .docx packages, a giant line without a sentence end, deep, wide
and oversized JSON, absurd numbers, hostile evidence links, spreadsheet
formula variants, text encodings that fool detectors and a 5 MB note
without spaces.

Each case runs in its own child process (`... case NAME --folder F --out R`)
so its peak RSS (VmHWM) is its own; the parent kills it after TIMEOUT_S.
Targets: every case under 10 s and 1 GB (LIMIT_S, LIMIT_MB). A case passes
whether the input is used or refused, as long as a refusal is one clear
line (an AnnotatorError), never a traceback or an internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LIMIT_S = 10.0
LIMIT_MB = 1024.0
TIMEOUT_S = 30.0  # a case still running then has missed its target three times over
KILL_MB = 2048.0  # the machine is shared: a runaway case is stopped at twice the target

SENTENCE = "The council spent 3 million pounds on roads in 2020, a source said. "
ARTICLE = ("Council spending rose sharply\n\n" + SENTENCE * 8 + "\n\nOfficials said 4,000 jobs "
           "were lost in Leeds last year. The mayor denied it on Tuesday.\n")


@dataclass(frozen=True)
class Case:
    name: str
    what: str  # one line, for the table
    operation: str  # see run_case
    file: str  # inside the corpus folder


# ------------------------------------------------------------------ the corpus
def _docx(path: Path, document_xml_chunks, extra_parts: int = 0) -> None:
    """A minimal .docx whose document.xml is streamed from chunks (bombs stay small)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
             'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
             'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
             'ContentType="application/xml"/><Override PartName="/word/document.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
             'document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", rels)
        with package.open("word/document.xml", "w", force_zip64=True) as doc:
            doc.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}">'
                      "<w:body>".encode())
            for chunk in document_xml_chunks:
                doc.write(chunk)
            doc.write(b"</w:body></w:document>")
        for number in range(extra_parts):
            package.writestr(f"customXml/item{number}.xml", "<a/>")


def _paragraphs(total_bytes: int, per_paragraph: str = SENTENCE * 3):
    unit = f"<w:p><w:r><w:t>{per_paragraph}</w:t></w:r></w:p>".encode()
    block = unit * max(1, (1 << 20) // len(unit))
    written = 0
    while written < total_bytes:
        yield block
        written += len(block)


def _annotation(sha: str, start: Any, end: Any, exact: str | None, links=(),
                verdict: str = "disputed", note: str = "") -> dict[str, Any]:
    selectors: list[dict[str, Any]] = [{"type": "TextPositionSelector", "start": start,
                                        "end": end}]
    if exact is not None:
        selectors.insert(0, {"type": "TextQuoteSelector", "exact": exact})
    bodies: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "assessing",
                                     "value": verdict}]
    if note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": note})
    bodies += [{"type": "SpecificResource", "purpose": "linking", "source": u} for u in links]
    return {"type": "Annotation", "motivation": "assessing", "body": bodies,
            "modified": "2026-03-01T10:00:00+00:00",
            "target": {"source": {"id": f"urn:sha256:{sha}", "label": "Hostile"},
                       "selector": selectors}}


def _collection(items: list, text: str, sha: str) -> dict[str, Any]:
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "total": len(items), "first": {"type": "AnnotationPage", "items": items},
            "annotator:articles": [{"id": f"urn:sha256:{sha}", "type": "Text",
                                    "label": "Hostile", "sha256": sha, "value": text}]}


HOSTILE_LINKS = ("file:///etc/passwd", "file://host/share/x.exe", "javascript:alert(1)",
                 "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                 "smb://host/share", "\\\\host\\share\\x.exe", "vbscript:msgbox", "https://",
                 "http://[::1", "ftp://example.org/x", "  https://ok.example/a  ",
                 "https://example.org/\u202etxt.exe", "https://example.org/" + "a" * 5000)

FORMULAS = ("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n=1+1", " =1+1",
            "\uff1d1+1", "=HYPERLINK(\"http://evil.example\",\"x\")", "=cmd|' /C calc'!A0",
            "\ufeff=1+1", "\u00a0=1+1", "%0A=1+1", "\"=1+1\"", "'=1+1", "=-1", "-=1", "+-=1",
            "==1", "@", "=", "\u200b=1+1", "\x00=1+1")


def build_corpus(folder: Path, quick: bool = False) -> list[Case]:
    """Write every hostile input into `folder`; return the cases."""
    from annotator.core.rows import text_sha256

    folder.mkdir(parents=True, exist_ok=True)
    scale = 0.2 if quick else 1.0
    cases: list[Case] = []

    def add(name: str, what: str, operation: str, file: str) -> None:
        cases.append(Case(name, what, operation, file))

    # .docx: a bomb (1 MB that inflates to 300 MB), too many parts, the largest accepted.
    _docx(folder / "bomb.docx", _paragraphs(int(300e6 * scale)))
    add("docx-bomb", f"{(folder / 'bomb.docx').stat().st_size / 1e6:.1f} MB .docx inflating "
        f"to {300 * scale:.0f} MB", "read", "bomb.docx")
    _docx(folder / "parts.docx", _paragraphs(10_000), extra_parts=5000)
    add("docx-parts", ".docx with 5,000 parts", "read", "parts.docx")
    _docx(folder / "largest.docx", _paragraphs(int(11.5e6 * scale)))
    add("docx-largest", f".docx with {11.5 * scale:.1f} MB of XML (under the limit)", "read",
        "largest.docx")

    # Text: a giant line without a sentence end; encodings.
    giant = int(15e6 * scale)
    (folder / "giant-line.txt").write_bytes(b"word " * (giant // 5))
    add("giant-line", f"{giant / 1e6:.0f} MB on one line, no sentence end (read + detect)",
        "detect", "giant-line.txt")
    (folder / "giant-line-1mb.txt").write_bytes(b"word, " * 170_000)
    add("giant-line-1mb", "1 MB on one line, no sentence end (read + detect)", "detect",
        "giant-line-1mb.txt")
    (folder / "utf16-nobom.txt").write_bytes((ARTICLE * 2000).encode("utf-16-le"))
    add("utf16-nobom", f"{len(ARTICLE) * 4000 / 1e6:.1f} MB UTF-16 without BOM", "read",
        "utf16-nobom.txt")
    stray = (ARTICLE * int(7500 * scale)).encode("ascii")
    stray = stray.replace(b"jobs", b"jobs\xe9", 500)
    (folder / "stray-bytes.txt").write_bytes(stray)
    add("stray-bytes", f"{len(stray) / 1e6:.1f} MB ASCII with stray bytes", "read",
        "stray-bytes.txt")

    # Annotation files.
    text = ARTICLE
    sha = text_sha256(text)
    quote_start = text.index("Officials")
    (folder / "deep.json").write_text("[" * 1_000_000 + "]" * 1_000_000)
    add("json-deep", "JSON nested 1,000,000 deep", "annotations", "deep.json")
    (folder / "wide.json").write_text("[" + ",".join(["[]"] * int(8e6 * scale)) + "]")
    add("json-wide", f"JSON list of {8 * scale:.1f} million empty lists", "annotations",
        "wide.json")
    with open(folder / "huge.json", "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: refused on its size before reading
    add("json-huge", "200 MB annotation file", "annotations", "huge.json")
    for name, start in (("digits", "9" * 5000), ("superscript", '"\u00b2"'),
                        ("float", "1e999999"), ("nan", "NaN")):
        (folder / f"number-{name}.json").write_text(
            '{"type": "Annotation", "body": {"purpose": "assessing", "value": "verified"}, '
            '"target": {"source": "urn:x", "selector": {"type": "TextPositionSelector", '
            f'"start": {start}, "end": 3}}}}}}', encoding="utf-8")
        add(f"json-number-{name}", f"offset {start[:12]}{'…' if len(start) > 12 else ''}",
            "annotations", f"number-{name}.json")
    count = int(50_000 * scale)  # about 27 MB: under the 32 MB limit for annotation files
    misses = [_annotation(sha, 10 ** 9, 10 ** 9 + 5, f"not in the text {i} " * 3)
              for i in range(count)]
    (folder / "many.json").write_text(json.dumps(_collection(misses, text, sha)))
    add("json-many", f"{count:,} annotations whose quotes are not in the text", "annotations",
        "many.json")
    long_text = "a" * 2_000_000 + "\n"
    long_sha = text_sha256(long_text)
    ambiguous = [_annotation(long_sha, 10 ** 9, 10 ** 9 + 1, "a")
                 for _ in range(int(50_000 * scale))]
    (folder / "ambiguous.json").write_text(json.dumps(_collection(
        ambiguous, long_text, text_sha256(long_text))))
    add("json-ambiguous", f"{len(ambiguous):,} one-letter quotes in 2 MB of 'a'",
        "annotations", "ambiguous.json")
    linked = [_annotation(sha, quote_start, quote_start + 9, "Officials", links=HOSTILE_LINKS,
                          note=f"note {i}") for i in range(200)]
    (folder / "links.json").write_text(json.dumps(_collection(linked, text, sha)))
    add("hostile-links", f"{len(HOSTILE_LINKS)} hostile evidence links: import, then the HTML "
        "report", "links", "links.json")

    # Exports: formula variants (CSV), a 5 MB note without spaces (HTML and PDF reports).
    (folder / "formulas.json").write_text(json.dumps(FORMULAS))
    add("csv-formulas", f"{len(FORMULAS)} formula variants in claims, notes and links: CSV",
        "csv", "formulas.json")
    (folder / "note.txt").write_text("x" * int(5e6 * scale))
    add("note-html", f"{5 * scale:.0f} MB note without spaces: HTML report", "note-html",
        "note.txt")
    add("note-pdf", f"{5 * scale:.0f} MB note without spaces: PDF report", "note-pdf",
        "note.txt")
    return cases


# ------------------------------------------------------------------ one case
def _library_with(folder: Path, text: str):
    from annotator.core.library import Library

    db = folder / "library.sqlite"
    for stale in folder.glob("library.sqlite*"):
        stale.unlink()
    library = Library.open(db, create=True, backup=False)
    article, _ = library.add_article("Hostile", text, [])
    return library, article


def run_case(case: Case, folder: Path, work: Path) -> dict[str, Any]:
    """Do what the case asks; return what happened (the caller times it)."""
    from annotator.core.errors import AnnotatorError

    path = folder / case.file
    work.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {}
    try:
        if case.operation in ("read", "detect"):
            from annotator.core.importers import read_article

            loaded = read_article(path)
            result["chars"] = len(loaded.text)
            result["encoding"] = loaded.encoding
            if case.operation == "detect":
                from annotator.core.nlp.detector import Detector

                result["units"] = len(Detector().detect(loaded.text))
        elif case.operation in ("annotations", "links"):
            from annotator.core.annotations_import import import_w3c_file
            from annotator.core.library import Library

            library = Library.open(work / "import.sqlite", create=True, backup=False)
            imported = import_w3c_file(library, path)
            result["summary"] = imported.summary
            if case.operation == "links":
                from annotator.core.export.report import write_report
                from annotator.core.links import is_web_url

                urls = [e.url for c in library.claims(include_all_units=True) for e in c.evidence]
                result["links"] = len(urls)
                result["openable"] = sorted({u for u in urls if is_web_url(u)})
                write_report(library.snapshot(), work / "links.html")
                result["report_bytes"] = (work / "links.html").stat().st_size
            library.close()
        elif case.operation == "csv":
            from annotator.core.export.csv_export import write_csv

            formulas = json.loads(path.read_text())
            text = "".join(f"Claim {i}: {f} end.\n" for i, f in enumerate(formulas))
            library, article = _library_with(work, text)
            position = 0
            for i, formula in enumerate(formulas):
                line = f"Claim {i}: {formula} end."
                start = text.index(line, position) + len(f"Claim {i}: ")
                position = start
                end = start + max(1, len(formula.strip()) or 1)
                try:
                    claim = library.add_claim(article.id, start, end)
                except (AnnotatorError, ValueError):
                    continue
                library.set_verdict(claim.id, "disputed", note=formula)
                library.add_evidence(claim.id, formula)
            result["rows"] = write_csv(library.snapshot(), work / "formulas.csv")
            library.close()
        elif case.operation in ("note-html", "note-pdf"):
            from annotator.core.export.report import write_report

            library, article = _library_with(work, ARTICLE)
            claim = library.add_claim(article.id, 0, 10)
            library.set_verdict(claim.id, "disputed", note=path.read_text())
            target = work / ("note.html" if case.operation == "note-html" else "note.pdf")
            write_report(library.snapshot(), target)
            result["bytes"] = target.stat().st_size
            library.close()
        else:
            raise ValueError(f"unknown operation {case.operation}")
        result["outcome"] = "used"
    except AnnotatorError as exc:
        result["outcome"] = "refused"
        result["message"] = str(exc)
    return result


def child(argv) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    from benchmarks.common import peak_rss_mb

    case = next(c for c in json.loads((args.folder / "cases.json").read_text())
                if c["name"] == args.name)
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result = run_case(Case(**case), args.folder, args.work)
    result["seconds"] = time.perf_counter() - started
    result["peak_rss_mb"] = peak_rss_mb()
    args.out.write_text(json.dumps(result, default=str))
    return 0


def _vm_hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(case: Case, folder: Path, work: Path, timeout: float = TIMEOUT_S) -> dict[str, Any]:
    """Run one case in a child; its time, peak RSS and outcome (or the timeout)."""
    from benchmarks.common import ROOT, child_env

    out = work / f"{case.name}.json"
    out.unlink(missing_ok=True)
    env = child_env(work / "home")
    cmd = [sys.executable, "-m", "benchmarks.hostile", "case", case.name, "--folder",
           str(folder), "--work", str(work / case.name), "--out", str(out)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    peak = 0.0
    while proc.poll() is None and time.perf_counter() - started < timeout and peak < KILL_MB:
        peak = max(peak, _vm_hwm_mb(proc.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - started
    if proc.poll() is None:
        peak = max(peak, _vm_hwm_mb(proc.pid))
        proc.kill()
        proc.communicate()
        why = (f"stopped at {peak:.0f} MB (over {KILL_MB:.0f} MB)" if peak >= KILL_MB
               else f"still running after {timeout:.0f} s")
        return {"name": case.name, "what": case.what,
                "outcome": "memory" if peak >= KILL_MB else "timeout",
                "seconds": wall, "wall_s": wall, "peak_rss_mb": peak, "message": why}
    _, stderr = proc.communicate()
    if proc.returncode != 0 or not out.exists():
        tail = stderr.strip().splitlines()[-1:] or ["?"]
        return {"name": case.name, "what": case.what, "outcome": "crashed", "seconds": wall,
                "wall_s": wall, "peak_rss_mb": peak, "message": tail[0][:300]}
    result = json.loads(out.read_text())
    result.update(name=case.name, what=case.what, wall_s=wall)
    result["peak_rss_mb"] = max(result.get("peak_rss_mb", 0.0), peak)
    return result


def passed(result: dict[str, Any]) -> bool:
    return (result["outcome"] in ("used", "refused") and result["seconds"] <= LIMIT_S
            and result["peak_rss_mb"] <= LIMIT_MB)


def run_all(folder: Path, work: Path, quick: bool = False, only: list[str] | None = None,
            log=print) -> list[dict[str, Any]]:
    t = time.perf_counter()
    cases = build_corpus(folder, quick)
    (folder / "cases.json").write_text(json.dumps([c.__dict__ for c in cases]))
    log(f"  built the hostile corpus ({len(cases)} inputs) in {time.perf_counter() - t:.1f} s")
    results = []
    for case in cases:
        if only and case.name not in only:
            continue
        result = measure(case, folder, work)
        log(f"    {case.name}: {result['outcome']} in {result['seconds']:.2f} s, "
            f"{result['peak_rss_mb']:.0f} MB")
        results.append(result)
    return results


def print_results(results: list[dict[str, Any]], out=sys.stdout) -> None:
    print(f"{'input':<22} {'what':<62} {'outcome':<8} {'s':>7} {'MB':>6}", file=out)
    for r in results:
        status = "PASS" if passed(r) else "MISS"
        print(f"{r['name']:<22} {r['what'][:62]:<62} {r['outcome']:<8} {r['seconds']:>7.2f} "
              f"{r['peak_rss_mb']:>6.0f} {status}", file=out)
        if r.get("message"):
            print(f"{'':<22}   {r['message'][:150]}", file=out)
    missed = [r["name"] for r in results if not passed(r)]
    print(f"{len(results) - len(missed)} of {len(results)} inputs under {LIMIT_S:.0f} s and "
          f"{LIMIT_MB:.0f} MB" + (f"; missed: {', '.join(missed)}" if missed else ""), file=out)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["case"]:
        return child(argv[1:])
    import tempfile

    from benchmarks.common import RESULTS

    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller inputs")
    parser.add_argument("--only", action="append", metavar="NAME")
    parser.add_argument("--out", type=Path, default=RESULTS / "hostile.json")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    only = [n.strip() for item in args.only or [] for n in item.split(",") if n.strip()]
    tmp = Path(tempfile.mkdtemp(prefix="annotator-hostile-"))
    try:
        results = run_all(tmp / "corpus", tmp / "work", args.quick, only,
                          log=lambda m: print(m, file=sys.stderr, flush=True))
    finally:
        if not args.keep:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    print_results(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"limits": {"seconds": LIMIT_S, "peak_rss_mb": LIMIT_MB},
                                    "results": results}, indent=1, ensure_ascii=False))
    return 0 if all(passed(r) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
