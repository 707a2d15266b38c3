"""Commands for accounts and feed watching (`user`, `watch`)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Optional

import typer
from rich.table import Table
from sqlalchemy.orm import Session

from cityties import queries
from cityties import watch as watching
from cityties.accounts import ROLES, AccountError
from cityties.cli import State, _fail, _store, app, console
from cityties.store import Store, accounts
from cityties.store import watch as follows
from cityties.store.models import User

user_app = typer.Typer(help="Accounts: readers, editors and admins.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@contextmanager
def _writing(store: Store | None = None) -> Iterator[Session]:
    """A write session; an account error ends the command with its message and exit status 2."""
    try:
        with (store or _store()).transaction() as s:
            yield s
    except AccountError as exc:
        _fail(str(exc))


def _on_user(name: str, change: Callable[[Store, Session, User], object]) -> None:
    """Apply change(store, session, user) to the named user."""
    store = _store()
    with _writing(store) as s:
        change(store, s, accounts.get_user(s, name))


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="User name")],
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}")] = "reader",
    password: Annotated[Optional[str], typer.Option(help="Password (asked for when left out)")] = None,
    token: Annotated[bool, typer.Option("--token", help="Also make an API token and print it")] = False,
) -> None:
    """Add a user.  Example: cityties user add lan --role editor"""
    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with _writing() as s:
        user = accounts.add_user(s, name, role, password)
        secret = accounts.issue_token(s, user) if token else None
    console.print(f"added {name} ({role})")
    if secret:
        print(secret)


@user_app.command("list")
def user_list() -> None:
    """List users with their role and number of API tokens.  Example: cityties user list"""
    with _store().session() as s:
        rows = queries.users(s)
    table = Table(title=f"{len(rows)} users")
    for col in ("name", "role", "tokens", "webhook", "since"):
        table.add_column(col)
    for u in rows:
        table.add_row(u["name"], u["role"], str(u["tokens"]), u["webhook_url"] or "", u["created_at"][:10])
    console.print(table)


@user_app.command("token")
def user_token(name: Annotated[str, typer.Argument(help="User name")]) -> None:
    """Make a new API token for a user and print it (it is not shown again).  Example: cityties user token lan"""
    with _writing() as s:
        secret = accounts.issue_token(s, accounts.get_user(s, name))
    print(secret)


@user_app.command("role")
def user_role(name: Annotated[str, typer.Argument(help="User name")],
              role: Annotated[str, typer.Argument(help=f"One of {', '.join(ROLES)}")]) -> None:
    """Change a user's role.  Example: cityties user role lan admin"""
    with _writing() as s:
        accounts.set_role(s, name, role)
    console.print(f"{name} is now {role}")


@user_app.command("follow")
def user_follow(name: Annotated[str, typer.Argument(help="User name")],
                places: Annotated[list[str], typer.Argument(help="Places, in any language")]) -> None:
    """Follow places: `cityties watch` reports their new events.  Example: cityties user follow lan Hue Kyoto"""
    _on_user(name, lambda st, s, u: [follows.follow(st, s, u, p) for p in places])
    console.print(f"{name} follows {', '.join(places)}")


@user_app.command("unfollow")
def user_unfollow(name: Annotated[str, typer.Argument(help="User name")],
                  places: Annotated[list[str], typer.Argument(help="Places, in any language")]) -> None:
    """Stop following places.  Example: cityties user unfollow lan Kyoto"""
    _on_user(name, lambda _st, s, u: [follows.unfollow(s, u, p) for p in places])


@user_app.command("webhook")
def user_webhook(name: Annotated[str, typer.Argument(help="User name")],
                 url: Annotated[Optional[str], typer.Argument(help="URL to POST new events to; leave out to stop")] = None) -> None:
    """Set where new events of a user's places are POSTed as JSON.  Example: cityties user webhook lan https://example.org/hook"""
    _on_user(name, lambda _st, s, u: accounts.set_webhook(s, u, url))


def _print_cycle(polls: list[watching.Poll], notices: list[watching.Notice]) -> None:
    for p in polls:
        console.print(f"{p.url}: {p.status}{' — ' + p.detail if p.detail else ''}")
    for n in notices:
        hook = f" (webhook {n.webhook})" if n.webhook else ""
        console.print(f"[bold]{n.user}[/bold]: {len(n.events)} new event{'s' if len(n.events) != 1 else ''}{hook}")
        for ev in n.events:
            console.print(f"  #{ev['id']} {ev['type']} {ev['start'] or '?'} {ev['location'] or ''} "
                          f"[{', '.join(ev['followed'])}]")


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs")],
    once: Annotated[bool, typer.Option("--once", help="Poll once and stop")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between polls")] = watching.DEFAULT_INTERVAL,
) -> None:
    """Poll feeds, ingest new articles and list new events of followed places.  Example: cityties watch https://example.org/rss --once"""
    try:
        watching.watch(_store(), State.settings, feeds, interval, _print_cycle, cycles=1 if once else None)
    except KeyboardInterrupt:
        console.print("stopped")
