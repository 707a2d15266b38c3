"""The `serve` command: the web app on the embedded database."""
from __future__ import annotations

from typing import Annotated

import typer

from cityties.cli import State, app


@app.command()
def serve(host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port")] = 8000) -> None:
    """Serve the web pages and the JSON API.  Example: cityties serve --port 8000"""
    import uvicorn

    from cityties.web import create_app

    uvicorn.run(create_app(State.settings), host=host, port=port)
