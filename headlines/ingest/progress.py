"""A one-line progress bar on a terminal, and silence anywhere else (cron, pipes, tests)."""

import sys
import time

BAR_WIDTH = 30


class ProgressLine:
    """Call with (done, total); redraws at most ten times a second."""

    def __init__(self, stream=None, label=""):
        self.stream = stream or sys.stderr
        self.label = label
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last_draw = 0.0

    def __call__(self, done: int, total: int):
        if not self.enabled or not total:
            return
        now = time.monotonic()
        if done < total and now - self.last_draw < 0.1:
            return
        self.last_draw = now
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        ending = "\n" if done >= total else ""
        self._write(f"\r{self.label}[{bar}] {done}/{total} ({100 * done // total}%){ending}")
        self.stream.flush()

    def _write(self, text: str):
        if hasattr(
            self.stream, "ending"
        ):  # Django's OutputWrapper adds a newline unless told not to
            self.stream.write(text, ending="")
        else:
            self.stream.write(text)
