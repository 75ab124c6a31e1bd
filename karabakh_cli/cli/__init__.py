"""The command line: `app` and its commands, one module per subject."""
from . import actors, index, quantities, quotes, timeline  # noqa: F401  (registers commands)
from .app import app, main

__all__ = ["app", "main"]
