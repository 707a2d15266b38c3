"""HTML pages: title, main text, publication date and canonical URL, extracted with trafilatura."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import trafilatura

from cityties.document import Document
from cityties.sources.failure import Failure
from cityties.sources.text import decode, parse_date, read_with

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# HTML requires the charset declaration within the first 1024 bytes; pages overshoot, so look further.
CHARSET_SNIFF_BYTES = 4096
# The page's stated publication date only: article:published_time and similar markup, JSON-LD,
# <time> elements, the URL. htmldate's extensive search guesses from free text, where it takes a
# footer's "Copyright 2024" for 2024-01-01 or an event date in the article for the publication.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start."""
    m = META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    return m.group(1).decode("ascii") if m else None


def parse(html: str, source: str, url: str | None = None, published: date | None = None) -> Document:
    """A Document from a page; url and published stand in for what the page itself does not give."""
    page = trafilatura.bare_extraction(
        html, url=url, include_comments=False, favor_recall=True, with_metadata=True,
        date_extraction_params=DATE_PARAMS,
    )
    if page is None:
        return Document(raw="", source=source, url=url, published=published)
    title = (page.title or "").strip() or None
    lines = [line.strip() for line in (page.text or "").splitlines() if line.strip()]
    if lines and lines[0] == title:
        lines.pop(0)
    return Document(
        raw="\n\n".join(([title] if title else []) + lines),
        source=source,
        url=page.url or url,
        title=title,
        published=(parse_date(page.date) if page.date else None) or published,
    )


def decode_page(data: bytes, charset: str | None = None) -> str:
    """The text of a page's bytes, using the transport's charset, else the page's own declaration."""
    return decode(data, charset or declared_charset(data))


def read(path: Path) -> Document | Failure:
    """A Document from an HTML file, or a Failure saying why it cannot be read."""
    return read_with(path, lambda data: parse(decode_page(data), str(path)))
