"""The JSON API under /api: events, places, dossiers, the network, search, stats and exports (OpenAPI at /docs)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlalchemy.orm import Session

from cityties import exports, queries
from cityties.network import NetworkFilter
from cityties.queries import EventFilter
from cityties.web.params import (decode_cursor, encode_cursor, event_filter, network_filter, not_found_route,
                                 session, with_params)

router = APIRouter(route_class=not_found_route(lambda request, exc: JSONResponse({"detail": str(exc)}, 404)))

DB = Annotated[Session, Depends(session)]
Events = Annotated[EventFilter, Depends(event_filter)]
Network = Annotated[NetworkFilter, Depends(network_filter)]
Cursor = Annotated[str | None, Query(description="opaque: the `cursor` of the previous page")]
Format = Literal["graphml", "gexf", "json", "csv", "jsonl", "parquet"]
What = Annotated[Literal["network", "events"] | None, Query(description="default: events for jsonl, parquet")]
Part = Annotated[Literal["nodes", "edges"] | None, Query(description="network as csv: this table alone")]

MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "json": "application/json",
               "csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
               "parquet": "application/vnd.apache.parquet"}
ARTICLES_PER_SEARCH = 20  # article hits beside the events of a search


def _page(request: Request, s: Session, flt: EventFilter, cursor: str | None) -> dict:
    """A page of events with the cursor and the link of the next page (None on the last)."""
    rows, key = queries.events_page(s, flt, decode_cursor(cursor))
    after = encode_cursor(key) if key else None
    return {"events": rows, "cursor": after, "next": with_params(request, cursor=after) if after else None}


@router.get("/events")
def events(request: Request, s: DB, flt: Events, cursor: Cursor = None) -> dict:
    """Events matching the filters, newest first then by id, a page at a time: follow `next` until it is null."""
    return _page(request, s, flt, cursor)


@router.get("/events/{event_id}")
def event(event_id: int, s: DB) -> dict:
    """One event: every fact with its supporting sentence and the words that say it (`marks`: offsets in the
    sentence), the resolved value of each field with the rule and the conflicting values, linked events, sources."""
    return queries.marked_event_detail(s, event_id)


@router.get("/articles/{article_id}")
def article(article_id: str, s: DB) -> dict:
    """One stored article: its text, the spans of the sentences that gave facts, and its events."""
    return queries.article_detail(s, article_id)


@router.get("/places/{name}")
def place(name: str, s: DB) -> dict:
    """A place (named in any language), its events newest first and its partners by shared events."""
    return queries.place_detail(s, name)


@router.get("/places/{name}/partners")
def partners(name: str, s: DB) -> dict:
    """A place's partners, strongest tie first, with the tie's weight, types, fields, first and last contact."""
    d = queries.place_dossier(s, name)
    return {"place": d["places"][0], "partners": d["partners"]}


@router.get("/places/{name}/timeline")
def timeline(name: str, s: DB) -> dict:
    """A place's events oldest first, grouped by year (undated last)."""
    return queries.place_timeline(s, name)


@router.get("/dossier")
def dossier(s: DB, a: Annotated[str, Query(description="a place")],
            b: Annotated[str | None, Query(description="another place; without it, a's own dossier")] = None) -> dict:
    """Everything two places did together (or one place did), oldest first, with people, agreements and fields."""
    return queries.dossier(s, a, b) if b else queries.place_dossier(s, a)


@router.get("/network")
def network(s: DB, flt: Network) -> dict:
    """The city network of the matching events: places as nodes, ties weighted by what they did together."""
    return queries.network(s, flt)


@router.get("/search")
def search(request: Request, s: DB, flt: Events, cursor: Cursor = None) -> dict:
    """Full-text search (`q`) with the event filters: a page of events, facet counts and matching articles."""
    if not flt.text:
        raise HTTPException(422, "give the words to search for in q")
    return _page(request, s, flt, cursor) | {
        "query": flt.text, "facets": queries.event_facets(s, flt),
        "articles": queries.search_articles(s, flt.text, ARTICLES_PER_SEARCH)}


@router.get("/stats")
def stats(s: DB) -> dict:
    """What the database holds, and the inputs that failed with the reason."""
    return queries.stats(s) | {"failures": queries.failures(s)}


@router.get("/export")
def export(s: DB, flt: Network, background: BackgroundTasks, format: Format = "graphml", what: What = None,
           part: Part = None) -> Response:
    """The network or the events table as a file (the same writers as `cityties export`)."""
    what = what or exports.default_what(format)
    if problem := exports.problem(what, format, Path("-")):
        raise HTTPException(422, problem)
    data = queries.network(s, flt) if what == "network" else queries.events_table(s, flt)
    name = f"cityties-{what}{'-' + part if part else ''}.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if format == "parquet":
        fd, name_on_disk = tempfile.mkstemp(suffix=".parquet")
        os.close(fd)
        path = Path(name_on_disk)
        exports.save(what, format, data, path)
        background.add_task(path.unlink, missing_ok=True)
        return FileResponse(path, media_type=MEDIA_TYPES[format], headers=headers)
    if part and what == "network" and format == "csv":
        return Response(exports.network_tables(data)[part], media_type=MEDIA_TYPES[format], headers=headers)
    return Response(exports.render(what, format, data), media_type=MEDIA_TYPES[format], headers=headers)
