"""Hostile inputs (issue 17, items 3, 9, 12): the corpus of benchmarks/hostile.py,
built small; each input is used or refused with one clear line, in seconds.
`make bench` runs the full-size corpus with time and peak memory per input."""

from __future__ import annotations

import time

import pytest

from annotator.core.errors import InputError
from annotator.core.importers import decode_text, read_article
from benchmarks import hostile

# Cases that need the NLP pipeline or a PDF renderer run only in the benchmark.
SLOW = {"giant-line", "giant-line-1mb", "note-pdf"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    cases = {c.name: c for c in hostile.build_corpus(folder / "corpus", quick=True)}
    return folder, cases


EXPECTED = {
    "docx-bomb": ("refused", "the Word document"),
    "docx-parts": ("refused", "parts"),
    "docx-largest": ("used", None),
    "utf16-nobom": ("used", None),
    "stray-bytes": ("used", None),
    "json-deep": ("refused", "nested too deeply"),
    "json-wide": ("refused", "not a valid Web Annotation file"),
    "json-huge": ("refused", "too large"),
    "json-number-digits": ("refused", "5000 digits"),
    "json-number-superscript": ("refused", "whole number"),
    "json-number-float": ("refused", "whole number"),
    "json-number-nan": ("refused", "NaN"),
    "json-many": ("used", None),
    "json-ambiguous": ("used", None),
    "hostile-links": ("used", None),
    "csv-formulas": ("used", None),
    "note-html": ("used", None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_input_is_used_or_refused_quickly(corpus, name):
    folder, cases = corpus
    started = time.perf_counter()
    result = hostile.run_case(cases[name], folder / "corpus", folder / "work" / name)
    elapsed = time.perf_counter() - started
    outcome, fragment = EXPECTED[name]
    assert result["outcome"] == outcome, result
    if fragment:
        assert fragment in result["message"] and "\n" not in result["message"]
    assert elapsed < hostile.LIMIT_S
    if name == "utf16-nobom":
        assert result["encoding"] == "utf-16-le"
    if name == "stray-bytes":
        assert result["encoding"] == "cp1252"
    if name in ("json-many", "json-ambiguous"):
        assert "could not be placed" in result["summary"]
    if name == "hostile-links":
        assert result["openable"] and all(u.startswith(("http://", "https://"))
                                          for u in result["openable"])


def test_every_case_of_the_corpus_is_covered(corpus):
    _, cases = corpus
    assert set(cases) == set(EXPECTED) | SLOW


def test_docx_bomb_is_refused_before_inflating(tmp_path):
    """Item 3: 1 MB that inflates to 300 MB is refused from the zip directory alone."""
    import tracemalloc

    path = tmp_path / "bomb.docx"
    hostile._docx(path, hostile._paragraphs(300_000_000))
    assert path.stat().st_size < 2_000_000
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"unpacks to 30\d MB|holds 30\d MB"):
        read_article(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 50_000_000  # the file itself, never its contents


def test_docx_at_the_limit_is_still_read(tmp_path):
    path = tmp_path / "fine.docx"
    hostile._docx(path, hostile._paragraphs(200_000))
    loaded = read_article(path)
    assert loaded.text.startswith(hostile.SENTENCE.strip())


# ---------------------------------------------------------------- item 12: decoding
TEXT = "Ministers said the figure was wrong, café owners agreed. £350m on roads.\n" * 20


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path, encoding):
    path = tmp_path / "u16.txt"
    path.write_bytes(TEXT.encode(encoding))
    loaded = read_article(path)
    assert loaded.text == TEXT and loaded.encoding == encoding


def test_mostly_ascii_with_stray_bytes_is_cp1252_not_cp1251():
    data = ("The council met on Tuesday and agreed the budget. " * 40).encode("ascii")
    data = data.replace(b"agreed", b"agr\xe9ed", 3)  # a few cp1252 accents, nothing else
    text, encoding = decode_text(data)
    assert encoding == "cp1252" and "agréed" in text


def test_a_real_cp1251_text_is_still_cyrillic():
    russian = "Министр заявил, что бюджет вырос на 12 процентов в прошлом году. " * 30
    text, _ = decode_text(russian.encode("cp1251"))
    assert text == russian


def test_binary_with_zeros_is_still_binary(tmp_path):
    import random

    data = bytes(random.Random(5).randrange(256) for _ in range(8192))
    with pytest.raises(InputError, match="binary"):
        decode_text(b"\x00" + data)
