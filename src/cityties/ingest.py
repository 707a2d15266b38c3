"""Read inputs, run the pipeline over each article (in worker processes if asked) and store in batches."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import httpx

from cityties import pipeline, sources
from cityties.document import Document
from cityties.settings import Settings
from cityties.sources import Failure
from cityties.store import Outcome, Store

# Articles handed to a worker process at a time: large enough to amortize pickling, small
# enough that a progress bar moves (measured on the sample articles, ~5 ms each).
WORKER_CHUNK = 16


@dataclass
class Report:
    """What an ingestion did, input by input."""

    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def process(item: Document | Failure) -> Document | Failure:
    """Run the pipeline over one read document; a failing stage turns it into a Failure."""
    if isinstance(item, Failure):
        return item
    try:
        return pipeline.run(item)
    except pipeline.StageError as exc:
        return Failure(item.source, str(exc))


def processed(items: Iterable[Document | Failure], workers: int) -> Iterator[Document | Failure]:
    """The pipeline mapped over items, in order, in-process or over a pool of worker processes."""
    if workers <= 1:
        yield from map(process, items)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(process, items, chunksize=WORKER_CHUNK)


def ingest(inputs: list[str], store: Store, settings: Settings,
           on_item: Callable[[Outcome], None] | None = None) -> Report:
    """Ingest every input into the store; returns the outcome of each."""
    report = Report()
    batch: list[Document | Failure] = []

    def flush() -> None:
        for outcome in store.add_batch(batch):
            report.outcomes.append(outcome)
            if on_item:
                on_item(outcome)
        batch.clear()

    with httpx.Client(headers={"User-Agent": settings.user_agent}, timeout=settings.http_timeout,
                      follow_redirects=True) as http:
        for item in processed(sources.read(inputs, http), settings.workers):
            batch.append(item)
            if len(batch) >= settings.batch_size:
                flush()
        flush()
    return report
