"""Typed objects that travel through the pipeline: an article, its annotations, its event mentions."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

EVENT_TYPES = ("forum", "visit", "meeting", "agreement", "award", "membership")
COUNT_KEYS = ("cities", "countries", "organizations", "businesses", "delegates")


def normalize_text(text: str) -> str:
    """NFC, unified newlines and collapsed blank space: the form an article's id is computed on."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Span:
    """A character span [start, end) in the article's clean text."""

    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass
class PlaceRef:
    """A place found in the text and linked to a gazetteer entry."""

    geonameid: int
    name: str  # canonical English name
    country: str  # ISO 3166-1 alpha-2
    kind: str  # "city" | "region"
    surface: str
    span: Span
    sentence: int
    confidence: float = 1.0


@dataclass
class CountryRef:
    code: str
    surface: str
    span: Span
    sentence: int


@dataclass
class OrgRef:
    name: str  # short canonical name (ASEAN, OECD, Metropolis)
    surface: str
    span: Span
    sentence: int


@dataclass
class PersonRef:
    name: str
    role: str | None
    of: str | None  # canonical place or organization name the role belongs to
    surface: str
    span: Span
    sentence: int
    confidence: float = 0.8


@dataclass
class DateRef:
    """A date or date range found in the text; start/end are ISO strings, possibly partial (YYYY or YYYY-MM)."""

    start: str | None
    end: str | None
    surface: str
    span: Span
    sentence: int
    planned: bool = False


@dataclass
class ThemeRef:
    theme: str
    surface: str
    span: Span
    sentence: int


@dataclass
class CountRef:
    key: str
    value: int
    surface: str
    span: Span
    sentence: int


@dataclass
class TriggerRef:
    """A phrase that signals an event of a type."""

    type: str
    surface: str
    span: Span
    sentence: int
    weight: float = 1.0
    name: str | None = None  # proper name of the gathering when the trigger is part of one


@dataclass
class SlotValue:
    """One value of one slot of an event mention, with the sentence that supports it."""

    value: object
    sentence: int
    confidence: float = 1.0
    span: Span | None = None  # the words that say it, when the text names it


@dataclass
class Mention:
    """What one article says about one event."""

    type: str
    sentence: int  # the anchor sentence (trigger)
    confidence: float
    name: str | None = None
    start: str | None = None
    end: str | None = None
    planned: bool = False
    location: SlotValue | None = None  # value: PlaceRef
    hosts: list[SlotValue] = field(default_factory=list)  # value: PlaceRef
    places: list[SlotValue] = field(default_factory=list)  # value: PlaceRef
    countries: list[SlotValue] = field(default_factory=list)  # value: str code
    organizations: list[SlotValue] = field(default_factory=list)  # value: str
    people: list[SlotValue] = field(default_factory=list)  # value: PersonRef
    themes: list[SlotValue] = field(default_factory=list)  # value: str
    counts: dict[str, SlotValue] = field(default_factory=dict)  # value: int
    date_sentence: int | None = None
    date_span: Span | None = None  # the words of the date, when the text gives one
    trigger_span: Span | None = None  # the words that say what happened ("signed an MOU")
    seeds: list[int] = field(default_factory=list)  # sentences whose triggers report this event
    from_tie: bool = False  # made from a dated standing relation ("sister cities since 1992")
    during: int | None = None  # index in doc.mentions of the visit or forum this happened within


@dataclass
class Document:
    """One article as it moves through the pipeline; stages fill in the annotation lists."""

    raw: str
    source: str = ""
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    text: str = ""  # clean text; every span refers to it
    sentences: list[Sentence] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    countries: list[CountryRef] = field(default_factory=list)
    organizations: list[OrgRef] = field(default_factory=list)
    people: list[PersonRef] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    themes: list[ThemeRef] = field(default_factory=list)
    counts: list[CountRef] = field(default_factory=list)
    triggers: list[TriggerRef] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def id(self) -> str:
        return article_id(self.raw)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing a character offset of the clean text (-1 if none)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1
