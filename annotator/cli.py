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

COMMANDS = ("detect", "import", "claims", "mark", "export", "search", "import-annotations",
            "library", "review", "assign", "next", "blind", "agreement")

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
  library copy SOURCE TARGET  copy a whole library between a file and a PostgreSQL server
  library init-roles        create a shared library's checker and editor roles
  review approve|send-back|resolve CLAIM_ID
                            an editor's review of a verdict
  assign ARTICLE CHECKER    give an article (or --claims 3-7) to a checker (editor)
  next                      your next unreviewed claim in your assigned articles
  blind start|done|status ARTICLE
                            check an article blind with two or more checkers
  agreement --out FILE      agreement between blind checkers (kappa, alpha), HTML

The library defaults to a file in your data folder; --db or ANNOTATOR_DB overrides it with
a file path, or a shared library on a PostgreSQL server: a postgresql:// URL or a libpq
service=NAME (passwords come from libpq: ~/.pgpass, a service file or PGPASSWORD).
"""


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH|URL", help="library file, or a shared library: "
                        "postgresql://USER@HOST/DB or service=NAME (default: $ANNOTATOR_DB "
                        "or a file in the user data folder)")


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

    p = sub.add_parser("library", help="copy a library; set up a shared one")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = actions.add_parser("copy", help="copy a whole library between a file and PostgreSQL",
                           description="Copy every article, revision, claim, verdict, note, "
                           "evidence link and history row from SOURCE to TARGET (each a file "
                           "path or a PostgreSQL URL / service=NAME), then check the row "
                           "counts of every table. TARGET must be a new file or hold no "
                           "library yet.")
    q.add_argument("source", metavar="SOURCE")
    q.add_argument("target", metavar="TARGET")
    q = actions.add_parser("init-roles", help="create the group roles annotator_checker and "
                           "annotator_editor on a shared library",
                           description="Create the group roles annotator_checker and "
                           "annotator_editor (needs CREATEROLE) and grant them the library: "
                           "they read and write claims, but may only add to the history, "
                           "never change or delete it. Then give each person a login role: "
                           "CREATE ROLE alice LOGIN IN ROLE annotator_checker;")
    _add_db(q)
    _add_desk_commands(sub)
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


def _checker(library, settings) -> str:
    """Who the changes are recorded as: the name set in Settings (or ANNOTATOR_CHECKER);
    on a shared library with no name set, "" so that the library records the database
    role; on a file, the login name as before."""
    if library.engine == "postgresql" and not os.environ.get("ANNOTATOR_CHECKER"):
        from annotator.core.settings import settings_path

        try:
            saved = json.loads(settings_path().read_text(encoding="utf-8")).get("checker")
        except (OSError, ValueError, AttributeError):
            saved = None
        return saved if isinstance(saved, str) else ""
    return settings.checker


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _run_command(args) -> int:
    handler = {
        "detect": cmd_detect, "import": cmd_import, "claims": cmd_claims, "mark": cmd_mark,
        "export": cmd_export, "search": cmd_search, "import-annotations": cmd_import_annotations,
        "library": cmd_library,
        "review": cmd_review, "assign": cmd_assign, "next": cmd_next, "blind": cmd_blind,
        "agreement": cmd_agreement,
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
            result = ingest(library, article, detector, by=_checker(library, settings))
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

    with _open_library(args) as library:
        by = args.by if args.by is not None else _checker(library, Settings.load())
        claim = library.claim(args.claim_id)
        if args.verdict != claim.verdict.value or args.note is not None:
            from annotator.core.desk import mark  # the checker's own, while checking blind

            claim = mark(library, args.claim_id, args.verdict, note=args.note, by=by)
        for url in args.evidence:
            library.add_evidence(args.claim_id, url, by=by)
        if args.claim_reviewed is not None:
            library.set_claim_reviewed(args.claim_id, args.claim_reviewed, by=by)
        from annotator.core.desk import as_seen_by

        claim = as_seen_by(library, [library.claim(args.claim_id)], by)[0]
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
        result = import_w3c_file(library, loaded, by=_checker(library, Settings.load()),
                                 prefer=args.prefer)
    print(result.summary)
    for conflict in result.conflicts:
        print(f"  conflict: {conflict.describe()}")
    if result.conflicts:
        print(f"{len(result.conflicts)} claim(s) were reviewed differently on both sides: the "
              "newer review is current, both are in each claim's history", file=sys.stderr)
    return 0


def cmd_library(args) -> int:
    if args.action == "copy":
        from annotator.core.copying import copy_library
        from annotator.core.pg_storage import display_name

        counts = copy_library(args.source, args.target)
        for count in counts:
            print(f"{count.table}: {count.source} -> {count.target}")
        print(f"copied {display_name(str(args.source))} to {display_name(str(args.target))}: "
              "every table's row count matches")
        return 0
    from annotator.core.library import Library

    with Library.open(args.db, backup=False, create=True) as library:
        roles = library.init_roles()
        where = library.path
    print(f"roles {', '.join(roles)} ready in {where}: checkers and editors may read and "
          "write claims and add history rows, never change or delete history")
    return 0


# --------------------------------------------------------------------- the desk
def _add_desk_commands(sub) -> None:
    """review, assign, next, blind and agreement (annotator/core/desk.py)."""
    by_help = "your name (default: the checker name in settings)"
    p = sub.add_parser("review", help="approve a verdict, send it back, or resolve it (editor)",
                       description="An editor's review of a claim's verdict. Needs the editor "
                       "role (Settings, or ANNOTATOR_ROLE=editor on a library file).")
    action = p.add_subparsers(dest="review_action", metavar="ACTION", required=True)
    q = action.add_parser("approve", help="approve the claim's verdict")
    q.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    q.add_argument("--by", help=by_help)
    _add_db(q)
    q = action.add_parser("send-back", help="send the verdict back with a comment")
    q.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    q.add_argument("--comment", required=True, help="what the checker should look at")
    q.add_argument("--by", help=by_help)
    _add_db(q)
    q = action.add_parser("resolve", help="write the final verdict (after a blind check)")
    q.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    q.add_argument("verdict", choices=("verified", "disputed", "unsourced"))
    q.add_argument("--by", help=by_help)
    _add_db(q)

    p = sub.add_parser("assign", help="give an article, or a range of its claims, to a checker")
    p.add_argument("article_id", type=int, metavar="ARTICLE")
    p.add_argument("checker", metavar="CHECKER")
    p.add_argument("--claims", metavar="A-B", help="claim numbers, e.g. 3-7 (default: all)")
    p.add_argument("--by", help=by_help)
    _add_db(p)

    p = sub.add_parser("next", help="your next unreviewed claim in your assigned articles")
    p.add_argument("--checker", metavar="NAME", help="whose (default: the checker name in "
                   "settings)")
    p.add_argument("--after", type=int, metavar="CLAIM_ID", help="the one after this claim")
    p.add_argument("--format", choices=("json", "text"), default="text")
    _add_db(p)

    p = sub.add_parser("blind", help="check an article blind with two or more checkers")
    action = p.add_subparsers(dest="blind_action", metavar="ACTION", required=True)
    q = action.add_parser("start", help="start a blind check (editor)")
    q.add_argument("article_id", type=int, metavar="ARTICLE")
    q.add_argument("checkers", nargs="+", metavar="CHECKER")
    q.add_argument("--by", help=by_help)
    _add_db(q)
    q = action.add_parser("done", help="say you have finished your blind check")
    q.add_argument("article_id", type=int, metavar="ARTICLE")
    q.add_argument("--checker", metavar="NAME", help=by_help)
    _add_db(q)
    q = action.add_parser("status", help="who is done; the differences once all are")
    q.add_argument("article_id", type=int, metavar="ARTICLE")
    q.add_argument("--format", choices=("json", "text"), default="text")
    _add_db(q)

    p = sub.add_parser("agreement", help="agreement report of the blind checks (HTML)")
    p.add_argument("--article", type=int, metavar="ID", help="one article (default: all)")
    p.add_argument("--out", required=True, metavar="FILE", help="the report, FILE.html")
    _add_db(p)


def _me(args, attr: str = "by") -> str:
    from annotator.core.settings import Settings

    name = getattr(args, attr, None)
    return name if name is not None else Settings.load().checker


def _claim_line(claim) -> str:
    review = {"approved": " [approved]", "returned": " [sent back]"}.get(claim.review_state, "")
    return f"claim {claim.id} (#{claim.number}, article {claim.article_id}): " \
           f"{claim.verdict.value}{review}"


def cmd_review(args) -> int:
    from annotator.core import desk

    by = _me(args)
    with _open_library(args) as library:
        if args.review_action == "approve":
            claim = desk.approve(library, args.claim_id, by)
        elif args.review_action == "send-back":
            claim = desk.send_back(library, args.claim_id, args.comment, by)
        else:
            claim = desk.resolve(library, args.claim_id, args.verdict, by)
    print(_claim_line(claim))
    return 0


def cmd_assign(args) -> int:
    from annotator.core import desk

    claim_range = desk.parse_range(args.claims)
    with _open_library(args) as library:
        assignment = desk.assign(library, args.article_id, args.checker, _me(args),
                                 claim_range)
    print(f"assigned {assignment.describe()}")
    return 0


def cmd_next(args) -> int:
    from annotator.core import desk

    checker = _me(args, "checker")
    with _open_library(args, backup=False) as library:
        claim = desk.next_unreviewed(library, checker, args.after)
    if args.format == "json":
        _print_json({"checker": checker, "claim": claim.to_dict() if claim else None})
    elif claim is None:
        print(f"nothing left for {checker or 'you'}: every assigned claim has a verdict",
              file=sys.stderr)
    else:
        print(f"{_claim_line(claim)}: {claim.text}")
    return 0


def cmd_blind(args) -> int:
    from annotator.core import desk

    with _open_library(args, backup=args.blind_action != "status") as library:
        if args.blind_action == "start":
            state = desk.start_blind(library, args.article_id, args.checkers, _me(args))
        elif args.blind_action == "done":
            state = desk.finish_blind(library, args.article_id, _me(args, "checker"))
        else:
            state = desk.blind_state(library, args.article_id)
        found = desk.differences(library, args.article_id) if state.finished else []
    if getattr(args, "format", "text") == "json":
        _print_json({"article_id": state.article_id, "checkers": [
            {"checker": c.checker, "done_at": c.done_at} for c in state.checkers],
            "finished": state.finished, "differences": [
                {"claim_id": d.claim.id, "number": d.claim.number, "text": d.claim.text,
                 "verdicts": {v.checker: {"verdict": v.verdict.value, "note": v.note}
                              for v in d.verdicts}} for d in found]})
        return 0
    print(state.describe())
    for d in found:
        given = ", ".join(f"{v.checker}: {v.verdict.value}" for v in d.verdicts)
        print(f"  #{d.claim.number} (claim {d.claim.id}) {given}: {d.claim.text}")
    if state.finished:
        print(f"{len(found)} claim(s) judged differently", file=sys.stderr)
    return 0


def cmd_agreement(args) -> int:
    from annotator.core.export.agreement_report import (
        agreement_snapshot,
        write_agreement_report,
    )
    from annotator.core.settings import Settings

    if Path(args.out).suffix.lower() not in (".html", ".htm"):
        raise AnnotatorError(f"the agreement report is HTML: name it .html ({args.out})")
    settings = Settings.load()
    with _open_library(args, backup=False) as library:
        snapshot = agreement_snapshot(library, args.article, editor=settings.checker,
                                      organisation=settings.organisation)
    print(f"wrote {write_agreement_report(snapshot, args.out)} to {args.out}")
    return 0
