"""The progress bar every command shows on a terminal's stderr while the model works through articles."""
from __future__ import annotations

import sys


class ProgressBar:
    """A rich progress bar on stderr, shown once the model has work to do; gone when it is done."""

    def __init__(self) -> None:
        self.progress = None
        self.task = None

    def update(self, done: int, total: int) -> None:
        if self.progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self.progress = Progress("processing", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                     console=Console(file=sys.stderr), transient=True)
            self.progress.start()
            self.task = self.progress.add_task("processing", total=total)
        self.progress.update(self.task, completed=done)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
