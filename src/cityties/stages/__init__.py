"""Pipeline stages: each module exposes `run(doc: Document) -> Document`."""
