"""The audit log: one row per change made by a person (who, when, action, event, before, after)."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy.orm import Session

from cityties.store.models import AuditEntry, User

SYSTEM_ACTOR = "command line"  # the actor of changes made at the command line, with no user signed in


def record(session: Session, actor: User | None, action: str, event_id: int | None,
           before: dict | None, after: dict | None) -> AuditEntry:
    """Write one audit row in the caller's transaction."""
    entry = AuditEntry(at=now(), user_id=actor.id if actor else None, actor=actor.name if actor else SYSTEM_ACTOR,
                       action=action, event_id=event_id, before=before, after=after)
    session.add(entry)
    session.flush()
    return entry


def now() -> datetime:
    """The current UTC time, naive, as every timestamp column stores it."""
    return datetime.now(timezone.utc).replace(tzinfo=None)
