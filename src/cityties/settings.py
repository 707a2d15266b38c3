"""One settings object: every option has a default here and nowhere else."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "sqlite:///cityties.db"

# Eval output keeps events whose confidence clears this. Chosen on the dev set: below 0.5 only
# single weak-trigger mentions remain ("cooperation" alone), which were nearly all false alarms.
EVENT_CONFIDENCE_THRESHOLD = 0.5


def _default_db() -> str:
    return os.environ.get("CITYTIES_DB") or DEFAULT_DB


@dataclass
class Settings:
    """Options of a cityties run (database, batch size, workers, thresholds)."""

    db_url: str = field(default_factory=_default_db)
    batch_size: int = 200  # articles written per transaction
    workers: int = 1  # processes running the pipeline; 1 keeps it in-process
    event_threshold: float = EVENT_CONFIDENCE_THRESHOLD
    user_agent: str = "cityties/0.1"
    http_timeout: float = 20.0

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")
