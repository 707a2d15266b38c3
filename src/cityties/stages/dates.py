"""Dates stage: finds date expressions and resolves them to ISO dates, partial where only a month or year is known.

Each language's grammar is data (lexicon/<lang>/dates.tsv, see vi/dates.tsv for the format), compiled
once into one regular expression whose alternatives are named patterns; this module only interprets
the named groups d1 m1 y1 d2 m2 y2 mon1 mon2 rel relm reld dir wd dur same. It is rule-based on purpose:
general date parsers read times such as "2 giờ chiều" as dates and invent years.
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from cityties.document import DateRef, Document, Span
from cityties.lexicon import table
from cityties.textmatch import is_hangul

# A reported past event may fall this far after the publication date (late reports, time zones,
# datelines) before a yearless date is taken to be last year's; planned events likewise before it.
YEAR_SHIFT_GRACE = timedelta(days=31)
# A year of 1900-2099 that is not part of a longer number.
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# News sites put the date in the path: /2024/05/14/, -2017-11/.
URL_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)")
# {name} in a dates.tsv pattern: a macro or a word table (not a {2} quantifier).
PLACEHOLDER_RE = re.compile(r"\{([A-Za-z]\w*)\}")
# Named groups are renamed p<i>_<name> so that patterns may reuse names in one regex.
GROUP_RE = re.compile(r"\(\?P<(\w+)>")
# Candidate sentence ends when the caller gives no sentence bounds.
SENTENCE_END_RE = re.compile(r"[.!?]\s+|\n+")
# Year used to check a yearless day-month pair (a leap year, so 29/2 stays valid).
LEAP_YEAR = 2000
# Which word table a named group's text is looked up in.
GROUP_TABLE = {"mon1": "month", "mon2": "month", "rel": "relyear", "relm": "relmonth", "reld": "relday",
               "dir": "dir", "wd": "weekday", "dur": "number"}


@dataclass(frozen=True)
class Grammar:
    """A language's compiled date patterns, word tables and planned cues."""

    regex: re.Pattern
    words: dict[str, dict[str, int]]
    planned: re.Pattern | None


def _alternation(phrases: Sequence[str]) -> str:
    return "(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


def _cue_regex(cues: Sequence[str]) -> re.Pattern | None:
    """One pattern matching any cue as a whole word (Korean cues may take endings)."""
    if not cues:
        return None
    parts = [re.escape(c) + ("" if is_hangul(c[-1]) else r"(?!\w)") for c in cues]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar | None:
    """The compiled date grammar of a language, or None when it has no dates.tsv."""
    rows = table(lang, "dates")
    if not rows:
        return None
    macros = {r[1]: r[2] for r in rows if r[0] == "macro"}
    phrases: dict[str, list[str]] = {}
    words: dict[str, dict[str, int]] = {}
    for row in rows:
        if row[0] not in ("macro", "pattern"):
            phrases.setdefault(row[0], []).append(row[1])
            words.setdefault(row[0], {})[row[1].lower()] = int(row[2]) if len(row) > 2 else 0

    def expand(text: str) -> str:
        return PLACEHOLDER_RE.sub(
            lambda m: expand(macros[m[1]]) if m[1] in macros else _alternation(phrases[m[1]]), text)

    alternatives = []
    for i, row in enumerate(r for r in rows if r[0] == "pattern"):
        body = GROUP_RE.sub(lambda m: f"(?P<p{i}_{m[1]}>", expand(row[2]))
        alternatives.append(f"(?P<p{i}>{body})")
    cues = [r[0] for r in table(lang, "cues") if len(r) > 1 and r[1] == "planned"]
    return Grammar(re.compile("|".join(alternatives), re.IGNORECASE), words,
                   _cue_regex(cues or phrases.get("planned", [])))


@dataclass
class _Context:
    """What earlier dates and the publication date tell about the next one."""

    anchor: date | None
    year: int | None  # the anchor's year, or one inferred from the URL or text
    month: tuple[int | None, int] | None = None  # (year, month) of the last date naming a month


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """The (year, month) `by` months away."""
    y, m = divmod(year * 12 + month - 1 + by, 12)
    return y, m + 1


def _nearest_day(anchor: date, day: int, direction: int) -> date | None:
    """The last `day` of a month on or before the anchor (direction -1), or the next one after it."""
    y, m = anchor.year, anchor.month
    for _ in range(3):
        if day <= calendar.monthrange(y, m)[1]:
            found = date(y, m, day)
            if (direction < 0 and found <= anchor) or (direction > 0 and found > anchor):
                return found
        y, m = _shift_month(y, m, direction)
    return None


def _weekday(anchor: date, weekday: int, direction: int, planned: bool) -> date:
    """The weekday nearest the anchor: backwards for past events, forwards for planned or 'next' ones."""
    if direction > 0 or (direction == 0 and planned):
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or (7 if direction else 0))
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or (7 if direction else 0))


def _counted_day(val: dict[str, int], anchor: date | None, planned: bool) -> str | None:
    """A day counted from the anchor: a weekday ('on Tuesday') or a relative day ('yesterday')."""
    if anchor is None:
        return None
    if "wd" in val:
        return _weekday(anchor, val["wd"], val.get("dir", 0), planned).isoformat()
    return (anchor + timedelta(days=val["reld"])).isoformat()


def _guess_year(month: int | None, day: int | None, ctx: _Context, direction: int, planned: bool) -> int | None:
    """The year of a yearless date: the anchor's, moved back when a past event would fall after it
    (forward when a planned one would fall before it); without an anchor, the known year or None."""
    if ctx.anchor is None:
        return ctx.year
    year, grace = ctx.anchor.year, (timedelta(0) if direction else YEAR_SHIFT_GRACE)
    first = date(year, month or 1, min(day or 1, 28))
    last = date(year, month or 12, min(day or 31, calendar.monthrange(year, month or 12)[1]))
    if direction > 0 or (direction == 0 and planned):
        return year + 1 if last < ctx.anchor - grace else year
    return year - 1 if first > ctx.anchor + grace else year


def _iso(y: int | None, m: int | None, d: int | None) -> str | None:
    """YYYY-MM-DD, YYYY-MM or YYYY as far as known; None without a year."""
    if y is None:
        return None
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else "")


def _value(gram: Grammar, group: str, text: str) -> int:
    """A group's number: digits as written, words through the group's table."""
    if text.isdigit():
        return int(text)
    return gram.words.get(GROUP_TABLE.get(group, ""), {}).get(" ".join(text.lower().split()), 0)


def _resolve(g: dict[str, str], gram: Grammar, ctx: _Context, planned: bool) -> tuple[str | None, str | None] | None:
    """ISO start and end of one match's groups; None when they make no valid date."""
    val = {k: _value(gram, k, v) for k, v in g.items() if k != "part"}
    d1, d2, y1, y2 = val.get("d1"), val.get("d2"), val.get("y1"), val.get("y2")
    m1, m2 = val.get("m1", val.get("mon1")), val.get("m2", val.get("mon2"))
    direction, anchor = val.get("dir", 0), ctx.anchor
    if "wd" in val or "reld" in val:
        day = _counted_day(val, anchor, planned)
        return day, day
    base = anchor.year if anchor else ctx.year
    if "rel" in val and y1 is None:
        y1 = base + val["rel"] if base else None
        if y1 is None:
            return None, None
    if "relm" in val:
        if anchor is None:
            return None, None
        y1, m1 = _shift_month(anchor.year, anchor.month, val["relm"])
    month_named = m1 is not None or m2 is not None
    if m1 is None and d1 is not None:
        m1 = m2
    if m1 is None and d1 is not None:  # a bare day: month from the text, or around the anchor
        if direction and anchor:
            found = _nearest_day(anchor, d1, direction)
            if found is None:
                return None
            y1, m1 = found.year, found.month
        elif ctx.month:
            y1, m1 = y1 or ctx.month[0], ctx.month[1]
        elif anchor:
            y1, m1 = anchor.year, anchor.month
        else:
            return None, None
    start_borrowed, end_borrowed = y1 is None and y2 is not None, y2 is None
    y1, y2 = y1 or y2, y2 or y1
    if y1 is None and m1 is not None:
        y1 = y2 = _guess_year(m1, d1, ctx, direction, planned)
    if m2 is None and d2 is not None:
        m2 = m1
    if d2 is None and m2 is None:
        m2, d2 = m1, d1
    try:
        start = (y1 or LEAP_YEAR, m1 or 1, d1 or 1)
        end = (y2 or LEAP_YEAR, m2 or 12, d2 or calendar.monthrange(y2 or LEAP_YEAR, m2 or 12)[1])
        if end < start and (start_borrowed or end_borrowed) and y1 is not None:
            y1, y2 = (y1 - 1, y2) if start_borrowed else (y1, y2 + 1)
            end = (y2, *end[1:])
        date(*start), date(*end)
    except ValueError:
        return None
    if y1 is not None and date(*end) < date(y1, *start[1:]):
        return None
    if month_named and y2 is not None:
        ctx.month = (y2, m2)
    elif month_named:
        ctx.month = (None, m2)
    return _iso(y1, m1, d1), _iso(y2, m2, d2)


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Rough sentence bounds for callers without a sentence stage: breaks not followed by lower case or a digit."""
    bounds, start = [], 0
    for m in SENTENCE_END_RE.finditer(text):
        nxt = text[m.end():m.end() + 1]
        if nxt and not (nxt.islower() or nxt.isdigit()) or "\n" in m[0]:
            bounds.append((start, m.end()))
            start = m.end()
    return bounds + [(start, len(text))]


def _extend(ref: DateRef, days: int) -> None:
    """Turn a one-day date into a stay of `days` days."""
    if days > 0 and ref.start is not None and len(ref.start) == 10 and ref.start == ref.end:
        ref.end = (date.fromisoformat(ref.start) + timedelta(days=days - 1)).isoformat()


def find_dates(text: str, lang: str, anchor: date | None, anchor_year: int | None = None,
               sentences: Sequence[tuple[int, int]] | None = None) -> list[DateRef]:
    """Every date expression of a text, resolved against the publication date or, failing it, a known year."""
    gram = grammar(lang)
    if gram is None:
        return []
    bounds = list(sentences) if sentences is not None else _sentence_bounds(text)
    ctx = _Context(anchor, anchor.year if anchor else anchor_year)
    found: list[DateRef] = []
    index = 0
    for m in gram.regex.finditer(text):
        while index < len(bounds) - 1 and m.start() >= bounds[index][1]:
            index += 1
        sent_start, sent_end = bounds[index] if bounds else (0, len(text))
        planned = bool(gram.planned and gram.planned.search(text, sent_start, sent_end))
        prefix = m.lastgroup + "_"
        groups = {k[len(prefix):]: v for k, v in m.groupdict().items() if k.startswith(prefix) and v is not None}
        if set(groups) == {"same"}:  # "the same day": the last single day said before it
            last = next((f for f in reversed(found) if f.start and len(f.start) == 10 and f.end == f.start), None)
            if last is not None:
                found.append(DateRef(last.start, last.start, m[0], Span(m.start(), m.end()), index, planned))
            continue
        if set(groups) == {"dur"}:
            if found and found[-1].sentence == index:
                _extend(found[-1], _value(gram, "dur", groups["dur"]))
            continue
        resolved = _resolve(groups, gram, ctx, planned)
        if resolved is not None:
            found.append(DateRef(*resolved, m[0], Span(m.start(), m.end()), index, planned))
    return found


def infer_year(text: str, url: str | None) -> int | None:
    """The year of an undated article: the one in its URL's date path, else the most frequent year in its text."""
    if url and (m := URL_DATE_RE.search(url)):
        return int(m[1])
    years = Counter(int(y) for y in YEAR_RE.findall(text))
    return max(years, key=lambda y: (years[y], y)) if years else None


def run(doc: Document) -> Document:
    """Fill doc.dates from doc.text, anchored on the publication date or an inferred year."""
    # The page's dateline is often in what cleaning dropped: the raw text is the fallback.
    anchor_year = None if doc.published else (infer_year(doc.text, doc.url) or infer_year(doc.raw, None))
    bounds = [(s.start, s.end) for s in doc.sentences] or None
    doc.dates = find_dates(doc.text, doc.language or "", doc.published, anchor_year, bounds)
    for ref in doc.dates:
        ref.sentence = doc.sentence_of(ref.span.start)
    return doc
