"""cityties: city-to-city diplomacy news into a knowledge base."""

__version__ = "0.1.0"
