"""The one guarded way journeymapper reads and writes files.

Reading (``read_limited``) takes regular files only, after following symbolic links: a map that
arrives by mail may be a link to ``/dev/zero`` or a named pipe, and neither may exhaust memory or
block. The size is checked before reading and the read stops at the limit whatever the file claims.

Writing (``write_atomically``) is what careful editors do:

- it writes through a symbolic link to the file the link names, and leaves the link in place;
- it replaces only regular files (never a device, a pipe or a folder) and refuses a read-only one
  (``ReadOnlyFileError``), even where the permissions would let it through, as they do for root;
- the new content goes to a temporary file beside the target, flushed to disk, that is then renamed
  over it, and the folder is flushed after the rename: an interrupted save leaves the old file or
  the new one, whole. The replacement keeps the old file's mode and, where allowed, its owner;
- a file with several hard links is rewritten in place instead, so that every name of it sees the
  new content; the complete new content waits in the temporary file until that write is on disk;
- temporary files that an interrupted save of the same file left behind (their writer is gone) are
  removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path
from typing import BinaryIO

from journeymapper.errors import JourneyMapError

MAX_FILE_BYTES = 50 * 1024 * 1024
_UTF8_BOM = b"\xef\xbb\xbf"
_MAPS_ARE_UTF8 = "map files must be UTF-8"
_FOREIGN_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
# Opening must not wait for a writer (a named pipe) nor make a terminal ours.
_OPEN_FOR_READING = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
)
_TEMPORARY = r"\.{name}\.(\d+)-[0-9a-f]{{8}}\.tmp"


class ReadOnlyFileError(JourneyMapError):
    """The target of a write is marked read-only: the user may choose another file instead."""


class NotARegularFileError(JourneyMapError):
    """The target of a write is a device, a named pipe, a socket or a folder: never replaced."""


def read_limited(path: Path) -> bytes:
    """The bytes of a regular file of at most ``MAX_FILE_BYTES``; anything else raises."""
    limit = MAX_FILE_BYTES
    try:
        _check_readable(path, os.stat(path), limit)  # before opening: opening a device can act on it
        descriptor = os.open(path, _OPEN_FOR_READING)
    except OSError as error:
        raise JourneyMapError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        _check_readable(path, os.fstat(descriptor), limit)  # what was opened, should the name have changed
        data = _read_at_most(descriptor, limit + 1)
    except OSError as error:
        raise JourneyMapError(f"{path}: cannot read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # it grew, or it said less than it holds (as files under /proc do)
        raise _too_large(path, len(data), limit)
    return data


def _check_readable(path: Path, info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise JourneyMapError(f"{path}: is a folder, not a map file")
    if not stat.S_ISREG(info.st_mode):
        raise JourneyMapError(f"{path}: cannot read: {_not_regular(path, info)}")
    if info.st_size > limit:
        raise _too_large(path, info.st_size, limit)


def _too_large(path: Path, size: int, limit: int) -> JourneyMapError:
    return JourneyMapError(
        f"{path}: file is {size / 1e6:.0f} MB or more; files larger than {limit // 2**20} MiB are refused"
    )


def _read_at_most(descriptor: int, count: int) -> bytes:
    chunks, left = [], count
    while left > 0 and (chunk := os.read(descriptor, min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _not_regular(path: Path, info: os.stat_result) -> str:
    """Why a path is no file to read or replace, naming where a symbolic link leads."""
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    kind = next((name for test, name in kinds if test(info.st_mode)), "not a file")
    real = os.path.realpath(path)
    where = f"it leads to {real}, {kind}" if real != os.path.abspath(path) else f"it is {kind}"
    return f"{where}, not a regular file"


def decode_utf8(data: bytes, source: str, requirement: str = "") -> str:
    """The text of a file that must be UTF-8 (a byte-order mark is allowed); errors say where.
    ``requirement`` ends every message about the encoding ("tables must be UTF-8: ...")."""
    return utf8_content(data, source, requirement).decode("utf-8")


def utf8_content(data: bytes, source: str, requirement: str = "") -> bytes:
    """The bytes of a file that must be UTF-8, checked and without a byte-order mark; errors say where."""
    if not data.strip():
        raise JourneyMapError(f"{source}: file is empty")
    for bom, encoding in _FOREIGN_BOMS.items():
        if data.startswith(bom):
            raise JourneyMapError(f"{source}: file is encoded as {encoding}; {requirement or _MAPS_ARE_UTF8}")
    if len(data) >= 2 and (data[0] == 0 or data[1] == 0):
        raise JourneyMapError(f"{source}: file looks like UTF-16 or UTF-32; {requirement or _MAPS_ARE_UTF8}")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError as error:
        line, column = _line_column(data, error.start)
        where = f"{source}: line {line}, column {column}"
        advice = f"; {requirement}" if requirement else ""
        raise JourneyMapError(f"{where}: invalid UTF-8 byte 0x{data[error.start]:02x}{advice}") from None


def _line_column(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def write_atomically(target: Path, data: bytes, action: str = "write", make_folder: bool = False) -> None:
    """Write ``data`` as ``target``; ``action`` names the deed in errors ("cannot save: …").

    ``make_folder`` creates the target's folder first if it does not exist (for exports)."""
    try:
        real = Path(os.path.realpath(target))  # through symbolic links, to the file they name
        if make_folder:
            _make_folder(real.parent)
        existing = _replaceable(target, real, action)
        _remove_left_temporaries(real)
        if existing is not None and existing.st_nlink > 1:
            _rewrite_in_place(real, data, existing)
        else:
            _replace(real, data, existing)
    except OSError as error:
        raise JourneyMapError(f"{target}: cannot {action}: {error.strerror or error}") from None


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file stands where a folder should: say that, not "File exists"
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)) from None


def _replaceable(target: Path, real: Path, action: str) -> os.stat_result | None:
    """The file about to be replaced (None if there is none yet), once it is known it may be."""
    try:
        # The name as given, through its links: /dev/stdout leads to a pipe that has no real path.
        info = os.stat(target)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFileError(f"{target}: cannot {action}: {_not_regular(target, info)}")
    # The write bits, not os.access: root may write anything, but a file marked read-only was
    # marked so on purpose.
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise ReadOnlyFileError(
            f"{target}: cannot {action}: the file is read-only; choose another name, or make it writable first"
        )
    return info


def _temporary_beside(real: Path, mode: int) -> tuple[int, Path]:
    """A new file in the target's folder, named after the target and this process."""
    while True:
        temporary = real.with_name(f".{real.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        try:
            return os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode
            ), temporary
        except FileExistsError:
            continue


def _replace(real: Path, data: bytes, existing: os.stat_result | None) -> None:
    # A new file gets the usual mode (the umask applies to 0o666); a replacement the old one's,
    # set before any byte is written.
    descriptor, temporary = _temporary_beside(real, 0o666 if existing is None else 0o600)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            if existing is not None:
                _keep_owner_and_mode(stream.fileno(), existing)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, real)
        _flush_folder(real.parent)
    finally:
        temporary.unlink(missing_ok=True)  # gone after the rename; left by a failure or an interrupt


def _keep_owner_and_mode(descriptor: int, existing: os.stat_result) -> None:
    if hasattr(os, "fchown") and (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
        for owner, group in ((existing.st_uid, existing.st_gid), (-1, existing.st_gid)):
            with contextlib.suppress(PermissionError):  # only root may give a file away
                os.fchown(descriptor, owner, group)
                break
    os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))


def _rewrite_in_place(real: Path, data: bytes, existing: os.stat_result) -> None:
    """Write over the file itself, keeping the inode its hard links share.

    The new content is first written whole beside it, which both proves there is room and keeps a
    complete copy should the process die during the overwrite. If the overwrite fails, the old
    content goes back in place: it fits in the blocks the file already has."""
    descriptor, temporary = _temporary_beside(real, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    try:
        with open(real, "r+b") as stream:
            old = stream.read(existing.st_size)
            try:
                _overwrite(stream, data)
            except OSError:
                _overwrite(stream, old)
                raise
    finally:
        temporary.unlink(missing_ok=True)


def _overwrite(stream: BinaryIO, data: bytes) -> None:
    stream.seek(0)
    stream.write(data)
    stream.truncate()
    stream.flush()
    os.fsync(stream.fileno())


def _flush_folder(folder: Path) -> None:
    """Make the rename itself durable. Not every system or file system can flush a folder; the
    file's own content is on disk already, so failing here loses nothing that was asked for."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _remove_left_temporaries(real: Path) -> None:
    """Remove the temporary files of earlier writes of this file whose process is gone (killed
    mid-save); a live process's may be a save in progress. Only POSIX can ask after a process
    without touching it."""
    if os.name != "posix":
        return
    pattern = re.compile(_TEMPORARY.format(name=re.escape(real.name)))
    with contextlib.suppress(OSError), os.scandir(real.parent) as entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if match and not _alive(int(match.group(1))) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or a number no process has: leave its file alone
    return True
