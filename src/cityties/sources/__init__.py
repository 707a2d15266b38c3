"""Reading inputs (directories, files, URLs, feeds, WARC archives) into Documents; one bad input never raises."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import httpx

from cityties.document import Document
from cityties.sources import html, text, warc, web
from cityties.sources.failure import Failure

__all__ = ["Failure", "count_inputs", "read"]

# What each file extension holds; files with other extensions are skipped inside directories.
KINDS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html",
    ".warc": "warc", ".warc.gz": "warc",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
MANY_DOCUMENTS = {"warc", "feed"}  # kinds whose number of documents is unknown until read


def read(inputs: Iterable[str], client: httpx.Client | None = None) -> Iterator[Document | Failure]:
    """Documents from each input in turn; an input that cannot be read yields a Failure instead."""
    http = client or web.client()
    try:
        for item in inputs:
            yield from _guarded(item, _read_one(item, http))
    finally:
        if client is None:
            http.close()


def count_inputs(inputs: Sequence[str]) -> int | None:
    """How many items read() will yield, if known without reading: None for a URL, WARC or feed among them."""
    total = 0
    for item in inputs:
        if _is_url(item):
            return None
        path = Path(item)
        for file in _files(path) if path.is_dir() else [path]:
            if kind_of(file) in MANY_DOCUMENTS:
                return None
            total += 1
    return total


def kind_of(path: Path) -> str | None:
    """The kind of a file by its extension (text, html, warc, feed), None if unsupported."""
    name = path.name.lower()
    return next((kind for suffix, kind in KINDS.items() if name.endswith(suffix)), None)


def _is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and kind_of(p))


def _read_one(item: str, http: httpx.Client) -> Iterator[Document | Failure]:
    if _is_url(item):
        yield from web.read(item, http)
        return
    path = Path(item)
    if path.is_dir():
        for file in _files(path):
            yield from _guarded(str(file), _read_file(file, kind_of(file), http))
    elif path.is_file():
        yield from _read_file(path, kind_of(path) or "text", http)
    else:
        yield Failure(item, "file not found")


def _read_file(path: Path, kind: str, http: httpx.Client) -> Iterator[Document | Failure]:
    if kind == "warc":
        yield from warc.read(path)
    elif kind == "feed":
        yield from web.read_feed(path.read_bytes(), str(path), http)
    elif kind == "html":
        yield html.read(path)
    else:
        yield text.read(path)


def _guarded(source: str, items: Iterator[Document | Failure]) -> Iterator[Document | Failure]:
    """The items, ending with a Failure instead of an exception if reading breaks unexpectedly."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - one broken input must not stop a batch
        yield Failure(source, f"unexpected error: {type(exc).__name__}: {exc}")
