"""Pages and RSS/Atom feeds over HTTP(S), fetched with httpx."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import feedparser
import httpx

from cityties.document import Document
from cityties.sources import html, text
from cityties.sources.failure import Failure
from cityties.sources.text import DecodeError

USER_AGENT = "cityties/0.1"
# Slow municipal sites answer within seconds; 30 s total keeps one dead host from stalling a batch.
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
FEED_TYPES = ("rss", "atom")
# A feed's root element, after an optional XML declaration, comments and processing instructions.
FEED_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)
FEED_SNIFF_BYTES = 2048  # the root element follows a short prolog


def client() -> httpx.Client:
    """An HTTP client with cityties' User-Agent, timeouts and redirect following."""
    return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=True)


def read(url: str, http: httpx.Client) -> Iterator[Document | Failure]:
    """The article at a URL, or one per entry when the URL is a feed."""
    response = _get(url, http)
    if isinstance(response, Failure):
        yield response
    elif is_feed(response.headers.get("content-type", ""), response.content):
        yield from read_feed(response.content, str(response.url), http)
    else:
        yield _document(response)


def is_feed(content_type: str, data: bytes) -> bool:
    """Whether a response is an RSS/Atom feed, by its content type or its root element."""
    return any(kind in content_type.lower() for kind in FEED_TYPES) or bool(
        FEED_ROOT.match(data[:FEED_SNIFF_BYTES])
    )


def read_feed(data: bytes, source: str, http: httpx.Client) -> Iterator[Document | Failure]:
    """The article behind each entry of a feed; an entry's date stands in for a page without one."""
    feed = feedparser.parse(data)
    if not feed.version and not feed.entries:
        problem = f" ({feed.bozo_exception})" if feed.bozo else ""
        yield Failure(source, f"not an RSS or Atom feed{problem}")
        return
    for entry in feed.entries:
        day = _entry_date(entry)
        link = entry.get("link")
        if link:
            response = _get(link, http)
            yield response if isinstance(response, Failure) else _document(response, day)
        else:
            content = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
            yield html.parse(content, f"{source}#{entry.get('id', '')}", published=day)


def _get(url: str, http: httpx.Client) -> httpx.Response | Failure:
    try:
        response = http.get(url)
    except httpx.HTTPError as exc:
        return Failure(url, f"cannot fetch {url}: {type(exc).__name__} {exc}".rstrip())
    if response.status_code >= 400:
        return Failure(url, f"HTTP {response.status_code} from {url}")
    return response


def _document(response: httpx.Response, published: date | None = None) -> Document | Failure:
    url = str(response.url)
    try:
        page = html.decode_page(response.content, response.charset_encoding)
    except DecodeError as exc:
        return Failure(url, str(exc))
    if response.headers.get("content-type", "").startswith("text/plain"):
        doc = text.parse(page, url)
        doc.url = doc.url or url
        doc.published = doc.published or published
        return doc
    return html.parse(page, url, url=url, published=published)


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*parsed[:3]) if parsed else None
