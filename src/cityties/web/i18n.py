"""The interface's language: which one a request gets, its gettext catalog, and locale-aware formatting.

Catalogs are the .po files under cityties/locale (pybabel extract/update, see locale/README.md);
they are compiled in memory with babel.messages on first use, so a fresh clone needs no build step.
Article text is never translated: only the interface, dates, numbers and country names are.
"""
from __future__ import annotations

import io
from datetime import date
from functools import lru_cache
from gettext import NullTranslations
from pathlib import Path

from babel import Locale
from babel.core import negotiate_locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations
from starlette.requests import Request

LANGUAGES = {"en": "English", "vi": "Tiếng Việt", "ko": "한국어"}  # interface languages, named in themselves
DEFAULT_LANGUAGE = "en"  # the language the templates are written in (no catalog)
LANG_PARAM = LANG_COOKIE = "lang"  # ?lang=vi switches and the cookie remembers
LANG_COOKIE_AGE = 365 * 24 * 3600  # seconds: a reader's choice lasts a year
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "messages"

# Continents as GeoNames codes them (the network's region filter), with the UN M49 code CLDR names them by.
REGIONS = {"AF": "002", "AN": "AQ", "AS": "142", "EU": "150", "NA": "003", "OC": "009", "SA": "005"}


def N_(message: str) -> str:
    """Marks a string for extraction; it is translated where it is shown."""
    return message


EVENT_TYPES = {"forum": N_("forum"), "visit": N_("visit"), "meeting": N_("meeting"),
               "agreement": N_("agreement"), "award": N_("award"), "membership": N_("membership")}
FIELDS = {"type": N_("type"), "name": N_("name"), "start": N_("start"), "end": N_("end"),
          "location": N_("location"), "host": N_("host"), "place": N_("place"), "country": N_("country"),
          "organization": N_("organization"), "person": N_("person"), "theme": N_("field of cooperation"),
          "count:cities": N_("number of cities"), "count:countries": N_("number of countries"),
          "count:organizations": N_("number of organizations"), "count:businesses": N_("number of businesses"),
          "count:delegates": N_("number of delegates")}
THEMES = {"agriculture": N_("agriculture"), "climate": N_("climate"), "culture": N_("culture"),
          "digital": N_("digital"), "economy": N_("economy"), "education": N_("education"),
          "environment": N_("environment"), "health": N_("health"), "inclusion": N_("inclusion"),
          "innovation": N_("innovation"), "people_exchange": N_("people-to-people exchange"),
          "science_technology": N_("science and technology"), "security": N_("security"),
          "smart_city": N_("smart city"), "sustainability": N_("sustainability"), "tourism": N_("tourism"),
          "transport": N_("transport"), "urban_planning": N_("urban planning")}
RULES = {"curated": N_("curated"), "only value": N_("only value"), "majority of sources": N_("majority of sources"),
         "most specific": N_("most specific"), "most recent source": N_("most recent source")}
LABELS = {"type": EVENT_TYPES, "field": FIELDS, "theme": THEMES, "rule": RULES}


def negotiate(request: Request) -> str:
    """The interface language: ?lang=, else the cookie, else the browser's Accept-Language, else English."""
    for choice in (request.query_params.get(LANG_PARAM), request.cookies.get(LANG_COOKIE)):
        if choice in LANGUAGES:
            return choice
    wanted = [part.split(";")[0].strip() for part in request.headers.get("accept-language", "").split(",")]
    found = negotiate_locale([w for w in wanted if w], list(LANGUAGES), sep="-")
    return (found or DEFAULT_LANGUAGE).split("-")[0]


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> NullTranslations:
    """The language's catalog, compiled from its .po file (English and unknown languages: none)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.exists():
        return NullTranslations()
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    mo = io.BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def _day(value: str) -> tuple[int, ...]:
    return tuple(int(p) for p in value.split("-"))


def format_when(value: str | date | None, lang: str) -> str:
    """A YYYY[-MM[-DD]] date (or a date) as the reader's locale writes it; '?' when unknown."""
    if not value:
        return "?"
    if isinstance(value, date):
        return format_date(value, "medium", locale=lang)
    try:
        parts = _day(value)
        if len(parts) == 3:
            return format_date(date(*parts), "medium", locale=lang)
        if len(parts) == 2:
            return format_skeleton("yMMM", date(parts[0], parts[1], 1), locale=lang)
    except ValueError:
        pass
    return value


def format_span(start: str | None, end: str | None, lang: str) -> str:
    """An event's dates: one date, or a range (days of one range share their month and year where the locale does)."""
    if not end or end == start:
        return format_when(start, lang)
    try:
        a, b = _day(start or ""), _day(end)
        if len(a) == len(b) == 3:
            return format_interval(date(*a), date(*b), "yMMMd", locale=lang)
    except ValueError:
        pass
    return f"{format_when(start, lang)} – {format_when(end, lang)}"


def format_number(value: float | None, lang: str) -> str:
    return "" if value is None else format_decimal(value, locale=lang)


def format_share(value: float | None, lang: str) -> str:
    """A confidence (0..1) as a percentage."""
    return "" if value is None else format_percent(value, locale=lang)


def country_name(code: str | None, lang: str) -> str:
    """An ISO country code as the reader's language names the country."""
    return Locale.parse(lang).territories.get(code, code) if code else ""


def language_name(code: str | None, lang: str) -> str:
    """A language code as the reader's language names it."""
    return Locale.parse(lang).languages.get(code, code) if code else ""


def region_name(code: str, lang: str) -> str:
    """A continent code (AS, EU...) as the reader's language names the continent."""
    return Locale.parse(lang).territories.get(REGIONS.get(code, ""), code)


def label(kind: str, key: str | None, lang: str) -> str:
    """The translated name of a type, field, theme or rule key (the key itself when unknown)."""
    if key is None:
        return ""
    english = LABELS[kind].get(key)
    return translations(lang).gettext(english) if english else key
