"""Pages from Jinja2 templates, one environment per interface language (its catalog and locale formats)."""
from __future__ import annotations

from functools import lru_cache, partial
from itertools import groupby
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader

from cityties.timeline import color as type_color
from cityties.web import i18n, markup
from cityties.web.params import with_params

TEMPLATES = Path(__file__).resolve().parent / "templates"
SHARED_TEMPLATES = "templates"  # cityties/templates: the dossier report's SVG map and timeline


def place_url(name: str) -> str:
    return "/places/" + quote(name, safe="")


def pair_url(a: str, b: str) -> str:
    return "/dossier?" + urlencode({"a": a, "b": b})


def by_year(events: list[dict]) -> list[tuple[str | None, list[dict]]]:
    """Events (already in date order) grouped by the year they start in; undated under None."""
    return [(year, list(group)) for year, group in groupby(events, key=lambda e: (e["start"] or "")[:4] or None)]


@lru_cache(maxsize=len(i18n.LANGUAGES))
def environment(lang: str) -> Environment:
    """The templates as one interface language shows them: gettext, and dates and numbers in its locale."""
    env = Environment(loader=ChoiceLoader([FileSystemLoader(TEMPLATES), PackageLoader("cityties", SHARED_TEMPLATES)]),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)
    env.globals.update(lang=lang, languages=i18n.LANGUAGES, regions=i18n.REGIONS, event_types=i18n.EVENT_TYPES,
                       place_url=place_url, pair_url=pair_url, span=partial(i18n.format_span, lang=lang))
    env.filters.update(
        when=partial(i18n.format_when, lang=lang), number=partial(i18n.format_number, lang=lang),
        share=partial(i18n.format_share, lang=lang), country=partial(i18n.country_name, lang=lang),
        language=partial(i18n.language_name, lang=lang), region=partial(i18n.region_name, lang=lang),
        label=lambda key, kind: i18n.label(kind, key, lang), marked=markup.marked, snippet=markup.snippet,
        by_year=by_year, type_color=type_color, evidence=partial(_evidence, lang=lang))
    return env


def _evidence(article: dict, lang: str):
    """An article's text with its evidence sentences marked, each titled with the fields it supports."""
    return markup.evidence(article["text"], article["evidence"],
                           lambda span: ", ".join(i18n.label("field", f, lang) for f in span["fields"]))


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    """A page in the request's interface language; ?lang= also sets the cookie that remembers it."""
    lang = i18n.negotiate(request)
    html = environment(lang).get_template(template).render(
        request=request, here=partial(with_params, request), **context)
    response = HTMLResponse(html, status_code=status_code)
    if request.query_params.get(i18n.LANG_PARAM) == lang:
        response.set_cookie(i18n.LANG_COOKIE, lang, max_age=i18n.LANG_COOKIE_AGE, samesite="lax")
    return response
