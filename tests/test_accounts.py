"""Accounts: hashed passwords, API tokens, roles over the API, the login form and the `user` commands."""
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from cityties.accounts import AccountError, allows, token_digest
from cityties.cli import app
from cityties.store import accounts
from cityties.store.models import ApiToken, AuditEntry, User
from cityties.web import create_app
from cityties.web.auth import SESSION_COOKIE

PASSWORD = "correct horse battery staple"


def make_user(store, name: str, role: str, token: bool = True) -> str | None:
    """Add a user with PASSWORD; returns an API token of theirs when asked."""
    with store.transaction() as s:
        user = accounts.add_user(s, name, role, PASSWORD)
        return accounts.issue_token(s, user) if token else None


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def client(settings, store) -> TestClient:
    """The web app in process on the test database (created by the store fixture first), sending
    the Origin header a browser sends from the site's own pages."""
    return TestClient(create_app(settings), follow_redirects=False, headers={"Origin": "http://testserver"})


def test_password_and_token_are_stored_only_hashed(settings, store):
    token = make_user(store, "lan", "editor")
    with store.session() as s:
        user = s.scalar(select(User).where(User.name == "lan"))
        digests = s.scalars(select(ApiToken.digest)).all()
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    assert digests == [token_digest(token)] and token.startswith("ct_")
    db = Path(settings.db_url.removeprefix("sqlite:///"))
    for path in (db, db.with_name(db.name + "-wal")):  # the file and its write-ahead log
        data = path.read_bytes() if path.exists() else b""
        assert PASSWORD.encode() not in data and token.encode() not in data


def test_authentication_and_roles(store):
    make_user(store, "lan", "reader", token=False)
    with store.transaction() as s:
        assert accounts.authenticate(s, "lan", PASSWORD).name == "lan"
        assert accounts.authenticate(s, "lan", "wrong") is None
        assert accounts.authenticate(s, "nobody", PASSWORD) is None
        with pytest.raises(AccountError):
            accounts.add_user(s, "lan", "reader", "x")
        with pytest.raises(AccountError):
            accounts.add_user(s, "minh", "owner", "x")
    assert allows("admin", "editor") and allows("editor", "editor") and not allows("reader", "editor")
    assert not allows(None, "reader")


def test_api_roles_anonymous_reader_editor_admin(client, store):
    tokens = {role: make_user(store, role, role) for role in ("reader", "editor", "admin")}
    body = {"field": "start", "value": "2024-05-13"}
    assert client.patch("/api/events/1", json=body).status_code == 401
    assert client.patch("/api/events/1", json=body, headers=bearer("ct_forged")).status_code == 401
    assert client.patch("/api/events/1", json=body, headers=bearer(tokens["reader"])).status_code == 403
    assert client.patch("/api/events/1", json=body, headers=bearer(tokens["editor"])).status_code == 404  # no event 1 yet
    assert client.get("/api/users", headers=bearer(tokens["editor"])).status_code == 403
    added = client.post("/api/users", json={"name": "minh", "password": "pw", "role": "editor"},
                        headers=bearer(tokens["admin"]))
    assert added.status_code == 201
    names = [u["name"] for u in client.get("/api/users", headers=bearer(tokens["admin"])).json()]
    assert names == ["admin", "editor", "minh", "reader"]
    assert client.get("/api/me", headers=bearer(tokens["reader"])).json()["role"] == "reader"
    assert client.post("/api/users/editor/tokens", headers=bearer(tokens["reader"])).status_code == 403
    own = client.post("/api/users/reader/tokens", headers=bearer(tokens["reader"])).json()["token"]
    assert client.get("/api/me", headers=bearer(own)).json()["name"] == "reader"
    with store.session() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.actor == "admin")).all()
    assert actions == ["user.add"]


def test_login_form_session_cookie_and_logout(client, store):
    make_user(store, "lan", "editor", token=False)
    assert client.get("/audit").headers["location"] == "/login?next=/audit"
    assert "Log in" in client.get("/login").text
    wrong = client.post("/login", data={"name": "lan", "password": "nope", "next": "/audit"})
    assert wrong.status_code == 401 and "Wrong name or password" in wrong.text
    ok = client.post("/login", data={"name": "lan", "password": PASSWORD, "next": "/audit"})
    assert ok.status_code == 303 and ok.headers["location"] == "/audit"
    assert "httponly" in ok.headers["set-cookie"].lower() and "samesite=lax" in ok.headers["set-cookie"].lower()
    assert client.get("/api/me").json()["name"] == "lan"
    assert client.get("/audit").status_code == 200
    client.cookies.set(SESSION_COOKIE, client.cookies[SESSION_COOKIE][:-2] + "xx")  # tampered
    assert client.get("/api/me").status_code == 401
    client.post("/login", data={"name": "lan", "password": PASSWORD})
    client.post("/logout")
    assert client.get("/api/me").status_code == 401


def test_login_never_redirects_off_site(client, store):
    make_user(store, "lan", "reader", token=False)
    ok = client.post("/login", data={"name": "lan", "password": PASSWORD, "next": "//evil.example/"})
    assert ok.headers["location"] == "/"


def test_user_commands(runner, settings, store):
    db = ["--db", settings.db_url]
    added = runner.invoke(app, [*db, "user", "add", "lan", "--role", "editor", "--password", PASSWORD, "--token"])
    assert added.exit_code == 0, added.output
    token = added.output.strip().splitlines()[-1]
    assert token.startswith("ct_") and PASSWORD not in added.output
    prompted = runner.invoke(app, [*db, "user", "add", "minh"], input="pw1\npw1\n")
    assert prompted.exit_code == 0 and "added minh (reader)" in prompted.output and "ct_" not in prompted.output
    listed = runner.invoke(app, [*db, "user", "list"]).output
    assert "lan" in listed and "editor" in listed and "minh" in listed
    second = runner.invoke(app, [*db, "user", "token", "minh"]).output.strip()
    with store.session() as s:
        assert accounts.user_for_token(s, second).name == "minh"
        assert accounts.user_for_token(s, token).name == "lan"
    assert runner.invoke(app, [*db, "user", "role", "minh", "admin"]).exit_code == 0
    failed = runner.invoke(app, [*db, "user", "add", "lan", "--password", "x"])
    assert failed.exit_code == 2 and "already" in failed.output
    assert runner.invoke(app, [*db, "user", "token", "nobody"]).exit_code == 2


def test_a_change_from_another_site_is_refused(client, store):
    make_user(store, "lan", "editor")
    client.post("/login", data={"name": "lan", "password": PASSWORD})
    forged = client.post("/events/new", data={"type": "visit", "start": "2025-09-08", "places": "Hue"},
                         headers={"Origin": "https://evil.example"})
    assert forged.status_code == 403
    unsigned = client.post("/events/new", data={"type": "visit", "places": "Hue"}, headers={"Origin": ""})
    assert unsigned.status_code == 403
