"""The command line: `app` and its commands, one module per subject."""
from . import actors, index, network, quantities, quotes, search, timeline, trends  # noqa: F401  (registers commands)
from .app import app, main

__all__ = ["app", "main"]
