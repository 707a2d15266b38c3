"""Plain-text articles: optional `URL:` and `DATE:` header lines, a blank line, then the body."""
from __future__ import annotations

import codecs
from collections.abc import Callable
import re
from datetime import date
from pathlib import Path

from cityties.document import Document
from cityties.sources.failure import Failure

HEADER = re.compile(r"(URL|DATE)\s*:\s*(.*?)\s*", re.IGNORECASE)
# A byte-order mark is the only encoding evidence a plain-text file can carry; UTF-32 is left out
# because its little-endian mark begins with UTF-16's and nobody publishes news in it.
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class DecodeError(ValueError):
    """Bytes that are not text in UTF-8, in the encoding their BOM names, or in their declared charset."""


def decode(data: bytes, declared: str | None = None) -> str:
    """Text of some bytes: a BOM wins, then the declared charset, then strict UTF-8."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _checked(data, codec)
    if declared:
        try:
            return _checked(data, declared)
        except DecodeError:
            pass  # pages often declare a charset they are not in; UTF-8 is the next best reading
    return _checked(data, "utf-8")


def _checked(data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)
    except LookupError:
        raise DecodeError(f"unknown charset {codec!r}") from None
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"cannot decode as {codec} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if "\x00" in text:
        raise DecodeError("binary content (NUL bytes), not text")
    return text


def parse(text: str, source: str = "") -> Document:
    """A Document from article text, reading and removing its header lines if it has any."""
    lines = text.splitlines(keepends=True)
    url, published, n = None, None, 0
    while n < len(lines) and (m := HEADER.fullmatch(lines[n].rstrip("\r\n"))):
        if m.group(1).upper() == "URL":
            url = m.group(2) or None
        else:
            published = parse_date(m.group(2))
        n += 1
    body = "".join(lines[n:]).lstrip("\r\n") if n else text
    return Document(raw=body, source=source, url=url, published=published)


def parse_date(value: str) -> date | None:
    """The day of an ISO date or date-time string; None for 'unknown' or anything unparsable."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def read(path: Path) -> Document | Failure:
    """A Document from a text file, or a Failure saying why it cannot be read."""
    return read_with(path, lambda data: parse(decode(data), str(path)))


def read_with(path: Path, convert: Callable[[bytes], Document]) -> Document | Failure:
    """Convert a file's bytes into a Document; unreadable or undecodable files become Failures."""
    try:
        return convert(path.read_bytes())
    except DecodeError as exc:
        return Failure(str(path), str(exc))
    except OSError as exc:
        return Failure(str(path), f"cannot read file: {exc.strerror or exc}")
