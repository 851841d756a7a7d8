"""The agreement report: how far blind checkers agreed, for the editor (HTML).

`agreement_snapshot(lib, article_id)` freezes what the report needs in one read
transaction (the articles checked blind, their claims, every blind verdict);
`render_agreement_html(snapshot)` is a pure function of it, and
`write_agreement_report(snapshot, path)` writes the page atomically.

The page holds, per finished blind check: Krippendorff's alpha for the article,
Cohen's kappa for each pair of its checkers, and every claim they judged
differently with each checker's verdict and note; then, over all those
articles, alpha per checker and kappa per pair. Blind checks still running are
named without figures (nobody sees verdicts before everyone is done). A
verdict not given counts as a missing value, never as a category.

Every string from the library is escaped; the page loads nothing (a Content
Security Policy forbids it), like the review report.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.agreement import (
    PairAgreement,
    alpha_for_checker,
    krippendorff_alpha,
    pairwise_kappa,
)
from annotator.core.errors import ExportError
from annotator.core.export.report import _css, _esc, _esc_long, _fmt_moment
from annotator.core.fileio import atomic_write
from annotator.core.model import Article, Claim, Verdict

if TYPE_CHECKING:
    from annotator.core.desk import BlindState, BlindVerdict
    from annotator.core.library import Library


@dataclass(frozen=True)
class BlindArticle:
    article: Article
    state: "BlindState"
    claims: tuple[Claim, ...]  # listed claims, in claim order (shared state)
    verdicts: tuple[tuple[str, tuple[tuple[int, "BlindVerdict"], ...]], ...]  # per checker

    def ratings(self) -> dict[str, dict[int, str | None]]:
        """{checker: {claim id: verdict}} with no verdict as a missing value."""
        listed = {c.id for c in self.claims}
        return {checker: {claim_id: (v.verdict.value if v.verdict is not Verdict.UNREVIEWED
                                     else None)
                          for claim_id, v in given if claim_id in listed}
                for checker, given in self.verdicts}

    def verdict_of(self, checker: str, claim_id: int) -> "BlindVerdict | None":
        for name, given in self.verdicts:
            if name == checker:
                return dict(given).get(claim_id)
        return None


@dataclass(frozen=True)
class AgreementSnapshot:
    articles: tuple[BlindArticle, ...]
    taken_at: str
    editor: str = ""
    organisation: str = ""

    @property
    def finished(self) -> tuple[BlindArticle, ...]:
        return tuple(a for a in self.articles if a.state.finished)


def agreement_snapshot(lib: "Library", article_id: int | None = None, *, editor: str = "",
                       organisation: str = "") -> AgreementSnapshot:
    """Freeze every blind check (or one article's) in one read transaction."""
    from annotator.core import desk
    from annotator.core.rows import utc_now

    with lib.read_transaction():
        if article_id is not None:
            lib.article(article_id)  # a clear error for an unknown id
            ids = [article_id]
        else:
            ids = [r["article_id"] for r in lib.query(
                "SELECT DISTINCT article_id FROM blind_checks ORDER BY article_id")]
        out = []
        for aid in ids:
            state = desk.blind_state(lib, aid)
            if not state.started:
                continue
            given = desk.blind_verdicts(lib, aid) if state.finished else {}
            out.append(BlindArticle(
                lib.article(aid), state, tuple(lib.claims(aid, with_entities=False)),
                tuple((name, tuple(sorted(given.get(name, {}).items())))
                      for name in state.names)))
    return AgreementSnapshot(tuple(out), utc_now(), editor, organisation)


# ------------------------------------------------------------------ figures
def _fmt(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:.3f}"


def _all_ratings(snapshot: AgreementSnapshot) -> dict[str, dict[int, str | None]]:
    pooled: dict[str, dict[int, str | None]] = {}
    for blind in snapshot.finished:
        for checker, given in blind.ratings().items():
            pooled.setdefault(checker, {}).update(given)
    return pooled


def _pairs_table(pairs: list[PairAgreement]) -> str:
    if not pairs:
        return '<p class="empty">No pair of checkers rated the same claims.</p>'
    rows = "".join(
        f"<tr><td>{_esc(p.first)}</td><td>{_esc(p.second)}</td><td class=\"count\">{p.units}</td>"
        f"<td class=\"count\">{p.agreed}</td><td class=\"count\">{_fmt(p.observed)}</td>"
        f"<td class=\"count\">{_fmt(p.kappa)}</td></tr>" for p in pairs)
    return ('<table class="claims pairs"><thead><tr><th>Checker</th><th>Checker</th>'
            '<th class="count">Claims both judged</th><th class="count">Agreed</th>'
            '<th class="count">Observed agreement</th><th class="count">Cohen\u2019s \u03ba</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>")


def _verdict_cell(verdict: "BlindVerdict | None") -> str:
    if verdict is None or verdict.verdict is Verdict.UNREVIEWED:
        head = '<span class="none">no verdict</span>'
    else:
        head = f'<span class="badge v-{verdict.verdict.value}">{_esc(verdict.verdict.label)}</span>'
    note = (f'<div class="note">{_esc_long(verdict.note)}</div>'
            if verdict is not None and verdict.note.strip() else "")
    return f"<td>{head}{note}</td>"


def _disagreements(blind: BlindArticle) -> tuple[int, str]:
    names = blind.state.names
    rows = []
    for claim in blind.claims:
        given = [blind.verdict_of(name, claim.id) for name in names]
        values = {(v.verdict if v is not None else Verdict.UNREVIEWED) for v in given}
        if len(values) < 2:
            continue
        final = (f'<div class="who">Final: {_esc(claim.verdict.label)}'
                 f'{" (approved)" if claim.review_state == "approved" else ""}</div>'
                 if claim.reviewed else "")
        rows.append(f'<tr><td class="num">#{claim.number}</td>'
                    f'<td class="claim-cell">{_esc(claim.text)}{final}</td>'
                    + "".join(_verdict_cell(v) for v in given) + "</tr>")
    if not rows:
        return 0, '<p class="empty">The checkers agreed on every claim.</p>'
    heads = "".join(f"<th>{_esc(name)}</th>" for name in names)
    return len(rows), ('<table class="claims disagreements"><thead><tr><th class="num">#</th>'
                       f'<th class="claim-h">Claim</th>{heads}</tr></thead>'
                       f'<tbody>{"".join(rows)}</tbody></table>')


def _article_section(blind: BlindArticle) -> str:
    title = _esc(blind.article.title or "Untitled article")
    if not blind.state.finished:
        return (f'<section class="article" id="article-{blind.article.id}"><h2>{title}</h2>'
                f'<p class="empty">Blind check by {_esc(", ".join(blind.state.names))} still '
                f'running: waiting for {_esc(", ".join(blind.state.waiting_for))}. Figures and '
                "differences are shown once everyone is done.</p></section>")
    ratings = blind.ratings()
    alpha = krippendorff_alpha(ratings)
    count, table = _disagreements(blind)
    return (f'<section class="article" id="article-{blind.article.id}"><h2>{title}</h2>'
            f'<p class="meta">Checked blind by {_esc(", ".join(blind.state.names))} '
            f"\u00b7 {len(blind.claims)} claims \u00b7 Krippendorff\u2019s \u03b1 "
            f'<strong class="alpha">{_fmt(alpha)}</strong> \u00b7 {count} '
            f"disagreement{'s' if count != 1 else ''}</p>"
            f"<h3>Agreement per pair</h3>{_pairs_table(pairwise_kappa(ratings))}"
            f"<h3>Where they differ</h3>{table}</section>")


def _overall(snapshot: AgreementSnapshot) -> str:
    pooled = _all_ratings(snapshot)
    if not pooled:
        return ""
    rows = "".join(
        f'<tr><td>{_esc(name)}</td><td class="count">'
        f"{sum(v is not None for v in given.values())}</td>"
        f'<td class="count">{_fmt(alpha_for_checker(pooled, name))}</td></tr>'
        for name, given in sorted(pooled.items()))
    return ('<section class="summary"><h2>All finished blind checks</h2>'
            f'<p class="meta">{len(snapshot.finished)} article(s) \u00b7 Krippendorff\u2019s '
            f'\u03b1 over all claims <strong class="alpha">{_fmt(krippendorff_alpha(pooled))}'
            "</strong></p><h3>Per checker</h3>"
            '<table class="claims checkers"><thead><tr><th>Checker</th>'
            '<th class="count">Verdicts given</th><th class="count">Krippendorff\u2019s \u03b1 '
            "(their claims, with everyone who judged them)</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            f"<h3>Per pair</h3>{_pairs_table(pairwise_kappa(pooled))}</section>")


def render_agreement_html(snapshot: AgreementSnapshot) -> str:
    organisation = snapshot.organisation.strip() or "Fact-check desk"
    taken = _fmt_moment(snapshot.taken_at) or snapshot.taken_at
    meta = f"Data as of {_esc(taken)}"
    if snapshot.editor:
        meta += f" \u00b7 Prepared by {_esc(snapshot.editor)}"
    if snapshot.articles:
        body = _overall(snapshot) + "".join(_article_section(a) for a in snapshot.articles)
    else:
        body = '<p class="empty">No article has been checked blind.</p>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"
        '<meta name="generator" content="annotator">'
        f"<title>Agreement report \u2013 {_esc(organisation)}</title>"
        f"<style>{_css()}</style></head><body>"
        f'<header class="masthead"><p class="org">{_esc(organisation)}</p>'
        f'<h1>Agreement between checkers</h1><p class="meta">{meta}</p></header>'
        f"<main>{body}</main>"
        '<footer class="colophon">Cohen\u2019s \u03ba per pair of checkers over the claims '
        "both judged; Krippendorff\u2019s \u03b1 (nominal) with a missing verdict as a missing "
        "value. \u2013 means undefined (a single verdict category, or no claim in common)."
        "</footer></body></html>\n")


def write_agreement_report(snapshot: AgreementSnapshot, path: str | os.PathLike) -> str:
    if Path(path).suffix.lower() not in (".html", ".htm"):
        raise ExportError(f"the agreement report is HTML: name it .html ({path})")
    text = render_agreement_html(snapshot)
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    finished = len(snapshot.finished)
    return f"agreement report ({finished} finished blind check{'s' if finished != 1 else ''})"
