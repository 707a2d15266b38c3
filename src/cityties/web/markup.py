"""Text as HTML with parts marked: a fact's words in its sentence, search matches, an article's evidence."""
from __future__ import annotations

from markupsafe import Markup, escape

from cityties.queries import MARK_CLOSE, MARK_OPEN


def _merged(spans: list[list[int]], length: int) -> list[tuple[int, int]]:
    """Spans clipped to the text, sorted, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted((max(s, 0), min(e, length)) for s, e in spans):
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def marked(text: str | None, spans: list[list[int]] | None) -> Markup:
    """The text escaped, with each [start, end) span in <mark>."""
    text = text or ""
    parts, at = [], 0
    for start, end in _merged(spans or [], len(text)):
        parts += [escape(text[at:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        at = end
    parts.append(escape(text[at:]))
    return Markup("").join(parts)


def snippet(text: str | None) -> Markup:
    """A search snippet with its matched words (between the queries' marker characters) in <mark>."""
    return Markup(str(escape(text or "")).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def evidence(text: str, spans: list[dict], label) -> Markup:
    """An article's text with each sentence that gave facts in <mark class="evidence" id="s-START">.

    label(span) gives the tooltip of a span (the fields it supports)."""
    parts, at = [], 0
    for span in spans:
        start, end = max(span["start"], at), span["end"]
        if start >= end:
            continue
        events = " ".join(str(e) for e in span["events"])
        parts += [escape(text[at:start]),
                  Markup('<mark class="evidence" id="s-%d" data-events="%s" title="%s">')
                  % (span["start"], events, label(span)),
                  escape(text[start:end]), Markup("</mark>")]
        at = end
    parts.append(escape(text[at:]))
    return Markup("").join(parts)
