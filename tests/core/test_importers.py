
import pytest

from annotator.core.errors import InputError
from annotator.core.importers import MAX_FILE_BYTES, article_from_text, read_article

TEXT = "Ministers said the “£350m” figure was wrong – café owners agreed.\n"


def test_utf8_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert read_article(path).text == TEXT


def test_crlf_is_normalised_like_python_text_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8") * 2)
    loaded = read_article(path)
    assert loaded.text == path.read_text(encoding="utf-8")  # universal newlines
    assert "\r" not in loaded.text


def test_cp1252(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    assert read_article(path).text == TEXT


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    assert read_article(path).text == TEXT


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert read_article(path).text == TEXT


def test_stray_invalid_bytes_are_replaced_not_fatal(tmp_path):
    path = tmp_path / "stray.txt"
    path.write_bytes(TEXT.encode("utf-8") + b"Bad byte \xff here.\n" + TEXT.encode("utf-8"))
    text = read_article(path).text
    assert text.startswith(TEXT) and "\ufffd" in text and text.endswith(TEXT)


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n  ", "no text"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("fake.docx", b"This is not a Word file", "not a Word document"),
    ("broken.docx", b"PK\x03\x04garbage" * 10, "not a Word document"),
    ("empty.html", b"<html><head><script>x()</script></head><body><nav>Home</nav></body></html>",
     "no article text"),
])
def test_bad_files_give_one_clear_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        read_article(path)
    assert "\n" not in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_article(tmp_path)


def test_very_large_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_article(path)


def test_html_keeps_the_article_and_drops_the_rest(tmp_path):
    body = " ".join(f"Paragraph {i}: the council spent £{i}m on roads in 2020, officials said."
                    for i in range(1, 4))
    html = f"""<!doctype html><html><head><title>Roads spending row</title>
    <script>alert('tracking');</script><style>p {{color: red}}</style></head>
    <body><nav><a href="/">Home</a> | <a href="/news">News</a> | Subscribe now</nav>
    <article><h1>Roads spending row</h1><p>{body}</p>
    <p>Residents said the potholes were still there in March 2021, despite the promises.</p></article>
    <footer>Copyright 2024 Example Media. All rights reserved. Cookie policy.</footer>
    </body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    loaded = read_article(path)
    assert "the council spent £1m on roads" in loaded.text
    assert "potholes" in loaded.text
    for junk in ("alert", "tracking", "Subscribe", "Copyright", "Cookie", "color: red"):
        assert junk not in loaded.text
    assert loaded.title == "Roads spending row"


def test_docx(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Budget story"
    document.add_paragraph("The budget rose by 4% in 2023.")
    document.add_paragraph("A spokesman said it would rise again.")
    path = tmp_path / "story.docx"
    document.save(path)
    loaded = read_article(path)
    assert loaded.title == "Budget story"
    assert loaded.text == "The budget rose by 4% in 2023.\nA spokesman said it would rise again.\n"


def test_pasted_text():
    assert article_from_text("Line one.\r\nLine two.").text == "Line one.\nLine two."
    with pytest.raises(InputError):
        article_from_text("   ")


