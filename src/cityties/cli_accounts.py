"""Commands for accounts and feed watching (`user`, `watch`)."""
from __future__ import annotations

import typer

from cityties.cli import app

user_app = typer.Typer(help="Accounts: readers, editors and admins.", no_args_is_help=True)
app.add_typer(user_app, name="user")
