"""The command line: `annotator [FILE...]` opens the GUI; subcommands work
without it. Errors print one line to stderr and exit non-zero.

Commands that need no NLP (claims, mark, export, search) never import spaCy,
so they answer at once.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from annotator import __version__
from annotator.core.errors import AnnotatorError

COMMANDS = ("detect", "import", "claims", "mark", "export", "search", "import-annotations")

EPILOG = """\
commands (run `annotator COMMAND --help` for details):
  detect FILE               list the claims found in a file (no GUI, no library)
  import FILE|URL...        add articles (files, or web pages fetched on request) to the library
  claims                    list the claims in the library
  mark CLAIM_ID VERDICT     set a verdict: verified, disputed, unsourced, unreviewed
  export                    write CSV, Excel (.xlsx), a review report (HTML/PDF), ClaimReview
                            or W3C JSON-LD, or Datasette metadata for the library
  search TEXT               search claims and notes in every article
  import-annotations FILE   import W3C Web Annotations exported by another checker

The library defaults to a file in your data folder; --db PATH or ANNOTATOR_DB overrides it.
"""


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="library file (default: $ANNOTATOR_DB or "
                        "the user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator", description="Annotator: find, check and report the claims in news "
        "articles.", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("detect", help="list the claims in a file")
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "csv", "text"), default="json")
    p.add_argument("--all", action="store_true",
                   help="every unit: headlines, datelines, captions and sentences below threshold")
    p.add_argument("--threshold", type=float, help="check-worthiness threshold, 0 to 1")

    p = sub.add_parser("import", help="add articles to the library",
                       description="Add articles to the library. An http(s) URL is fetched "
                       "(the only network access annotator makes, and only when asked).")
    p.add_argument("files", nargs="+", metavar="FILE|URL")
    _add_db(p)

    p = sub.add_parser("claims", help="list claims in the library")
    _add_db(p)
    p.add_argument("--article", type=int, metavar="ID")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--all", action="store_true", help="include captions, below-threshold "
                   "sentences and removed claims")
    p.add_argument("--matches", action="store_true", help="with each claim, the same claim "
                   "already reviewed in other articles (JSON only; slower on a big library)")

    p = sub.add_parser("mark", help="set a claim's verdict")
    p.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    p.add_argument("verdict", choices=("verified", "disputed", "unsourced", "unreviewed"))
    p.add_argument("--note", help="the checker's note (replaces the old one)")
    p.add_argument("--evidence", action="append", default=[], metavar="URL",
                   help="add an evidence link (repeatable)")
    p.add_argument("--by", help="checker name (default: from settings)")
    p.add_argument("--claim-reviewed", metavar="TEXT",
                   help="short wording published as ClaimReview claimReviewed ('' = the claim)")
    _add_db(p)

    p = sub.add_parser("export", help="export claims and verdicts")
    _add_db(p)
    p.add_argument("--article", type=int, metavar="ID", help="one article (default: all)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--csv", metavar="OUT")
    group.add_argument("--xlsx", metavar="OUT", help="Excel workbook: typed cells, no formulas")
    group.add_argument("--report", metavar="OUT", help="review report, OUT.html or OUT.pdf")
    group.add_argument("--claimreview", metavar="OUT", help="schema.org ClaimReview JSON-LD")
    group.add_argument("--w3c", metavar="OUT", help="W3C Web Annotation JSON-LD")
    group.add_argument("--datasette-metadata", metavar="OUT",
                       help="metadata for `datasette LIBRARY --metadata OUT`")
    p.add_argument("--excel", action="store_true",
                   help="CSV for Excel: UTF-8 with a byte-order mark and CRLF line ends")
    p.add_argument("--review-url", metavar="TEMPLATE",
                   help="ClaimReview url of each published check, e.g. "
                   "'https://desk.example/checks/{claim_id}' (placeholders {claim_id}, "
                   "{article_id}; default: from settings)")
    p.add_argument("--include-paths", action="store_true",
                   help="show the local file paths articles were imported from (off: the "
                   "file name only)")

    p = sub.add_parser("search", help="search claims and notes in every article")
    p.add_argument("text")
    _add_db(p)
    p.add_argument("--format", choices=("json", "text"), default="text")

    p = sub.add_parser("import-annotations", help="import W3C Web Annotation JSON-LD")
    p.add_argument("file")
    _add_db(p)
    p.add_argument("--prefer", choices=("newer", "mine", "theirs"), default="newer",
                   help="when both sides reviewed a claim differently, which review becomes "
                   "current (default: the newer one; both stay in the history)")
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator", usage="annotator [FILE...] [--db PATH] | annotator COMMAND ...",
        description="Annotator: find, check and report the claims in news articles. With no "
        "FILE the window opens the last article, or the built-in sample article on the first "
        "run.", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles to open")
    _add_db(parser)
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check that this installation works, then exit")
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = build_parser().parse_args(argv)
            return _run_command(args)
        if argv and argv[0] in ("-h", "--help") and len(argv) == 1:
            build_gui_parser().print_help()
            return 0
        args = build_gui_parser().parse_args(argv)
        if args.self_test:
            from annotator.selftest import run_self_test

            return run_self_test()
        from annotator.gui.app import run_gui

        return run_gui(paths=args.files, db_path=args.db, screenshot=args.screenshot)
    except AnnotatorError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: one line, never a traceback
        if os.environ.get("ANNOTATOR_DEBUG"):
            raise
        print(f"annotator: internal error: {type(exc).__name__}: {exc} "
              "(set ANNOTATOR_DEBUG=1 for details)", file=sys.stderr)
        return 70


def _open_library(args, create: bool = False, backup: bool = True):
    """The library named by --db (or the default). Only writers that add
    articles create a missing one, and they say so on stderr. Read commands
    make no backup copy."""
    from annotator.core.library import Library

    library = Library.open(getattr(args, "db", None), create=create, backup=backup)
    if library.created:
        print(f"annotator: created a new library at {library.path}", file=sys.stderr)
    return library


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _run_command(args) -> int:
    handler = {
        "detect": cmd_detect, "import": cmd_import, "claims": cmd_claims, "mark": cmd_mark,
        "export": cmd_export, "search": cmd_search, "import-annotations": cmd_import_annotations,
    }[args.command]
    return handler(args)


def cmd_detect(args) -> int:
    from annotator.core.importers import read_article
    from annotator.core.nlp.detector import Detector
    from annotator.core.settings import Settings

    if args.threshold is not None and not 0 <= args.threshold <= 1:
        raise AnnotatorError("--threshold must be between 0 and 1")
    loaded = read_article(args.file)
    threshold = args.threshold if args.threshold is not None else Settings.load().threshold
    units = Detector(threshold=threshold).detect(loaded.text)
    if not args.all:
        units = [u for u in units if u.check_worthy]
    if args.format == "json":
        _print_json({"file": loaded.source_path, "claims": [u.to_dict() for u in units]})
    elif args.format == "csv":
        import csv

        from annotator.core.export.csv_export import neutralise

        writer = csv.writer(sys.stdout, lineterminator="\n")
        # The export's column names (one CSV dialect), plus check_worthy.
        writer.writerow(["start", "end", "claim_text", "kind", "check_worthy", "score",
                         "claim_type", "attribution_kind", "speaker", "via", "suggested_verdict",
                         "reasons"])
        for u in units:
            writer.writerow([u.start, u.end, neutralise(u.text), u.kind.value,
                             int(u.check_worthy), f"{u.score:.3f}", u.claim_type,
                             u.attribution.kind.value, neutralise(u.attribution.speaker or ""),
                             neutralise(u.attribution.via or ""), u.suggested_verdict or "",
                             neutralise(" | ".join(u.reasons))])
    else:
        for u in units:
            who = u.attribution.kind.value
            if u.attribution.speaker:
                who += f": {u.attribution.speaker}"
            print(f"{u.start:>6}-{u.end:<6} {u.score:.2f} [{u.kind.value}, {u.claim_type}, {who}] "
                  f"{u.text}")
    return 0


def cmd_import(args) -> int:
    from annotator.core.importers import read_article
    from annotator.core.ingest import ingest
    from annotator.core.nlp.detector import Detector
    from annotator.core.settings import Settings

    settings = Settings.load()
    loaded = [read_article(path) for path in args.files]  # every file checked before any write
    detector = Detector(threshold=settings.threshold)
    with _open_library(args, create=True) as library:
        for article in loaded:
            result = ingest(library, article, detector, by=settings.checker)
            print(result.message())
    return 0


def cmd_claims(args) -> int:
    with _open_library(args, backup=False) as library:
        if args.article is not None:
            library.article(args.article)  # a clear error for an unknown id
        claims = library.claims(args.article, include_removed=args.all,
                                include_all_units=args.all)
        if args.format == "csv":
            from annotator.core.export.csv_export import render_csv
            from annotator.core.model import Snapshot
            from annotator.core.library import utc_now

            ids = {c.article_id for c in claims}
            articles = tuple(library.article(i) for i in sorted(ids))
            sys.stdout.write(render_csv(Snapshot(articles, tuple(claims), utc_now())))
            return 0
        matches = library.matches_for_many(claims) if args.matches else None
        out = []
        for claim in claims:
            data = claim.to_dict()
            if matches is not None:
                data["matches"] = [m.to_dict() for m in matches.get(claim.id, [])]
            out.append(data)
    _print_json({"claims": out})
    return 0


def cmd_mark(args) -> int:
    from annotator.core.settings import Settings

    by = args.by if args.by is not None else Settings.load().checker
    with _open_library(args) as library:
        claim = library.claim(args.claim_id)
        if args.verdict != claim.verdict.value or args.note is not None:
            claim = library.set_verdict(args.claim_id, args.verdict, note=args.note, by=by)
        for url in args.evidence:
            library.add_evidence(args.claim_id, url, by=by)
        if args.claim_reviewed is not None:
            library.set_claim_reviewed(args.claim_id, args.claim_reviewed, by=by)
        claim = library.claim(args.claim_id)
    print(f"claim {claim.id}: {claim.verdict.value}"
          + (f" ({len(claim.evidence)} evidence link{'s' if len(claim.evidence) != 1 else ''})"
             if claim.evidence else ""))
    return 0


def cmd_export(args) -> int:
    from annotator.core.export import export_library
    from annotator.core.settings import Settings

    if args.datasette_metadata:
        from annotator.core.export.datasette import write_metadata
        from annotator.core.library import default_library_path

        library_path = Path(args.db or os.environ.get("ANNOTATOR_DB") or default_library_path())
        write_metadata(args.datasette_metadata, library_path.stem)
        print(f"wrote Datasette metadata to {args.datasette_metadata} "
              f"(datasette {library_path} --metadata {args.datasette_metadata})")
        return 0
    settings = Settings.load()
    if args.csv:
        kind, target = ("csv-excel" if args.excel else "csv"), args.csv
    else:
        kind = next(k for k in ("xlsx", "report", "claimreview", "w3c") if getattr(args, k))
        target = getattr(args, kind)
    template = args.review_url if args.review_url is not None else settings.review_url_template
    with _open_library(args, backup=False) as library:
        # Streamed from one read transaction: constant memory at any library size.
        what = export_library(kind, library, target, args.article, checker=settings.checker,
                              organisation=settings.organisation,
                              include_paths=args.include_paths,
                              review_url_template=template if kind == "claimreview" else "")
    print(f"wrote {what} to {target}")
    return 0


def cmd_search(args) -> int:
    with _open_library(args, backup=False) as library:
        results = library.search(args.text)
    if args.format == "json":
        _print_json({"query": args.text, "results": [r.to_dict() for r in results]})
    else:
        for r in results:
            print(f"claim {r.claim_id} (article {r.article_id}, {r.verdict.value}): {r.snippet}")
        if not results:
            print("no matches", file=sys.stderr)
    return 0


def cmd_import_annotations(args) -> int:
    from annotator.core.annotations_import import import_w3c_file, load_annotation_file
    from annotator.core.settings import Settings

    loaded = load_annotation_file(Path(args.file))  # a bad file never creates a library
    with _open_library(args, create=True) as library:
        result = import_w3c_file(library, loaded, by=Settings.load().checker,
                                 prefer=args.prefer)
    print(result.summary)
    for conflict in result.conflicts:
        print(f"  conflict: {conflict.describe()}")
    if result.conflicts:
        print(f"{len(result.conflicts)} claim(s) were reviewed differently on both sides: the "
              "newer review is current, both are in each claim's history", file=sys.stderr)
    return 0
