"""The web layer: a FastAPI app over the same query functions as the CLI (JSON API and pages)."""
from __future__ import annotations

from fastapi import FastAPI

from cityties.settings import Settings
from cityties.store import Store


def create_app(settings: Settings | None = None) -> FastAPI:
    """The cityties web app for one database: JSON API under /api, pages, curation."""
    from cityties.web import api, curation, pages

    settings = settings or Settings()
    app = FastAPI(title="cityties", description="City-to-city diplomacy knowledge base", version="0.1.0")
    app.state.settings = settings
    app.state.store = Store(settings)
    app.include_router(api.router, prefix="/api")
    app.include_router(curation.router)
    app.include_router(pages.router)
    return app
