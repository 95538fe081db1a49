"""Local feed files that only ever hold whole lines: a write that fails (disk full, file too
large) cuts the file back to its last whole line and stops the process with a clear error
(exit status ``EXIT_OUTPUT_ERROR``).
"""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy.extensions.feedexport import FileFeedStorage

if TYPE_CHECKING:
    from scrapy import Spider

logger = logging.getLogger(__name__)


EXIT_OUTPUT_ERROR = 74
"""Exit status when the output cannot be written (EX_IOERR): the crawl stops at once."""


class GuardedFile(io.RawIOBase):
    """An unbuffered output file that only ever holds whole writes (whole lines for JSON Lines).

    Each ``write`` (the JSON Lines exporter hands over one whole line at a time) goes to disk
    completely, or not at all: on any error (disk full, file too large) the file is cut back to
    the end of the last whole write, a clear error is logged, and the process exits with
    ``EXIT_OUTPUT_ERROR``, exactly like a crash (the seen-store has not recorded the item, so
    the same command resumes the crawl). Text exporters (CSV, XML) get it wrapped in a
    TextIOWrapper by Scrapy, as any binary file.
    """

    def __init__(self, path: str, mode: str):
        super().__init__()
        self.path = path
        self.raw = open(path, mode, buffering=0)  # noqa: SIM115 - closed by store()
        self.good = self.raw.seek(0, os.SEEK_END)

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        try:
            while view:
                written = self.raw.write(view)
                if not written:
                    raise OSError(f"no byte written to {self.path}")
                view = view[written:]
        except OSError as error:
            self.fail(error)
        size = memoryview(data).nbytes
        self.good += size
        return size

    def fail(self, error: OSError) -> None:
        with contextlib.suppress(OSError):
            os.ftruncate(self.raw.fileno(), self.good)
        message = (f"cannot write the output {self.path}: {error}. Stopping now; the file ends "
                   f"with its last whole line. Free space, then run the same command again "
                   f"(same JOBDIR/STATE_DIR, -o to append) to resume.")
        logger.critical(message)
        for handler in logging.getLogger().handlers:
            handler.flush()
        sys.stderr.write(f"arabstoday-crawler: {message}\n")
        sys.stderr.flush()
        os._exit(EXIT_OUTPUT_ERROR)

    def tell(self) -> int:
        return self.good

    def close(self) -> None:
        if not self.raw.closed:
            self.raw.close()
        super().close()


def cut_torn_tail(path: str) -> int:
    """Remove an unfinished last line (no newline) left by a crash; the bytes removed."""
    with open(path, "rb+") as file:
        size = file.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        file.seek(size - 1)
        if file.read(1) == b"\n":
            return 0
        position = size
        while position > 0:
            step = min(65536, position)
            file.seek(position - step)
            chunk = file.read(step)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                keep = position - step + cut + 1
                break
            position -= step
        else:
            keep = 0
        file.truncate(keep)
        return size - keep


class SafeFileFeedStorage(FileFeedStorage):
    """Local feed files that only ever hold whole lines (writes go through GuardedFile)."""

    def check_writable(self) -> None:
        """Raise OSError unless the feed file can be created or appended to: its folder made,
        writable, and the path itself a regular file if it exists (a FIFO would block the
        crawl on open, a folder cannot be written)."""
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and not path.is_file():
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        target = path if path.exists() else path.parent
        if not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, "not writable", str(target))

    def open(self, spider: Spider) -> IO[bytes]:
        self.check_writable()
        return GuardedFile(str(self.path), self.write_mode)  # type: ignore[return-value]
