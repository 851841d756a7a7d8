"""Articles from the web: fetched from a local HTTP server started here (127.0.0.1 only),
with paragraphs, title, byline and date kept; the exports then carry the URL."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from annotator.core.errors import InputError
from annotator.core.importers import read_article

PARAGRAPHS = [
    "The city council said on Tuesday that 4,200 new homes would be built before 2030, "
    "more than twice the number promised last year.",
    "Critics said the plan was unrealistic, given that only 1,900 homes were finished in "
    "2024 and building costs rose 12% in a single year.",
    "Mayor Ann Lee said the first 800 homes would be ready by the end of next year, and "
    "that rents would be capped at 30% of local wages.",
]
PAGE = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Council plans 4,200 homes | Daily Example</title>"
        "<meta name='author' content='Jo Writer'>"
        "<meta property='article:published_time' content='2026-11-30T08:00:00Z'>"
        "<meta property='og:title' content='Council plans 4,200 homes'>"
        "</head><body><nav>Home | News | Sport</nav><article>"
        "<h1>Council plans 4,200 homes</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article><footer>Contact us</footer></body></html>")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the http.server API)
        if self.path.startswith("/news/homes"):
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/homes")
            self.end_headers()
            return
        elif self.path == "/image.png":
            body = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
        else:
            body = b"not here"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    # Never through a proxy: the only address these tests reach is the server below.
    patch = pytest.MonkeyPatch()
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        patch.delenv(name, raising=False)
    patch.setenv("no_proxy", "127.0.0.1,localhost")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    patch.undo()


def test_a_page_keeps_paragraphs_title_byline_and_date(server):
    url = f"{server}/news/homes"
    loaded = read_article(url)
    lines = loaded.text.splitlines()
    for paragraph in PARAGRAPHS:
        assert paragraph in lines  # each paragraph on its own line, whole
    assert "Contact us" not in loaded.text and "Sport" not in loaded.text
    assert loaded.title == "Council plans 4,200 homes"
    assert loaded.byline == "Jo Writer"
    assert loaded.published == "2026-11-30"
    assert loaded.url == url and loaded.source_path == url


def test_a_redirect_is_followed_and_errors_are_one_line(server):
    assert read_article(f"{server}/moved").url == f"{server}/news/homes"
    with pytest.raises(InputError, match="HTTP 404"):
        read_article(f"{server}/missing")
    with pytest.raises(InputError, match="not a web page"):
        read_article(f"{server}/image.png")


def test_offline_is_a_clear_error():
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match="cannot fetch the page: the connection was refused"):
        read_article(f"http://127.0.0.1:{port}/x")


@pytest.mark.slow
def test_cli_import_url_then_exports_carry_it(server, tmp_path, monkeypatch, engine,
                                              new_db_target):
    from annotator.cli import main
    from annotator.core.library import Library
    from tests.core import w3c_suite

    db = new_db_target(engine, tmp_path / "lib.sqlite")
    url = f"{server}/news/homes"
    assert main(["import", url, "--db", str(db)]) == 0
    with Library.open(db, backup=False) as library:
        (article,) = [library.article(a.id) for a in library.articles()]
        assert (article.url, article.byline, article.published) == (
            url, "Jo Writer", "2026-11-30")
        claims = library.claims(article.id)
        assert claims
        library.set_verdict(claims[0].id, "disputed", note="Only 1,900.", by="Ann")
    out = tmp_path / "cr.json"
    assert main(["export", "--db", str(db), "--claimreview", str(out),
                 "--review-url", "https://desk.example/checks/{claim_id}"]) == 0
    (review,) = json.loads(out.read_text())
    assert review["url"] == f"https://desk.example/checks/{claims[0].id}"
    assert review["itemReviewed"]["appearance"]["url"] == url
    assert review["itemReviewed"]["datePublished"] == "2026-11-30"
    w3c = tmp_path / "w3c.json"
    assert main(["export", "--db", str(db), "--w3c", str(w3c)]) == 0
    data = json.loads(w3c.read_text())
    assert data["first"]["items"][0]["target"]["source"]["id"] == url
    if w3c_suite.available():
        failures = [r for kind in ("collections", "pages")
                    for r in w3c_suite.run(data, kind) if r.level == "must" and not r.passed]
        for item in data["first"]["items"]:
            document = {"@context": data["@context"], **item}
            failures += [r for r in w3c_suite.run(document, "annotations")
                         if r.level == "must" and not r.passed]
        assert failures == []
    report = tmp_path / "report.html"
    assert main(["export", "--db", str(db), "--report", str(report)]) == 0
    html = report.read_text()
    assert url in html and "Jo Writer" in html
    assert str(tmp_path) not in html


def test_a_saved_html_file_keeps_its_metadata_and_canonical_url(tmp_path):
    page = PAGE.replace("</head>", "<link rel='canonical' href='https://news.example/homes'>"
                                   "</head>")
    path = tmp_path / "saved.html"
    path.write_text(page, encoding="utf-8")
    loaded = read_article(path)
    assert [p for p in PARAGRAPHS if p in loaded.text.splitlines()] == PARAGRAPHS
    assert (loaded.title, loaded.byline, loaded.published) == (
        "Council plans 4,200 homes", "Jo Writer", "2026-11-30")
    assert loaded.url == "https://news.example/homes"
    assert loaded.source_path == str(path.resolve())
