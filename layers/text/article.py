"""Read an article (.txt, .md or .html) into an Article.

The text is kept exactly as decoded (newlines too): every offset the pipeline reports
indexes into ``Article.text``. For HTML the text is what a real extractor (trafilatura)
takes out of the page, with the page's title put in front when the body does not start
with it, so offsets index into that extracted text.

Decoding: UTF-8 (a UTF-8 byte-order mark is dropped), UTF-16 with a BOM (or without one,
when its NUL bytes show it), else the best guess of charset-normalizer among the common
encodings (e.g. cp1251); whatever was assumed is recorded in ``Article.notes``, and a
guess is also logged as a warning (so ``claimmap`` says it on stderr). Refused with
`geo.exc.BadInput` naming the file: a missing file, an empty one, a binary one, one that
no encoding decodes, an HTML page with no body text, and one over the size limit (5 MB,
or ``CLAIMMAP_MAX_BYTES`` bytes).

trafilatura is imported only for HTML input: ``claimmap places`` on a text article must
start fast.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from geo.exc import BadInput
from layers.text.dates import find_dates
from layers.model import Article

__all__ = ["DEFAULT_MAX_BYTES", "read_article", "article_from_text", "slugify", "find_published"]

log = logging.getLogger(__name__)

#: the largest article read, unless CLAIMMAP_MAX_BYTES says otherwise
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

#: fewer words than this extracted from an HTML page: no article in it
_MIN_HTML_WORDS = 5

_TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

# a dateline or a publication line near the top: "KYIV, June 29, 2025 -", "Published: ..."
_PUBLISHED_LINE_RE = re.compile(
    r"^\s*(?:(?:published|updated|posted|date|dated)\s*(?:on)?\s*[:\-–]?\s*|"
    r"[A-Z][A-Za-z .'’-]{1,40},\s+(?=[A-Z][a-z]{2}))", re.I | re.M)
_AS_OF_RE = re.compile(r"\bas (?:of|at)\s+$", re.I)


def slugify(stem: str) -> str:
    """A file-name-safe id: letters, digits, '.', '-' and '_'; never '..' or a path.

    >>> slugify("Pokrovsk 2025-06-29")
    'pokrovsk-2025-06-29'
    >>> slugify("../../etc/passwd")
    'etc-passwd'
    """
    s = unicodedata.normalize("NFKC", stem).lower()
    s = "".join(ch if (ch.isalnum() or ch in "._-") else "-" for ch in s)
    s = re.sub(r"\.{2,}", ".", s)
    s = re.sub(r"-{2,}", "-", s).strip(".-_")
    return s[:120] or "article"


def _max_bytes() -> int:
    raw = os.environ.get("CLAIMMAP_MAX_BYTES", "")
    try:
        return int(raw) if raw.strip() else DEFAULT_MAX_BYTES
    except ValueError:
        log.warning("CLAIMMAP_MAX_BYTES=%r is not a number; using %d", raw, DEFAULT_MAX_BYTES)
        return DEFAULT_MAX_BYTES


def _looks_binary(text: str) -> bool:
    """Text with NULs or many control characters is not an article."""
    if "\x00" in text:
        return True
    sample = text[:20000]
    ctrl = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f\v")
    return ctrl > max(2, len(sample) // 200)


#: the encodings charset-normalizer may choose among (the common ones of news text): left
#: free it guesses rare code pages (mac_latin2 for short French Latin-1 text, say)
_LIKELY_ENCODINGS = [
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u",
    "iso8859_5", "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8",
    "cp1256", "iso8859_6", "cp1257", "iso8859_13", "cp1258", "cp874", "tis_620",
    "gb18030", "gb2312", "big5", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "euc_kr",
    "cp949", "mac_roman", "utf_16", "utf_16_le", "utf_16_be", "utf_32",
]


def _utf16_without_bom(raw: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark, or None.

    Recognised when the high bytes of the 16-bit units take at most three values, NUL
    among them (text in one script, with ASCII spaces, digits and punctuation: NUL high
    bytes for Latin script, 0x04 for Cyrillic, 0x06 for Arabic ...), the low bytes are
    almost never NUL, and the bytes decode.
    """
    from collections import Counter

    sample = raw[:8192]
    if len(sample) < 16 or len(raw) % 2:
        return None
    for enc, high, low in (("utf-16-le", sample[1::2], sample[0::2]),
                           ("utf-16-be", sample[0::2], sample[1::2])):
        top = sum(n for _, n in Counter(high).most_common(3))
        if 0 in high and top >= 0.95 * len(high) and low.count(0) <= 0.01 * len(low):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _decode(raw: bytes, path: str) -> tuple[str, list[str]]:
    """Decode the bytes of a file: UTF-8, UTF-16 with a BOM, else charset-normalizer."""
    notes: list[str] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        notes.append("dropped a UTF-8 byte-order mark")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as err:
            raise BadInput(f"has a UTF-16 byte-order mark but is not UTF-16 ({err.reason})",
                           path=path) from None
        return text, ["decoded as UTF-16 (byte-order mark)"]
    if b"\x00" in raw[:8192]:
        text = _utf16_without_bom(raw)
        if text is not None:
            log.warning("%s: no byte-order mark; decoded as UTF-16", path)
            return text, ["decoded as UTF-16 (no byte-order mark: guessed from its NUL bytes)"]
        raise BadInput("is a binary file, not an article (it holds NUL bytes)", path=path)
    try:
        return raw.decode("utf-8"), notes
    except UnicodeDecodeError as err:
        bad_at = err.start
    from charset_normalizer import from_bytes

    results = from_bytes(raw, cp_isolation=_LIKELY_ENCODINGS)
    best = results.best()
    if best is not None:
        # equally good guesses (short text: cp1250 and cp1252 often tie): the encoding
        # more common in news text, the earlier in _LIKELY_ENCODINGS, wins
        rank = {enc: i for i, enc in enumerate(_LIKELY_ENCODINGS)}
        best = min((r for r in results
                    if (r.chaos, r.coherence) == (best.chaos, best.coherence)),
                   key=lambda r: rank.get(r.encoding, len(rank)))
    if best is None:
        raise BadInput(f"cannot be decoded: not UTF-8 (bad byte at offset {bad_at}) "
                       "and no other encoding fits", path=path)
    enc = best.encoding
    # a guess: say it where the person running claimmap sees it
    log.warning("%s: not UTF-8; decoded as %s (a guess)", path, enc)
    return str(best), notes + [f"not UTF-8 (bad byte at offset {bad_at}); decoded as {enc}"]


def find_published(text: str) -> date | None:
    """The article's date as written in it, or None.

    In order: a publication line or dateline among the first lines ("Published: ...",
    "KYIV, June 29, 2025 —"), then an "As of <date>" anywhere, then None. Only dates
    with a day count (month-only dates do not date an article).

    >>> find_published("Title\\n\\nAs of June 29, 2025, all ceasefire efforts have failed.")
    datetime.date(2025, 6, 29)
    """
    head = text[:1500]
    for m in _PUBLISHED_LINE_RE.finditer(head):
        line_end = head.find("\n", m.end())
        line = head[m.end(): line_end if line_end >= 0 else len(head)]
        for d in find_dates(line[:60]):
            if d.precision == "day" and d.start <= 2:
                return date.fromisoformat(d.start_iso)
    for d in find_dates(text):
        if d.precision == "day" and d.kind == "point" and \
                _AS_OF_RE.search(text[max(0, d.start - 12):d.start]):
            return date.fromisoformat(d.start_iso)
    return None


def _date_in_name(stem: str) -> date | None:
    """A YYYY-MM-DD date in a file name ("kharkiv-2024-05-20"), or None."""
    m = re.search(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)", stem)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _title_of(text: str, markdown: bool) -> str:
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if markdown:
            s = s.lstrip("#").strip()
            if not s:
                continue
        return s
    return ""


def _front_matter(text: str) -> dict[str, str]:
    """The simple `key: value` lines of a Markdown file's YAML front matter."""
    m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", text, re.S)
    if not m:
        return {}
    out = {}
    for line in m.group(1).splitlines():
        k, sep, v = line.partition(":")
        if sep and k.strip():
            out[k.strip().lower()] = v.strip().strip("'\"")
    return out


def article_from_text(text: str, id: str, *, markdown: bool = False, path: str | None = None,
                      notes: tuple[str, ...] = ()) -> Article:
    """An Article from text already decoded (title and date found in it).

    Parameters
    ----------
    text : str
        The article's text, offsets will index into it.
    id : str
        The article id (made safe with `slugify`).
    markdown : bool
        Strip '#' from the title line and read a YAML front matter's title/date/source.
    """
    title, published, source, url = "", None, "", ""
    body = text
    if markdown:
        fm = _front_matter(text)
        if fm:
            title = fm.get("title", "")
            source = fm.get("source", "") or fm.get("url", "")
            url = web_address(fm.get("url", "")) or web_address(fm.get("source", ""))
            try:
                published = date.fromisoformat(fm.get("date", "")[:10]) if fm.get("date") else None
            except ValueError:
                published = None
            body = text[re.match(r"---\r?\n.*?\r?\n---\r?\n", text, re.S).end():]
    title = title or _title_of(body, markdown)
    published = published or find_published(text)
    notes = tuple(notes)
    if published is None:
        published = _date_in_name(id)
        if published is not None:
            notes += (f"date {published.isoformat()} taken from the file name",)
    return Article(id=slugify(id), text=text, title=title, published=published, source=source,
                   path=path, notes=tuple(notes), url=url)


def _read_html(raw_text: str, path: str, stem: str, notes: list[str]) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(raw_text, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(body.split()) < _MIN_HTML_WORDS:
        # a menu or a footer is not an article
        raise BadInput(f"is an HTML page with no article text in its body "
                       f"(extracted {len(body.split())} words)", path=path)
    title = (getattr(doc, "title", None) or "").strip()
    text = body
    if title and not body.startswith(title):
        # the headline is part of the article (it makes claims too): put it in front
        text = f"{title}\n\n{body}"
        notes.append("the page title is put before the extracted text")
    published = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    if published is None:
        published = find_published(text)
    else:
        notes.append("date from the page's metadata")
    if published is None:
        published = _date_in_name(stem)
        if published is not None:
            notes.append(f"date {published.isoformat()} taken from the file name")
    source = (getattr(doc, "sitename", None) or getattr(doc, "hostname", None)
              or getattr(doc, "url", None) or "")
    # the page's own address: trafilatura reads og:url, then the canonical link
    url = web_address(str(getattr(doc, "url", None) or "")) or _canonical_link(raw_text)
    return Article(id=slugify(stem), text=text, title=title or _title_of(text, False),
                   published=published, source=str(source), path=path, notes=tuple(notes),
                   url=url)


_CANONICAL_RE = re.compile(
    r"""<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>|<meta\b[^>]*\bproperty\s*=\s*["']?og:url["']?[^>]*>""",
    re.I)
_HREF_RE = re.compile(r"""\b(?:href|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _canonical_link(raw_html: str) -> str:
    """The web address a page gives for itself (``<link rel=canonical>`` or ``og:url``)."""
    import html as _html

    for m in _CANONICAL_RE.finditer(raw_html[:200_000]):
        h = _HREF_RE.search(m.group(0))
        if h:
            url = web_address(_html.unescape(next(g for g in h.groups() if g is not None)))
            if url:
                return url
    return ""


def web_address(s: str) -> str:
    """`s` stripped when it is an absolute http(s) address, else empty.

    >>> web_address(" https://example.org/a?b=1 "), web_address("Example News")
    ('https://example.org/a?b=1', '')
    """
    s = (s or "").strip()
    return s if re.match(r"https?://[^\s/]+\S*$", s, re.I) else ""


def read_article(path: str | os.PathLike) -> Article:
    """Read an article file (.txt, .md or .html) into an Article.

    Parameters
    ----------
    path : str or path-like
        The file. Its suffix chooses the reader; an unknown suffix is read as plain text
        unless it looks like HTML.

    Returns
    -------
    Article
        id is a safe slug of the file's stem; text is the text as decoded (HTML: as
        extracted), newlines kept; published is the date found in it, else a
        YYYY-MM-DD in the file name (noted in notes), else None; path is the file's
        name (never the folders it was reached through).

    Raises
    ------
    geo.exc.BadInput
        Missing, empty, binary, undecodable, too large, or HTML without body text.
    """
    p = Path(path)
    spath = str(path)
    if not p.exists():
        raise BadInput("no such file", path=spath)
    if not p.is_file():
        raise BadInput("is not a file", path=spath)
    size = p.stat().st_size
    limit = _max_bytes()
    if size > limit:
        raise BadInput(f"is {size} bytes, over the limit of {limit} bytes (CLAIMMAP_MAX_BYTES)",
                       path=spath)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise BadInput(f"cannot be read: {err.strerror}", path=spath) from None
    if not raw.strip():
        raise BadInput("is empty", path=spath)
    text, notes = _decode(raw, spath)
    if _looks_binary(text):
        raise BadInput("is a binary file, not an article (control characters)", path=spath)
    if not text.strip():
        raise BadInput("is empty", path=spath)
    suffix = p.suffix.lower()
    is_html = suffix in _HTML_SUFFIXES or (
        suffix not in _TEXT_SUFFIXES and re.match(r"\s*(?:<!doctype html|<html)", text, re.I))
    if is_html:
        art = _read_html(text, spath, p.stem, notes)
    else:
        art = article_from_text(text, p.stem, markdown=suffix in (".md", ".markdown"),
                                path=spath, notes=tuple(notes))
    # the file's name alone: what is written (claims file, manifest) is the same however
    # the path was typed or wherever the command ran, and no folder of the user's leaks
    art.path = p.name
    return art
