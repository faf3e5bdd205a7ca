"""The files journeymapper reads and writes: read with a size limit, decoded as UTF-8 with the
place of a bad byte, and written atomically.

Writing goes to a temporary file beside the target that is then renamed over it: an interrupted
write leaves the old file intact, and a reader never sees half a file. A file that already
exists keeps its permissions.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from journeymapper.errors import JourneyMapError

MAX_FILE_BYTES = 50 * 1024 * 1024
_UTF8_BOM = b"\xef\xbb\xbf"
_FOREIGN_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def read_limited(path: Path) -> bytes:
    """The bytes of a map file; a folder, a file over ``MAX_FILE_BYTES`` or a read error raises."""
    try:
        if path.is_dir():
            raise JourneyMapError(f"{path}: is a folder, not a map file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise JourneyMapError(
                f"{path}: file is {size / 1e6:.0f} MB; maps larger than {MAX_FILE_BYTES // 2**20} MiB are refused"
            )
        return path.read_bytes()
    except OSError as error:
        raise JourneyMapError(f"{path}: cannot read: {error.strerror or error}") from None


def decode_utf8(data: bytes, source: str) -> str:
    """The text of a file that must be UTF-8 (a byte-order mark is allowed); errors say where."""
    if not data.strip():
        raise JourneyMapError(f"{source}: file is empty")
    for bom, encoding in _FOREIGN_BOMS.items():
        if data.startswith(bom):
            raise JourneyMapError(f"{source}: file is encoded as {encoding}; map files must be UTF-8")
    if len(data) >= 2 and (data[0] == 0 or data[1] == 0):
        raise JourneyMapError(f"{source}: file looks like UTF-16 or UTF-32; map files must be UTF-8")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(data, error.start)
        raise JourneyMapError(f"{source}: line {line}, column {column}: invalid UTF-8 byte 0x{data[error.start]:02x}") from None


def _line_column(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def write_atomically(target: Path, data: bytes, action: str = "write") -> None:
    """Write ``data`` as ``target``; ``action`` names the deed in the error ("cannot save: …")."""
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise JourneyMapError(f"{target}: cannot {action}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        raise JourneyMapError(f"{target}: cannot {action}: {error.strerror or error}") from None
    finally:
        Path(temporary).unlink(missing_ok=True)  # gone after the rename; left by a failure or an interrupt


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
