"""Web archives: each HTML response record of a WARC file becomes a Document."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from cityties.document import Document
from cityties.sources import html
from cityties.sources.failure import Failure
from cityties.sources.text import DecodeError, parse_date


def read(path: Path) -> Iterator[Document | Failure]:
    """Documents from the HTML responses in a WARC (or .warc.gz) file; source is 'path#offset'."""
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if not record.format.startswith("warc"):  # warcio reads any other text as an ARC record
                    yield Failure(str(path), "cannot read WARC: not a WARC file")
                    return
                if _is_html_response(record):
                    payload = record.content_stream().read()  # before get_record_offset(), which moves on
                    yield _document(record, payload, f"{path}#{records.get_record_offset()}")
    except (OSError, ArchiveLoadFailed) as exc:
        yield Failure(str(path), f"cannot read WARC: {exc}")


def _is_html_response(record: ArcWarcRecord) -> bool:
    """An HTML response other than a redirect (the archive holds the redirect's target as another record)."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    redirect = (record.http_headers.get_statuscode() or "").startswith("3")
    return not redirect and "html" in (record.http_headers.get_header("Content-Type") or "").lower()


def _document(record: ArcWarcRecord, payload: bytes, source: str) -> Document | Failure:
    url = record.rec_headers.get_header("WARC-Target-URI")
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return Failure(source, f"HTTP {status} from {url} (archived)")
    try:
        page = html.decode_page(payload, _charset(record.http_headers.get_header("Content-Type")))
    except DecodeError as exc:
        return Failure(source, str(exc))
    crawled = parse_date(record.rec_headers.get_header("WARC-Date") or "")
    return html.parse(page, source, url=url, published=crawled)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
