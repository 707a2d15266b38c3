"""The database: schema, migrations and the Store that owns every write."""
from cityties.store.store import Outcome, Store

__all__ = ["Outcome", "Store"]
