"""Writing files so that a failure never leaves a half-written one behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path
from typing import IO, Iterator

from annotator.core.errors import ExportError


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


STALE_PART_S = 3600  # a ".part" file older than this belongs to a killed run


def remove_stale_parts(folder: Path, pattern: str, older_than: float = STALE_PART_S) -> int:
    """Delete what killed exports or backups left (`pattern` in `folder`), never a
    recent one: another process may be writing it right now."""
    removed = 0
    try:
        candidates = list(folder.glob(pattern)) if folder.is_dir() else []
    except OSError:
        return 0
    now = time.time()
    for part in candidates:
        with contextlib.suppress(OSError):
            if (part.is_file() and not part.is_symlink()
                    and now - part.stat().st_mtime > older_than):
                part.unlink()
                removed += 1
    return removed


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename it into place.

    The rename is atomic on POSIX and Windows, so readers see either the old
    file or the complete new one. Any error removes the temporary file and is
    raised as an ExportError with one readable line.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a directory")
    if not directory.is_dir():
        raise ExportError(f"cannot write {target}: folder {directory} does not exist")
    remove_stale_parts(directory, f".{glob_escape(target.name)}.*.part")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        if "b" in mode:
            handle = os.fdopen(fd, mode)
        else:
            handle = os.fdopen(fd, mode, encoding=encoding, newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
