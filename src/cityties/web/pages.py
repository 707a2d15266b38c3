"""The server-rendered pages: home, search, event, article, place, pair dossier, network and world map."""
from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, RedirectResponse
from sqlalchemy.orm import Session

from cityties import queries
from cityties.network import NetworkFilter
from cityties.queries import EventFilter
from cityties.timeline import timeline_chart
from cityties.web import i18n, layout
from cityties.web.params import decode_cursor, encode_cursor, event_filter, network_filter, not_found_route, session
from cityties.web.render import place_url, render
from cityties.worldmap import partner_map

router = APIRouter(include_in_schema=False, route_class=not_found_route(
    lambda request, exc: render(request, "not_found.html", 404, error=str(exc))))

DB = Annotated[Session, Depends(session)]
STATIC = Path(__file__).resolve().parent / "static"
STATIC_MAX_AGE = 3600  # seconds browsers may keep the stylesheet and script
LATEST_EVENTS = 10  # events on the home page
STRONGEST_TIES = 10  # ties on the home page
ARTICLE_HITS = 10  # articles beside the events of a search
SEARCH_FILTERS = ("q", "type", "country", "theme", "language", "year", "place")  # shown as removable chips
MAX_PAIR_LINKS = 8  # pair dossiers offered from one event's places
FIELD_ORDER = {f: i for i, f in enumerate(i18n.FIELDS)}  # facts shown in this order: what, when, where, who


@router.get("/")
def home(request: Request, s: DB):
    return render(request, "home.html", stats=queries.stats(s),
                  latest=queries.list_events(s, EventFilter(limit=LATEST_EVENTS)),
                  ties=queries.strongest_ties(s, NetworkFilter(), STRONGEST_TIES))


@router.get("/search")
def search(request: Request, s: DB, flt: Annotated[EventFilter, Depends(event_filter)],
           year: Annotated[str | None, Query()] = None, cursor: str | None = None):
    if year:
        flt.since = flt.until = year
    rows, key = queries.events_page(s, flt, decode_cursor(cursor))
    active = {k: request.query_params[k] for k in SEARCH_FILTERS if request.query_params.get(k)}
    return render(request, "search.html", flt=flt, active=active, events=rows,
                  next_cursor=encode_cursor(key) if key else None, facets=queries.event_facets(s, flt),
                  articles=queries.search_articles(s, flt.text, ARTICLE_HITS) if flt.text else [])


@router.get("/events/{event_id}")
def event(request: Request, event_id: int, s: DB):
    detail = queries.marked_event_detail(s, event_id)
    detail["facts"].sort(key=lambda f: _field_rank(f["field"]))  # stable: in one field, the order of before
    detail["resolved"] = dict(sorted(detail["resolved"].items(), key=lambda item: _field_rank(item[0])))
    return render(request, "event.html", e=detail, sources={a["article_id"]: a for a in detail["sources"]},
                  pairs=_pairs(detail))


def _field_rank(field: str) -> int:
    return FIELD_ORDER.get(field, len(FIELD_ORDER))


def _pairs(detail: dict) -> list[tuple[str, str]]:
    """The pair dossiers an event leads to: its location (or first place) with each other place."""
    places = detail["places"]
    hub = detail["location"] if detail["location"] in places else (places[0] if places else None)
    return [(hub, p) for p in places if p != hub][:MAX_PAIR_LINKS] if hub else []


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, s: DB):
    return render(request, "article.html", a=queries.article_detail(s, article_id))


@router.get("/places/{name}")
def place(request: Request, name: str, s: DB):
    d = queries.place_dossier(s, name)
    return render(request, "place.html", d=d, place=d["places"][0], map=partner_map(d),
                  timeline=timeline_chart(d["events"]))


@router.get("/dossier")
def dossier(request: Request, s: DB, a: str, b: str | None = None):
    if not b:
        return RedirectResponse(place_url(a), status_code=303)
    d = queries.dossier(s, a, b)
    return render(request, "dossier.html", d=d, map=partner_map(d), timeline=timeline_chart(d["events"]))


@router.get("/network")
def network(request: Request, s: DB, flt: Annotated[NetworkFilter, Depends(network_filter)]):
    net = queries.network(s, flt)
    return render(request, "network.html", flt=flt, net=net, graph=layout.circle(net))


@router.get("/map")
def world_map(request: Request, s: DB, flt: Annotated[NetworkFilter, Depends(network_filter)]):
    net = queries.network(s, flt)
    return render(request, "map.html", flt=flt, net=net, map=layout.world(net))


@router.get("/static/{name}")
def static(name: str):
    path = STATIC / name
    if "/" in name or name.startswith(".") or not path.is_file():
        raise HTTPException(404, "no such file")
    return FileResponse(path, media_type=mimetypes.guess_type(name)[0],
                        headers={"Cache-Control": f"public, max-age={STATIC_MAX_AGE}"})
