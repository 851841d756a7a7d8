"""Reading article files (.txt, .md, .html, .docx), or web pages, into plain text.

`read_article` also takes an http(s) URL: the page is fetched (the only network
access annotator makes, and only when the user asks for that URL) and read like
an HTML file. HTML keeps one paragraph (or heading) per line, and its title,
byline, publication date and canonical URL.

The text we return is what every offset refers to. Line ends are normalised
to "\\n" (as Python's own text mode does), a byte-order mark is dropped, and
nothing else is changed.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError

MAX_FILE_BYTES = 20 * 1024 * 1024  # far beyond any article; keeps memory bounded
# A .docx is a zip: what it unpacks to is bounded too, not only its own size
# (a 1 MB file can inflate to 300 MB of XML). The XML limit keeps reading one
# under about five seconds; photos are not parsed, so they get more room.
MAX_DOCX_PARTS = 2000
MAX_DOCX_UNPACKED_BYTES = 150 * 1024 * 1024
MAX_DOCX_XML_BYTES = 12 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED = sorted(TEXT_SUFFIXES - {""} | HTML_SUFFIXES | DOCX_SUFFIXES)


@dataclass(frozen=True)
class LoadedArticle:
    title: str
    text: str
    source_path: str | None
    encoding: str = "utf-8"
    url: str | None = None  # the page's address (fetched from, or its canonical URL)
    byline: str | None = None
    published: str | None = None  # YYYY-MM-DD


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_from_text(text: str, fallback: str = "Untitled article") -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 120 else line[:117].rstrip() + "…"
    return fallback


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the bytes look like UTF-16 text with no BOM.

    Text in a Latin script puts a zero in every other byte: the high byte of
    each code unit. Binary files have zeros anywhere.
    """
    sample = data[:8192]
    sample = sample[:len(sample) - len(sample) % 2]
    units = len(sample) // 2
    if units < 2:
        return None
    zero_even = sample[0::2].count(0)
    zero_odd = sample[1::2].count(0)
    for encoding, high, low in (("utf-16-le", zero_odd, zero_even),
                                ("utf-16-be", zero_even, zero_odd)):
        if high >= 0.3 * units and low <= 0.02 * units:
            try:
                text = data[:len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return encoding
    return None


MOSTLY_ASCII = 0.05  # at most this share of bytes above 127: a Western text with a few accents


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file; return (text, encoding used)."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:8192]:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError("binary")
        return data[:len(data) - len(data) % 2].decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few stray bytes: keep it UTF-8 when most non-ASCII is valid UTF-8.
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
    if good and bad <= good:
        return lenient, "utf-8 (with invalid bytes replaced)"
    # Mostly ASCII with a few stray bytes: statistics on a handful of bytes guess
    # wildly (cp1251, Big5...); a newsroom's legacy text is Windows-1252.
    high = len(data) - len(data.translate(None, bytes(range(128, 256))))
    if high <= MOSTLY_ASCII * len(data):
        return data.decode("cp1252", errors="replace"), "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Single-byte Western guesses are almost always Windows-1252 in newsrooms.
    if encoding in {"latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman"}:
        encoding = "cp1252"
    return data.decode(encoding, errors="replace"), encoding


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample) > 0.01 or sample.count("\ufffd") / len(sample) > 0.1


def is_web_address(value: object) -> bool:
    """Whether `value` is an http(s) URL (an article to fetch) rather than a file path."""
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


def read_article(path: str | os.PathLike) -> LoadedArticle:
    """Read an article file, or fetch a web page when given an http(s) URL; raise
    InputError with one clear line if it can't be used."""
    if is_web_address(path):
        return read_url(str(path).strip())
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not an article file")
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size == 0:
            raise InputError(f"{name}: the file is empty")
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"{name}: the file is too large ({size / 1e6:.0f} MB; the limit is "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB)"
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if suffix in DOCX_SUFFIXES:
        return _read_docx(path, data)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _sniff_html(data)):
        return _read_html(path, data)
    if suffix not in TEXT_SUFFIXES:
        if data[:4] == b"PK\x03\x04" or b"\x00" in data[:8192]:
            raise InputError(f"{name}: unsupported file type {suffix} (use one of: "
                             f"{', '.join(SUPPORTED)})")
    try:
        text, encoding = decode_text(data)
    except InputError:
        raise InputError(f"{name}: not a text file (it looks binary)") from None
    text = normalise_newlines(text)
    if _looks_binary(text):
        raise InputError(f"{name}: not a text file (it looks binary)")
    if not text.strip():
        raise InputError(f"{name}: the file holds no text")
    return LoadedArticle(title_from_text(text, path.stem), text, str(path.resolve()), encoding)


def article_from_text(text: str, source: str | None = None) -> LoadedArticle:
    """An article pasted or typed in rather than read from a file."""
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError("the pasted text is empty")
    return LoadedArticle(title_from_text(text), text, source)


def _sniff_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _read_html(path: Path, data: bytes) -> LoadedArticle:
    try:
        html, _ = decode_text(data)
    except InputError:
        raise InputError(f"{path}: not an HTML file (it looks binary)") from None
    return _html_article(html, str(path), str(path.resolve()), path.stem)


def _web_url(value: str | None) -> str | None:
    from annotator.core.links import is_web_url

    return value if is_web_url(value) else None


def _iso_day(value: str | None) -> str | None:
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value or "")
    return match.group(1) if match else None


def _html_article(html: str, name: str, source: str | None, stem: str,
                  url: str | None = None) -> LoadedArticle:
    """Extract the article of an HTML page: its text, one paragraph per line, and its
    title, byline, date and canonical URL (`url`, when given, is where it was fetched)."""
    import trafilatura

    options = dict(include_comments=False, include_tables=False, include_images=False,
                   include_links=False)
    text = trafilatura.extract(html, favor_precision=True, **options)
    if not text or not text.strip():
        # Short pages fall below trafilatura's default thresholds; ask once more without them.
        text = trafilatura.extract(html, favor_recall=True, **options)
    if not text or len(text.split()) < 4:  # a stray menu word is not an article
        raise InputError(f"{name}: no article text found in this HTML page")
    # trafilatura gives one paragraph (or heading, or list item) per line; the
    # detector's units never cross a line end.
    text = normalise_newlines(text).strip() + "\n"
    title = byline = published = canonical = None
    try:
        metadata = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # metadata is a bonus: never lose the article over it
        metadata = None
    if metadata is not None:
        title = (metadata.title or "").strip() or None
        byline = " ".join((metadata.author or "").split()) or None
        published = _iso_day(metadata.date)
        canonical = _web_url(metadata.url)
    return LoadedArticle(title or title_from_text(text, stem), text, source, "html",
                         url=url or canonical, byline=byline, published=published)


#: How long a fetch may take, and the User-Agent sent (some sites refuse Python's own).
FETCH_TIMEOUT_S = 20
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) annotator (fact-checking workbench)"


def fetch_url(url: str, timeout: float = FETCH_TIMEOUT_S) -> tuple[bytes, str, str]:
    """GET a web page: (body, content type, final URL after redirects). InputError with
    one clear line when it cannot be fetched (offline, unknown host, HTTP error...)."""
    import socket
    import urllib.error
    import urllib.request

    if _web_url(url) is None:
        raise InputError(f"{url}: not a web address (use http:// or https://)")
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data = response.read(MAX_FILE_BYTES + 1)
            content_type = response.headers.get("Content-Type", "")
            final = response.geturl() or url
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the site answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            why = "the host name could not be resolved (are you offline?)"
        elif isinstance(reason, (socket.timeout, TimeoutError)):
            why = f"no answer within {timeout:.0f} s"
        elif isinstance(reason, ConnectionRefusedError):
            why = "the connection was refused"
        else:
            why = str(getattr(reason, "strerror", None) or reason)
        raise InputError(f"{url}: cannot fetch the page: {why}") from None
    except (socket.timeout, TimeoutError):
        raise InputError(f"{url}: cannot fetch the page: no answer within {timeout:.0f} s"
                         ) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{url}: cannot fetch the page: {exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{url}: the page is too large (over "
                         f"{MAX_FILE_BYTES // (1024 * 1024)} MB)")
    if not data:
        raise InputError(f"{url}: the page is empty")
    return data, content_type, final


def read_url(url: str, timeout: float = FETCH_TIMEOUT_S) -> LoadedArticle:
    """Fetch a web page and read its article (see `_html_article`). The URL the user gave
    is the article's source, so importing it again revises the same article."""
    data, content_type, final = fetch_url(url, timeout)
    kind = content_type.split(";")[0].strip().lower()
    charset = re.search(r"charset=([\w.:-]+)", content_type, re.IGNORECASE)
    if kind and not (kind.startswith("text/") or "html" in kind or "xml" in kind):
        raise InputError(f"{url}: not a web page ({kind}); save it and open the file instead")
    html = None
    if charset:
        try:
            html = data.decode(charset.group(1))
        except (LookupError, UnicodeDecodeError):
            html = None
    if html is None:
        try:
            html, _ = decode_text(data)
        except InputError:
            raise InputError(f"{url}: not a web page (it looks binary)") from None
    if kind == "text/plain":
        text = normalise_newlines(html)
        if not text.strip():
            raise InputError(f"{url}: the page holds no text")
        return LoadedArticle(title_from_text(text), text, url, "text", url=_web_url(final))
    stem = final.rstrip("/").rsplit("/", 1)[-1] or final
    return _html_article(html, url, url, stem, url=_web_url(final))


def check_docx_package(path: Path, data: bytes) -> None:
    """Refuse a .docx whose parts are too many or unpack to too much (a zip bomb),
    from the zip's directory alone, before anything is inflated. Reading the
    parts afterwards is bounded by these sizes: zipfile stops each one at its
    declared size."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise InputError(f"{path}: not a Word document, or the document is damaged") from None
    if len(parts) > MAX_DOCX_PARTS:
        raise InputError(f"{path}: the Word document has {len(parts)} parts (the limit is "
                         f"{MAX_DOCX_PARTS}); it is not an article")
    unpacked = sum(max(0, p.file_size) for p in parts)
    xml = sum(max(0, p.file_size) for p in parts
              if p.filename.lower().endswith((".xml", ".rels")))
    mb = 1024 * 1024
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise InputError(f"{path}: the Word document unpacks to {unpacked / 1e6:.0f} MB (the "
                         f"limit is {MAX_DOCX_UNPACKED_BYTES // mb} MB); it is not an article")
    if xml > MAX_DOCX_XML_BYTES:
        raise InputError(f"{path}: the Word document holds {xml / 1e6:.0f} MB of text and "
                         f"markup (the limit is {MAX_DOCX_XML_BYTES // mb} MB); split it or "
                         "save it as plain text")


def _read_docx(path: Path, data: bytes) -> LoadedArticle:
    if data[:4] != b"PK\x03\x04":
        raise InputError(f"{path}: not a Word document (.docx)")
    check_docx_package(path, data)
    try:
        import io

        import docx

        document = docx.Document(io.BytesIO(data))  # the bytes just checked
        paragraphs = [p.text for p in document.paragraphs]
    except Exception:  # python-docx raises many types for damaged packages
        raise InputError(f"{path}: not a Word document, or the document is damaged") from None
    text = normalise_newlines("\n".join(paragraphs)).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    if not text.strip():
        raise InputError(f"{path}: the Word document holds no text")
    title = None
    try:
        title = (document.core_properties.title or "").strip() or None
    except Exception:
        title = None
    return LoadedArticle(title or title_from_text(text, path.stem), text + "\n",
                         str(path.resolve()), "docx")
