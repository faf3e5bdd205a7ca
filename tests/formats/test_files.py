"""The one guarded way in and out: only regular files are read, within a size and without waiting;
writes go through links, keep what the file was, refuse what it should not replace, and clean up
after an interrupted save."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from journeymapper.errors import JourneyMapError
from journeymapper.formats import files
from journeymapper.formats.files import ReadOnlyFileError, read_limited, write_atomically

needs_posix = pytest.mark.skipif(os.name != "posix", reason="named pipes, devices and owners are POSIX")


def finishes(action, seconds: float = 5.0):
    """What ``action`` returned or raised; fails the test if it is still running after ``seconds``."""
    outcome: list = []

    def run():
        try:
            outcome.append(action())
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    return outcome[0]


def refusal(path: Path) -> str:
    error = finishes(lambda: read_limited(path))
    assert isinstance(error, JourneyMapError), error
    return str(error)


# -- reading ---------------------------------------------------------------------------------


def test_a_regular_file_is_read_whole(tmp_path):
    (tmp_path / "map.json").write_bytes(b"{}")
    assert read_limited(tmp_path / "map.json") == b"{}"


@needs_posix
def test_a_link_to_an_endless_device_is_refused_unread(tmp_path):
    (tmp_path / "z.json").symlink_to("/dev/zero")
    assert (
        refusal(tmp_path / "z.json")
        == f"{tmp_path / 'z.json'}: cannot read: it leads to /dev/zero, a device, not a regular file"
    )


@needs_posix
def test_a_link_that_climbs_to_a_device_is_refused_unread(tmp_path):
    climb = "../" * len(tmp_path.parts) + "dev/zero"
    (tmp_path / "z.json").symlink_to(climb)
    assert "a device, not a regular file" in refusal(tmp_path / "z.json")


@needs_posix
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    assert refusal(tmp_path / "pipe.json").endswith("it is a named pipe, not a regular file")
    (tmp_path / "link.json").symlink_to(tmp_path / "pipe.json")
    assert "a named pipe, not a regular file" in refusal(tmp_path / "link.json")


@needs_posix
def test_a_socket_is_refused(tmp_path):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "s.json"))
        assert refusal(tmp_path / "s.json").endswith("it is a socket, not a regular file")


def test_a_file_over_the_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.json").write_bytes(b" " * 2000)
    assert "files larger than 0 MiB are refused" in refusal(tmp_path / "big.json")


def test_reading_stops_at_the_limit_whatever_the_file_claims(tmp_path, monkeypatch):
    """Files under /proc say they are empty and are not: the read itself is bounded."""
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    (tmp_path / "map.json").write_bytes(b" " * 5000)
    monkeypatch.setattr(files, "_check_readable", lambda *_: None)
    read = []
    real_read = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, count: read.append(count) or real_read(fd, count))
    assert "are refused" in refusal(tmp_path / "map.json")
    assert sum(read) <= 1001


# -- writing ---------------------------------------------------------------------------------


def test_a_write_through_a_symbolic_link_changes_the_file_it_names_and_keeps_the_link(tmp_path):
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    write_atomically(tmp_path / "link.json", b"new")
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_text() == "new"


def test_a_write_through_a_dangling_link_creates_the_file_it_names(tmp_path):
    (tmp_path / "link.json").symlink_to("later.json")
    write_atomically(tmp_path / "link.json", b"new")
    assert (tmp_path / "link.json").is_symlink() and (tmp_path / "later.json").read_text() == "new"


def test_a_file_with_several_hard_links_is_rewritten_for_all_of_its_names(tmp_path):
    (tmp_path / "a.json").write_text("old content, longer than the new")
    os.link(tmp_path / "a.json", tmp_path / "b.json")
    inode = (tmp_path / "a.json").stat().st_ino
    write_atomically(tmp_path / "a.json", b"new")
    assert (tmp_path / "b.json").read_text() == "new"
    assert (tmp_path / "a.json").stat().st_ino == inode
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_a_failed_rewrite_in_place_puts_the_old_content_back(tmp_path, monkeypatch):
    (tmp_path / "a.json").write_text("old")
    os.link(tmp_path / "a.json", tmp_path / "b.json")
    real_overwrite = files._overwrite
    calls = []

    def disk_full_halfway(stream, data):
        calls.append(data)
        if len(calls) == 1:
            stream.seek(0)
            stream.write(data[:4])
            raise OSError(28, "No space left on device")
        real_overwrite(stream, data)

    monkeypatch.setattr(files, "_overwrite", disk_full_halfway)
    with pytest.raises(JourneyMapError, match=r"a.json: cannot save: No space left on device"):
        write_atomically(tmp_path / "a.json", b"a much longer new content", action="save")
    assert (tmp_path / "b.json").read_text() == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_a_read_only_file_is_refused_and_left_as_it_is(tmp_path):
    target = tmp_path / "map.json"
    target.write_text("precious")
    target.chmod(0o444)
    with pytest.raises(ReadOnlyFileError, match=r"map.json: cannot save: the file is read-only"):
        write_atomically(target, b"new", action="save")
    assert target.read_text() == "precious"
    assert [path.name for path in tmp_path.iterdir()] == ["map.json"]


@needs_posix
def test_a_named_pipe_is_never_replaced(tmp_path):
    os.mkfifo(tmp_path / "out.json")
    error = finishes(lambda: write_atomically(tmp_path / "out.json", b"new"))
    assert str(error) == f"{tmp_path / 'out.json'}: cannot write: it is a named pipe, not a regular file"
    assert not (tmp_path / "out.json").is_file()


def test_a_folder_is_never_replaced(tmp_path):
    (tmp_path / "out.json").mkdir()
    with pytest.raises(JourneyMapError, match=r"it is a folder, not a regular file"):
        write_atomically(tmp_path / "out.json", b"new")


def test_a_new_file_gets_the_usual_mode_and_a_replacement_keeps_the_old_one(tmp_path):
    umask = os.umask(0o027)
    try:
        write_atomically(tmp_path / "new.json", b"x")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640
    (tmp_path / "new.json").chmod(0o604)
    write_atomically(tmp_path / "new.json", b"y")
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o604


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root may give a file away")
def test_a_replacement_keeps_the_owner(tmp_path):
    target = tmp_path / "map.json"
    target.write_text("old")
    os.chown(target, 4321, 4321)
    write_atomically(target, b"new")
    assert (target.stat().st_uid, target.stat().st_gid) == (4321, 4321)


def test_an_export_folder_is_made_when_asked(tmp_path):
    write_atomically(tmp_path / "new" / "deeper" / "out.pdf", b"%PDF", make_folder=True)
    assert (tmp_path / "new" / "deeper" / "out.pdf").read_bytes() == b"%PDF"


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="tells a folder's descriptor by /proc")
def test_the_file_and_then_its_folder_are_flushed_to_disk(tmp_path, monkeypatch):
    flushed = []
    real_fsync = os.fsync
    monkeypatch.setattr(
        files.os, "fsync", lambda fd: flushed.append(os.path.isdir(f"/proc/self/fd/{fd}")) or real_fsync(fd)
    )
    write_atomically(tmp_path / "map.json", b"x")
    assert flushed == [False, True]


@needs_posix
def test_temporary_files_left_by_a_killed_save_are_removed_by_the_next_save(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    left = [tmp_path / f".map.json.{dead}-0123abcd.tmp", tmp_path / f".map.json.{dead}-89abcdef.tmp"]
    live = tmp_path / f".map.json.{os.getpid()}-00000000.tmp"  # perhaps a save in progress
    other = tmp_path / f".other.json.{dead}-0123abcd.tmp"  # another file's
    for path in (*left, live, other):
        path.write_text("partial")
    write_atomically(tmp_path / "map.json", b"new")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["map.json", live.name, other.name])
