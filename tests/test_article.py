"""read_article: text, Markdown and HTML articles, and every kind of bad input."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from geo.exc import BadInput
from layers.text.article import find_published, read_article, slugify

DATA = Path(__file__).parent / "data" / "claims"
from common import FIRST_ARTICLE as POKROVSK


def test_txt_article_keeps_text_exactly():
    art = read_article(POKROVSK)
    raw = POKROVSK.read_bytes().decode("utf-8")
    assert art.text == raw
    assert art.id == "pokrovsk-2025-06-29"
    assert art.title.startswith("Ukraine-Russia War: Pokrovsk Becomes Key Battleground")
    assert art.published == date(2025, 6, 29)
    assert art.text[20:28] == "Pokrovsk"
    assert art.notes == ()


def test_crlf_newlines_are_kept(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Headline\r\n\r\nKYIV, March 3, 2024 - Body.\r\n")
    art = read_article(p)
    assert art.text == "Headline\r\n\r\nKYIV, March 3, 2024 - Body.\r\n"
    assert art.title == "Headline"
    assert art.published == date(2024, 3, 3)      # from the dateline


def test_markdown_title_and_front_matter(tmp_path):
    p = tmp_path / "Note On Kherson.md"
    p.write_text("\n## Kherson shelled again\n\nText, as of 2 May 2024.\n", encoding="utf-8")
    art = read_article(p)
    assert art.title == "Kherson shelled again"
    assert art.id == "note-on-kherson"
    assert art.published == date(2024, 5, 2)
    fm = tmp_path / "fm.md"
    fm.write_text("---\ntitle: Odesa port\ndate: 2024-07-01\nsource: Example\n---\n# Other\n\nBody.\n",
                  encoding="utf-8")
    art = read_article(fm)
    assert (art.title, art.published, art.source) == ("Odesa port", date(2024, 7, 1), "Example")
    assert art.text.startswith("---\ntitle")                       # offsets index the file's text


def test_no_date_gives_none(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("Title\n\nThe war began in February 2022.\n", encoding="utf-8")
    assert read_article(p).published is None


@pytest.mark.parametrize("stem,slug", [("../../etc/passwd", "etc-passwd"), ("a..b", "a.b"),
                                       ("Ab\x07 c", "ab-c"), ("...", "article")])
def test_slug_is_safe(stem, slug):
    s = slugify(stem)
    assert s == slug
    assert "/" not in s and ".." not in s


def test_html_uses_extractor_and_page_metadata():
    art = read_article(DATA / "kharkiv-drones.html")
    assert art.title == "Kharkiv hit by drones"
    assert art.published == date(2025, 5, 4)          # article:published_time
    assert "injuring 12 people" in art.text
    assert "Copyright" not in art.text and "Home | World" not in art.text
    assert art.id == "kharkiv-drones"
    assert art.text.startswith("Kharkiv hit by drones")
    i = art.text.index("Kharkiv overnight")
    assert art.text[i:i + 7] == "Kharkiv"


def test_cp1251_is_decoded_and_noted(tmp_path):
    p = tmp_path / "cp.txt"
    p.write_bytes("Заголовок статьи\n\nВойска вошли в город, сообщили местные власти.\n".encode("cp1251"))
    art = read_article(p)
    assert art.title == "Заголовок статьи"
    assert any("cp1251" in n for n in art.notes)


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Title\r\n\r\nBody.\r\n".encode("utf-16"))
    art = read_article(p)
    assert art.text == "Title\r\n\r\nBody.\r\n"
    assert art.notes == ("decoded as UTF-16 (byte-order mark)",)


def test_utf8_bom_dropped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfTitle\n")
    art = read_article(p)
    assert art.text == "Title\n" and art.notes


@pytest.mark.parametrize("name,content,msg", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\n ", "is empty"),
    ("bin.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary"),
    ("ctrl.txt", b"ab\x01\x02\x03\x04\x05\x06\x07\x08" * 40, "binary"),
    ("nav.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ("bad16.txt", b"\xff\xfe\x00\xd8", "UTF-16"),
])
def test_bad_input_names_the_file(tmp_path, name, content, msg):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(BadInput) as err:
        read_article(p)
    assert msg in str(err.value)
    assert str(p) in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(BadInput, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(BadInput, match="not a file"):
        read_article(tmp_path)


def test_size_limit(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_text("Title\n\n" + "word " * 100, encoding="utf-8")
    monkeypatch.setenv("CLAIMMAP_MAX_BYTES", "100")
    with pytest.raises(BadInput, match="over the limit of 100 bytes"):
        read_article(p)
    monkeypatch.setenv("CLAIMMAP_MAX_BYTES", "100000")
    assert read_article(p).title == "Title"


def test_find_published_prefers_dateline():
    text = "Head\n\nLONDON, Jan. 5, 2024 - As of December 1, 2023, the count stood at 4."
    assert find_published(text) == date(2024, 1, 5)


def test_text_reader_does_not_import_trafilatura():
    code = ("import sys; from layers.text.article import read_article; "
            f"read_article({str(POKROVSK)!r}); "
            "print('trafilatura' in sys.modules, 'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
