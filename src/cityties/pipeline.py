"""Run the extraction stages over one document, in order.

Stages (each a module in cityties.stages with `run(doc) -> doc`):
 1. clean          drop scraped boilerplate, keep title and body        -> doc.text, doc.title
 2. language       detect the body's language                            -> doc.language
 3. sentences      split into sentences with offsets                     -> doc.sentences
 4. dates          dates and ranges resolved against the publication     -> doc.dates
 5. countries      country names                                         -> doc.countries
 6. places         cities and regions linked to the gazetteer            -> doc.places
 7. organizations  international bodies and city networks                -> doc.organizations
 8. people         people with normalized roles and whose role it is     -> doc.people
 9. themes         cooperation fields                                    -> doc.themes
10. counts         stated numbers of cities, countries, delegates...     -> doc.counts
11. triggers       phrases that signal an event type                     -> doc.triggers
12. events         event mentions with slots and provenance             -> doc.mentions

Stages never touch the database, so the pipeline can run in worker processes.
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from cityties.document import Document

STAGE_NAMES = ("clean", "language", "sentences", "dates", "countries", "places", "organizations",
               "people", "themes", "counts", "triggers", "events")


class StageError(RuntimeError):
    """A stage failed or broke its contract; the message names the stage."""


def stages() -> list[tuple[str, Callable[[Document], Document]]]:
    """The stage functions, in order."""
    return [(name, import_module(f"cityties.stages.{name}").run) for name in STAGE_NAMES]


def run(doc: Document) -> Document:
    """Run every stage over the document (steps numbered in the module docstring)."""
    for name, stage in stages():
        try:
            result = stage(doc)
        except Exception as exc:  # noqa: BLE001 - reported with the stage's name
            raise StageError(f"stage {name!r} failed: {exc}") from exc
        if not isinstance(result, Document):
            raise StageError(f"stage {name!r} returned {type(result).__name__}, not a Document")
        doc = result
        if name == "clean" and not doc.text.strip():
            raise StageError("no article text left after cleaning")
    return doc
