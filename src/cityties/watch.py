"""Watch RSS/Atom feeds: poll with conditional GET, back off on errors, ingest what is new through
the normal pipeline and store, and tell the followers of each place what happened there.

One poll of a feed, step by step:
1. skip the feed while it is backing off after errors;
2. GET it with If-None-Match / If-Modified-Since from the last good response;
3. 304: nothing changed; an error: count it and back off; 200: keep the new validators;
4. run every entry through the pipeline and store it (articles already stored stay unchanged);
5. list, per user, the events of followed places the new articles report, and POST them to webhooks.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx
from sqlalchemy import select

from cityties import queries
from cityties.ingest import Report, processed
from cityties.settings import Settings
from cityties.sources import web
from cityties.store import Store
from cityties.store import watch as feeds
from cityties.store.audit import now
from cityties.store.models import Follow, User

# After n failed polls in a row a feed rests BACKOFF_BASE * 2**(n-1), at most BACKOFF_MAX: a feed
# down for a minute is retried soon, one gone for a day is asked a few times a day, not every cycle.
BACKOFF_BASE = timedelta(minutes=5)
BACKOFF_MAX = timedelta(hours=6)
MAX_DOUBLINGS = 16  # past the cap anyway; keeps a feed failing for months from overflowing timedelta
# Seconds between polls when watching in a loop: news sites publish a few times an hour at most.
DEFAULT_INTERVAL = 900
# A webhook that does not answer within this many seconds is reported as failed; the watch goes on.
WEBHOOK_TIMEOUT = 10.0


@dataclass
class Poll:
    """What one poll of one feed did."""

    url: str
    status: str  # new | not modified | backing off | failed
    detail: str = ""
    report: Report = field(default_factory=Report)

    @property
    def stored(self) -> list[str]:
        """Ids of the articles this poll stored for the first time."""
        return [o.article_id for o in self.report.outcomes if o.status == "stored" and o.article_id]


@dataclass
class Notice:
    """New events of one user's followed places, and how their webhook took them."""

    user: str
    events: list[dict]
    webhook: str | None = None  # "sent", "failed: ..." or None without a webhook


def backoff(failures: int) -> timedelta:
    """How long a feed rests after this many failed polls in a row."""
    doublings = min(failures - 1, MAX_DOUBLINGS)
    return min(BACKOFF_BASE * 2 ** doublings, BACKOFF_MAX)


def poll_feed(store: Store, settings: Settings, url: str, http: httpx.Client, at: datetime | None = None) -> Poll:
    """One poll of one feed (steps 1-4)."""
    at = at or now()
    with store.transaction() as s:
        state = feeds.feed(s, url)
        if state.next_poll_at and state.next_poll_at > at:  # 1
            return Poll(url, "backing off", f"until {state.next_poll_at.isoformat(timespec='seconds')}")
        failures = state.failures
        validators = {"If-None-Match": state.etag, "If-Modified-Since": state.last_modified}  # 2
    try:
        response = http.get(url, headers={k: v for k, v in validators.items() if v})
    except httpx.HTTPError as exc:
        return _failed(store, url, failures, at, f"{type(exc).__name__} {exc}".strip())
    if response.status_code == 304:  # 3
        with store.transaction() as s:
            feeds.record_poll(s, url, "304", 0, None)
        return Poll(url, "not modified")
    if response.status_code >= 400:
        return _failed(store, url, failures, at, f"HTTP {response.status_code}")
    report = Report(store.add_batch(list(processed(web.read_feed(response.content, url, http), settings.workers))))  # 4
    broken = next((o for o in report.failures if o.source == url), None)  # not a feed at all
    if broken is not None:
        return _failed(store, url, failures, at, broken.detail)
    with store.transaction() as s:
        feeds.record_poll(s, url, str(response.status_code), 0, None,
                          response.headers.get("etag"), response.headers.get("last-modified"))
    return Poll(url, "new", f"stored {report.count('stored')}, unchanged {report.count('unchanged')}, "
                            f"failed {report.count('failed')}", report)


def _failed(store: Store, url: str, failures: int, at: datetime, reason: str) -> Poll:
    """Count a failed poll and set when the feed may be asked again."""
    failures += 1
    until = at + backoff(failures)
    with store.transaction() as s:
        feeds.record_poll(s, url, f"failed: {reason}", failures, until)
    return Poll(url, "failed", f"{reason}; next try after {until.isoformat(timespec='seconds')}")


def notify(store: Store, articles: list[str], http: httpx.Client, allow_private: bool = False) -> list[Notice]:
    """Step 5: per following user, the events the articles report in their places; POSTed to their webhook."""
    if not articles:
        return []
    with store.session() as s:
        followers = s.scalars(select(User).where(User.id.in_(select(Follow.user_id))))
        found = [(u.name, u.webhook_url, queries.new_events(s, u.id, articles)) for u in followers]
    return [Notice(name, events, _post(http, url, name, events, allow_private) if url else None)
            for name, url, events in found if events]


def public_address(url: str) -> bool:
    """Whether every address the URL's host resolves to is a public one: a webhook must not make
    the watcher reach into the machine's own network (loopback, private, link-local ranges)."""
    try:
        infos = socket.getaddrinfo(httpx.URL(url).host, None)
    except (socket.gaierror, UnicodeError, httpx.InvalidURL):
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0].split("%")[0]).is_global for info in infos)


def _post(http: httpx.Client, url: str, user: str, events: list[dict], allow_private: bool) -> str:
    if not allow_private and not public_address(url):
        return "refused: the webhook's host is not a public address"
    try:
        http.post(url, json={"user": user, "events": events}, timeout=WEBHOOK_TIMEOUT).raise_for_status()
    except httpx.HTTPError as exc:
        return f"failed: {type(exc).__name__} {exc}".strip()
    return "sent"


def poll(store: Store, settings: Settings, urls: list[str], http: httpx.Client | None = None
         ) -> tuple[list[Poll], list[Notice]]:
    """One poll of every feed, then the notices for what they brought."""
    client = http or web.client()
    try:
        polls = [poll_feed(store, settings, url, client) for url in urls]
        return polls, notify(store, [a for p in polls for a in p.stored], client, settings.allow_private_webhooks)
    finally:
        if http is None:
            client.close()


def watch(store: Store, settings: Settings, urls: list[str], interval: float = DEFAULT_INTERVAL,
          on_cycle: Callable[[list[Poll], list[Notice]], None] = lambda _p, _n: None,
          cycles: int | None = None) -> None:
    """Poll the feeds every interval seconds (cycles times, or until interrupted)."""
    done = 0
    while cycles is None or done < cycles:
        on_cycle(*poll(store, settings, urls))
        done += 1
        if cycles is None or done < cycles:
            time.sleep(interval)
