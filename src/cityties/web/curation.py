"""Curation, accounts and watching over the web: JSON routes under /api and the edit, new-event, audit
and watch pages. Reading is open; editors curate, admins manage users (cityties.web.auth)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel

from cityties import queries
from cityties.conflicts import COUNT_PREFIX
from cityties.document import EVENT_TYPES
from cityties.stages.themes import THEMES
from cityties.store import accounts, watch
from cityties.store.curated_facts import FIELDS, SET_FIELDS
from cityties.store.models import User
from cityties.web import auth
from cityties.web.auth import render, require, require_page

router = APIRouter()
router.include_router(auth.router)
Editor = Annotated[User, Depends(require("editor"))]
Admin = Annotated[User, Depends(require("admin"))]
Reader = Annotated[User, Depends(require("reader"))]  # any signed-in user
AUDIT_PAGE = 200  # audit rows on the audit page and in one API answer at most


class Correction(BaseModel):
    field: str
    value: str | None = None  # a one-valued field's value ("" drops the correction)
    add: list[str] = []  # values added to a many-valued field
    remove: list[str] = []  # values removed from it (they stay out when articles come again)


class Merge(BaseModel):
    other: int  # the event merged into this one


class Split(BaseModel):
    mention: int


class Reject(BaseModel):
    reason: str | None = None


class NewEvent(BaseModel):
    type: str
    start: str | None = None
    end: str | None = None
    name: str | None = None
    location: str | None = None
    places: list[str] = []
    hosts: list[str] = []
    countries: list[str] = []
    people: list[str] = []  # "Name (role, of)"
    organizations: list[str] = []
    themes: list[str] = []
    note: str | None = None


class NewUser(BaseModel):
    name: str
    password: str
    role: str = "reader"


class Role(BaseModel):
    role: str


class FollowPlace(BaseModel):
    place: str


class Webhook(BaseModel):
    url: str | None = None


@contextmanager
def _answers() -> Iterator[None]:
    """Library errors as HTTP answers: what does not exist is 404, a request that cannot be met 400."""
    try:
        yield
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from exc
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc


def _curate(request: Request, user: User, action: str, event_id: int | None = None, **params) -> dict:
    with _answers():
        return request.app.state.store.apply_curation(user, action, event_id, **params)


def _read(request: Request, query, *args):
    with request.app.state.store.session() as s, _answers():
        return query(s, *args)


def _write(request: Request, fn, *args):
    with request.app.state.store.transaction() as s, _answers():
        return fn(s, *args)


# --- JSON API ------------------------------------------------------------------------------------

@router.post("/api/events", status_code=201, tags=["curation"])
def add_event(request: Request, body: NewEvent, user: Editor) -> dict:
    """Record an event by hand (a city office's own delegation)."""
    return _curate(request, user, "add", **body.model_dump(exclude_none=True))


@router.patch("/api/events/{event_id}", tags=["curation"])
def correct_event(request: Request, event_id: int, body: Correction, user: Editor) -> dict:
    """Correct one field of an event; the curated value wins over what the articles say, now and later."""
    return _curate(request, user, "correct", event_id, **body.model_dump())


@router.post("/api/events/{event_id}/merge", tags=["curation"])
def merge_events(request: Request, event_id: int, body: Merge, user: Editor) -> dict:
    """Merge another event into this one: its mentions and facts move here and it redirects here."""
    return _curate(request, user, "merge", event_id, other=body.other)


@router.post("/api/events/{event_id}/split", tags=["curation"])
def split_event(request: Request, event_id: int, body: Split, user: Editor) -> dict:
    """Split one mention off into a new event."""
    return _curate(request, user, "split", event_id, mention=body.mention)


@router.post("/api/events/{event_id}/reject", tags=["curation"])
def reject_event(request: Request, event_id: int, body: Reject, user: Editor) -> dict:
    """Reject a false event: kept in the database, hidden from listings."""
    return _curate(request, user, "reject", event_id, reason=body.reason)


@router.post("/api/events/{event_id}/restore", tags=["curation"])
def restore_event(request: Request, event_id: int, user: Editor) -> dict:
    """Undo a rejection."""
    return _curate(request, user, "restore", event_id)


@router.get("/api/events/{event_id}/mentions", tags=["curation"])
def event_mentions(request: Request, event_id: int) -> list[dict]:
    """The mentions of an event with their article and sentence (what a split takes)."""
    return _read(request, queries.event_mentions, event_id)


@router.get("/api/events/{event_id}/state", tags=["curation"])
def event_state(request: Request, event_id: int) -> dict:
    """An event's curated status: active, rejected, or merged (with the event it redirects to)."""
    return _read(request, queries.event_state, event_id)


@router.get("/api/audit", tags=["curation"])
def audit(request: Request, user: Editor, event: int | None = None, limit: int = AUDIT_PAGE) -> list[dict]:
    """Changes made by people, newest first; of one event with ?event=ID."""
    return _read(request, queries.audit_log, event, min(limit, AUDIT_PAGE))


@router.get("/api/me", tags=["accounts"])
def me(user: Reader) -> dict:
    return {"name": user.name, "role": user.role, "webhook_url": user.webhook_url}


@router.put("/api/me/webhook", tags=["accounts"])
def set_webhook(request: Request, body: Webhook, user: Reader) -> dict:
    """Where new events of your followed places are POSTed as JSON (null: nowhere)."""
    return {"webhook_url": _write(request, accounts.set_webhook, user, body.url).webhook_url}


@router.get("/api/users", tags=["accounts"])
def list_users(request: Request, user: Admin) -> list[dict]:
    return _read(request, queries.users)


@router.post("/api/users", status_code=201, tags=["accounts"])
def add_user(request: Request, body: NewUser, user: Admin) -> dict:
    new = _write(request, accounts.add_user, body.name, body.role, body.password, user)
    return {"name": new.name, "role": new.role}


@router.patch("/api/users/{name}", tags=["accounts"])
def set_role(request: Request, name: str, body: Role, user: Admin) -> dict:
    changed = _write(request, accounts.set_role, name, body.role, user)
    return {"name": changed.name, "role": changed.role}


@router.post("/api/users/{name}/tokens", status_code=201, tags=["accounts"])
def new_token(request: Request, name: str, user: Reader) -> dict:
    """A new API token (shown once): your own, or anyone's for an admin."""
    if name != user.name:
        require("admin")(user)
    return {"token": _write(request, lambda s: accounts.issue_token(s, accounts.get_user(s, name), user))}


@router.get("/api/follows", tags=["watch"])
def follows(request: Request, user: Reader) -> list[dict]:
    return _read(request, queries.follows_of, user.id)


@router.post("/api/follows", status_code=201, tags=["watch"])
def follow(request: Request, body: FollowPlace, user: Reader) -> list[dict]:
    """Follow a place (any language); its events reported from now on show under /api/watch/new."""
    _write(request, lambda s: watch.follow(request.app.state.store, s, user, body.place))
    return _read(request, queries.follows_of, user.id)


@router.delete("/api/follows/{place}", tags=["watch"])
def unfollow(request: Request, place: str, user: Reader) -> list[dict]:
    _write(request, watch.unfollow, user, place)
    return _read(request, queries.follows_of, user.id)


@router.get("/api/watch/new", tags=["watch"])
def new_events(request: Request, user: Reader) -> list[dict]:
    """Events of your followed places reported since you last marked them seen."""
    return _read(request, queries.new_events, user.id)


@router.post("/api/watch/seen", status_code=204, tags=["watch"])
def mark_seen(request: Request, user: Reader) -> None:
    """Mark every event reported so far as seen: /api/watch/new starts empty again."""
    _write(request, watch.mark_seen, user)


# --- pages ---------------------------------------------------------------------------------------

def _items(text: str | None, commas: bool = True) -> list[str]:
    """Values typed one per line (or comma-separated where a value holds no comma)."""
    parts = (text or "").replace(",", "\n").splitlines() if commas else (text or "").splitlines()
    return [p.strip() for p in parts if p.strip()]


def _edit_page(request: Request, user: User, event_id: int, error: str | None = None) -> HTMLResponse:
    with request.app.state.store.session() as s, _answers():
        event = queries.event_detail(s, event_id)
        context = {"event": event, "state": queries.event_state(s, event_id),
                   "mentions": queries.event_mentions(s, event_id), "audit": queries.audit_log(s, event_id)}
    many: dict[str, dict[str, str]] = {name: {} for name in SET_FIELDS}  # field: value: label, once per value
    for f in event["facts"]:
        if f["field"] in many:
            many[f["field"]].setdefault(f["value"], f["label"])
    return render(request, "curation_edit.html", 400 if error else 200, user=user, error=error, types=EVENT_TYPES,
                  single=[n for n in FIELDS if n not in SET_FIELDS and n != "type"]
                  + [n for n in event["resolved"] if n.startswith(COUNT_PREFIX)], many=many, **context)


@router.get("/events/new", response_class=HTMLResponse, include_in_schema=False)
def new_event_page(request: Request, user: Annotated[User, Depends(require_page("editor"))]):
    return render(request, "curation_new.html", user=user, types=EVENT_TYPES, themes=THEMES, form={})


@router.post("/events/new", include_in_schema=False)
async def new_event_submit(request: Request, user: Annotated[User, Depends(require_page("editor"))]):
    form = await request.form()
    values = {"start": form.get("start"), "end": form.get("end"), "name": form.get("name"),
              "location": form.get("location"), "places": _items(form.get("places")),
              "countries": _items(form.get("countries")), "people": _items(form.get("people"), commas=False),
              "organizations": _items(form.get("organizations"), commas=False), "themes": form.getlist("themes")}
    try:
        done = request.app.state.store.apply_curation(user, "add", None, type=form.get("type", ""),
                                                      note=form.get("note") or None,
                                                      **{k: v for k, v in values.items() if v})
    except ValueError as exc:
        return render(request, "curation_new.html", 400, user=user, types=EVENT_TYPES, themes=THEMES,
                      form=dict(form), error=str(exc))
    return RedirectResponse(f"/events/{done['event_id']}/edit", status_code=303)


@router.get("/events/{event_id}/edit", response_class=HTMLResponse, include_in_schema=False)
def edit_page(request: Request, event_id: int, user: Annotated[User, Depends(require_page("editor"))]):
    state = _read(request, queries.event_state, event_id)
    if state["merged_into"]:
        return RedirectResponse(f"/events/{state['merged_into']}/edit", status_code=303)
    return _edit_page(request, user, event_id)


@router.post("/events/{event_id}/edit", include_in_schema=False)
async def edit_submit(request: Request, event_id: int, user: Annotated[User, Depends(require_page("editor"))]):
    """One form per action on the edit page; each comes back here and returns to the page."""
    form = await request.form()
    action = form.get("action", "")
    params = {"correct": lambda: {"field": form.get("field", ""), "value": form.get("value") or None,
                                  "add": _items(form.get("add"), commas=False), "remove": form.getlist("remove")},
              "merge": lambda: {"other": int(form.get("other") or 0)},
              "split": lambda: {"mention": int(form.get("mention") or 0)},
              "reject": lambda: {"reason": form.get("reason") or None},
              "restore": dict}
    if action not in params:
        return _edit_page(request, user, event_id, f"unknown action {action!r}")
    try:
        request.app.state.store.apply_curation(user, action, event_id, **params[action]())
    except ValueError as exc:
        return _edit_page(request, user, event_id, str(exc))
    return RedirectResponse(f"/events/{event_id}/edit", status_code=303)


@router.get("/audit", response_class=HTMLResponse, include_in_schema=False)
def audit_page(request: Request, user: Annotated[User, Depends(require_page("editor"))], event: int | None = None):
    rows = _read(request, queries.audit_log, event, AUDIT_PAGE)
    return render(request, "audit.html", user=user, rows=rows, event=event)


@router.get("/watch", response_class=HTMLResponse, include_in_schema=False)
def watch_page(request: Request, user: Annotated[User, Depends(require_page("reader"))], error: str | None = None):
    with request.app.state.store.session() as s:
        context = {"follows": queries.follows_of(s, user.id), "events": queries.new_events(s, user.id)}
    return render(request, "watch.html", 400 if error else 200, user=user, error=error, **context)


@router.post("/watch", include_in_schema=False)
async def watch_submit(request: Request, user: Annotated[User, Depends(require_page("reader"))]):
    """Follow or unfollow a place, mark events seen, or set the webhook."""
    form = await request.form()
    store, action = request.app.state.store, form.get("action")
    act = {"follow": lambda s: watch.follow(store, s, user, form.get("place", "")),
           "unfollow": lambda s: watch.unfollow(s, user, form.get("place", "")),
           "seen": lambda s: watch.mark_seen(s, user),
           "webhook": lambda s: accounts.set_webhook(s, user, form.get("url") or None)}.get(action)
    try:
        if act is None:
            raise ValueError(f"unknown action {action!r}")
        with store.transaction() as s:
            act(s)
    except ValueError as exc:
        return watch_page(request, user, str(exc))
    return RedirectResponse("/watch", status_code=303)
