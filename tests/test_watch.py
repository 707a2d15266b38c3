"""Watching: follow places, poll a feed on a local server with conditional GET, back off on errors, webhooks."""
import json
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from cityties import watch
from cityties.cli import app
from cityties.store import watch as follows
from cityties.store.accounts import get_user, set_webhook
from cityties.store.models import Article, Feed
from conftest import ARTICLES
from test_accounts import bearer, client, make_user  # noqa: F401 - client is a fixture

ETAG = '"v1"'
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>City news</title><link>{base}</link><description>News</description>
<item><title>Da Nang and Fukuoka</title><link>{base}/danang-fukuoka</link><pubDate>Wed, 15 May 2024 09:00:00 GMT</pubDate></item>
</channel></rss>"""


@pytest.fixture(scope="session")
def httpserver_listen_address():
    return ("127.0.0.1", None)


@pytest.fixture
def feed(httpserver) -> str:
    """A feed that answers 304 to a request carrying its ETag; its one article is served as text."""
    base = httpserver.url_for("").rstrip("/")

    def answer(request):
        if request.headers.get("If-None-Match") == ETAG:
            return Response(status=304)
        return Response(RSS.format(base=base), content_type="application/rss+xml", headers={"ETag": ETAG})

    httpserver.expect_request("/feed").respond_with_handler(answer)
    httpserver.expect_request("/danang-fukuoka").respond_with_data(
        (ARTICLES / "en_danang_fukuoka.txt").read_bytes(), content_type="text/plain; charset=utf-8")
    return f"{base}/feed"


@pytest.fixture
def follower(store):
    """A reader following Da Nang (named in Vietnamese), with an API token."""
    token = make_user(store, "lan", "reader")
    with store.transaction() as s:
        follows.follow(store, s, get_user(s, "lan"), "Đà Nẵng")
    return token


def articles(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Article))


def requests_to(httpserver, path: str) -> list:
    return [req for req, _resp in httpserver.log if req.path == path]


def test_poll_ingests_then_conditional_get_finds_nothing_new(store, settings, feed, follower, httpserver):
    polls, notices = watch.poll(store, settings, [feed])
    assert polls[0].status == "new" and articles(store) == 1
    [notice] = notices
    assert notice.user == "lan" and notice.webhook is None
    assert [(e["type"], e["start"], e["followed"]) for e in notice.events] == [("agreement", "2024-05-14", ["Da Nang"])]
    with store.session() as s:
        assert s.scalar(select(Feed.etag).where(Feed.url == feed)) == ETAG
    polls, notices = watch.poll(store, settings, [feed])
    assert polls[0].status == "not modified" and notices == [] and articles(store) == 1
    assert requests_to(httpserver, "/feed")[-1].headers["If-None-Match"] == ETAG
    assert len(requests_to(httpserver, "/danang-fukuoka")) == 1


def test_backoff_on_server_error(store, settings, httpserver):
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    url = httpserver.url_for("/broken")
    with httpx.Client() as http:
        first = watch.poll_feed(store, settings, url, http)
        assert first.status == "failed" and "HTTP 500" in first.detail
        assert watch.poll_feed(store, settings, url, http).status == "backing off"
        assert len(requests_to(httpserver, "/broken")) == 1  # the resting feed was not asked
        with store.session() as s:
            state = s.scalar(select(Feed).where(Feed.url == url))
        assert state.failures == 1 and state.next_poll_at - state.polled_at <= watch.BACKOFF_BASE
        later = state.next_poll_at + timedelta(seconds=1)
        assert watch.poll_feed(store, settings, url, http, at=later).status == "failed"
    with store.session() as s:
        assert s.scalar(select(Feed.failures).where(Feed.url == url)) == 2
    assert watch.backoff(2) == 2 * watch.BACKOFF_BASE and watch.backoff(100) == watch.BACKOFF_MAX


def test_webhook_to_a_local_address_is_refused_by_default(store, settings, feed, follower, httpserver):
    with store.transaction() as s:
        set_webhook(s, get_user(s, "lan"), httpserver.url_for("/hook"))
    _polls, [notice] = watch.poll(store, settings, [feed])
    assert notice.webhook.startswith("refused") and requests_to(httpserver, "/hook") == []


def test_webhook_gets_the_new_events(store, settings, feed, follower, httpserver):
    settings.allow_private_webhooks = True  # the test's receiver listens on 127.0.0.1
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    with store.transaction() as s:
        set_webhook(s, get_user(s, "lan"), httpserver.url_for("/hook"))
    _polls, [notice] = watch.poll(store, settings, [feed])
    assert notice.webhook == "sent"
    [hook] = requests_to(httpserver, "/hook")
    body = json.loads(hook.get_data())
    assert body["user"] == "lan" and [e["start"] for e in body["events"]] == ["2024-05-14"]


def test_watch_command_once(runner, settings, store, feed, follower):
    db = ["--db", settings.db_url]
    result = runner.invoke(app, [*db, "watch", feed, "--once"])
    assert result.exit_code == 0, result.output
    assert "new — stored 1" in result.output and "lan: 1 new event" in result.output
    again = runner.invoke(app, [*db, "watch", feed, "--once"]).output
    assert "not modified" in again and "new event" not in again


def test_follow_commands_and_webhook_command(runner, settings, store):
    db = ["--db", settings.db_url]
    make_user(store, "lan", "reader", token=False)
    assert runner.invoke(app, [*db, "user", "follow", "lan", "Huế", "Kyoto"]).exit_code == 0
    assert runner.invoke(app, [*db, "user", "unfollow", "lan", "Kyoto"]).exit_code == 0
    assert runner.invoke(app, [*db, "user", "follow", "lan", "Atlantis-under-the-sea"]).exit_code == 2
    assert runner.invoke(app, [*db, "user", "webhook", "lan", "ftp://example.org"]).exit_code == 2
    assert runner.invoke(app, [*db, "user", "webhook", "lan", "https://example.org/hook"]).exit_code == 0
    assert "https://example.org/hook" in runner.invoke(app, [*db, "user", "list"]).output


def test_new_events_api_and_watch_page(client, store, settings, feed, follower):  # noqa: F811 - the fixture
    assert client.get("/api/watch/new").status_code == 401
    assert client.get("/api/watch/new", headers=bearer(follower)).json() == []
    watch.poll(store, settings, [feed])
    [new] = client.get("/api/watch/new", headers=bearer(follower)).json()
    assert new["followed"] == ["Da Nang"]
    assert client.post("/api/watch/seen", headers=bearer(follower)).status_code == 204
    assert client.get("/api/watch/new", headers=bearer(follower)).json() == []
    added = client.post("/api/follows", json={"place": "Fukuoka"}, headers=bearer(follower))
    assert [p["name"] for p in added.json()] == ["Da Nang", "Fukuoka"]
    assert client.post("/api/follows", json={"place": "Nowhere-at-all"}, headers=bearer(follower)).status_code == 400
    kept = client.delete("/api/follows/Fukuoka", headers=bearer(follower)).json()
    assert [p["name"] for p in kept] == ["Da Nang"]
    hook = client.put("/api/me/webhook", json={"url": "https://example.org/hook"}, headers=bearer(follower))
    assert hook.json() == {"webhook_url": "https://example.org/hook"}
    assert client.get("/watch").status_code == 303
    client.post("/login", data={"name": "lan", "password": "correct horse battery staple"})
    page = client.get("/watch")
    assert page.status_code == 200 and "Da Nang" in page.text and "Nothing new" in page.text
    assert client.post("/watch", data={"action": "follow", "place": "Kyoto"}).status_code == 303
    assert "Kyoto" in client.get("/watch").text


def test_only_public_addresses_count_as_public():
    for url in ("http://127.0.0.1:8000/h", "http://localhost/h", "http://10.1.2.3/h", "http://192.168.0.5/h",
                "http://169.254.169.254/latest", "http://[::1]/h", "http://no-such-host.invalid/h"):
        assert not watch.public_address(url), url
    assert watch.public_address("https://8.8.8.8/hook")  # an address literal needs no look-up
