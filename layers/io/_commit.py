"""The commit of one build's files into a folder: a generation per build, one atomic switch.

The files users open keep their paths (``OUT/SLUG.html``, ``OUT/SLUG.gpkg``, ...), but each
is a relative symbolic link into one folder, ``OUT/SLUG.html ->
.claimmap/SLUG/current/SLUG.html``, and ``current`` holds the files of one build (its
*generation*). A build writes its files into a new folder beside ``current``, flushes
every file and folder to disk (fsync), then exchanges the two folders' names in one
system call (Linux ``renameat2(RENAME_EXCHANGE)``): the one step that makes the new set
visible. Every name resolves through ``current``, so at any instant, whatever stops the
build (an error, kill -9, a power cut), all of an article's files are those of the old
build or all are those of the new one; a file new in this build is absent (its link
dangles) until the switch, and one the new build no longer makes goes with it.

Layout (only ``.claimmap/`` and the links are claimmap's; nothing else in OUT is touched)::

    OUT/SLUG.places.geojson -> .claimmap/SLUG/current/SLUG.places.geojson
    OUT/.claimmap/README                 says what the folder is (and marks it as claimmap's)
    OUT/.claimmap/SLUG/current/          the files of the current build, and its marker

Files that a build of an older claimmap left as plain files (or a copy of the folder that
followed the links) are first gathered into a generation by hard links (the same bytes
under both names), which becomes ``current`` in one exchange, and their names are turned
into links one atomic rename at a time, each showing the same bytes before and after: so
they too are replaced as one set. Leftovers of a build that was killed (a generation that
is not ``current``, a half-made link) carry claimmap's marker or link target and are
removed by the next build into the folder; anything else is left alone.

Where the exchange is not available (not Linux, or a filesystem without it), ``current``
is renamed aside and the new folder renamed in its place: two renames, between which the
files are absent; a build killed there is rolled back by the next one. Where there are no
symbolic links at all (FAT, some network filesystems, Windows without the privilege), the
files are moved into place one :func:`os.replace` at a time, each flushed to disk first:
durable, but not one step for the set (see the README).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import shutil
import sys
from pathlib import Path

__all__ = ["STORE", "GENERATION_MARKER", "GENERATION_MARKER_TEXT", "commit", "recover",
           "exchange", "link_target", "new_dir_mode", "fsync_file", "fsync_dir"]

log = logging.getLogger(__name__)

#: the folder inside OUT that holds the generations
STORE = ".claimmap"

#: the file inside every folder a build writes (temporary or generation): claimmap's own
GENERATION_MARKER = ".claimmap-build"

#: what the marker says (the same bytes in every build: outputs do not depend on the run)
GENERATION_MARKER_TEXT = "a folder of files written by one claimmap build\n"

_README = "README"
_README_TEXT = (
    "claimmap: the files of each build, one folder per article.\n"
    "The files in the folder above are links into 'current' here, which a build\n"
    "replaces in one step when its files are complete and on disk. Do not edit; to\n"
    "remove an article's files, remove its links above and its folder here.\n"
)

_CURRENT = "current"
_PREVIOUS = ".previous"      # `current` set aside, where there is no exchange

#: errors of a filesystem that has no symbolic links (or no right to make them)
_NO_SYMLINKS = {errno.EPERM, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EACCES}

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
#: renameat2's system call number, where libc has no wrapper (glibc < 2.28)
_SYS_RENAMEAT2 = {"x86_64": 316, "aarch64": 276, "i686": 353, "armv7l": 382}


def new_dir_mode() -> int:
    """The mode mkdir gives a new folder: 0o777 less the process's umask."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o777 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o777 & ~mask


def link_target(key: str, name: str) -> str:
    """What ``OUT/name`` points to: a path relative to OUT, through ``current``."""
    return os.path.join(STORE, key, _CURRENT, name)


def fsync_file(path: Path) -> None:
    """Flush one file's bytes to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (names made, renamed, removed) to disk."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except (PermissionError, IsADirectoryError):  # pragma: no cover - Windows
        return
    try:
        os.fsync(fd)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.EBADF):  # folders not flushable here
            raise
    finally:
        os.close(fd)


def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover
        return None
    fn = getattr(libc, "renameat2", None)
    if fn is not None:
        return fn
    number = _SYS_RENAMEAT2.get(os.uname().machine)  # pragma: no cover - old glibc
    if number is None:  # pragma: no cover
        return None
    return lambda *args: libc.syscall(number, *args)  # pragma: no cover


_RENAMEAT2 = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap the names of two folders in one atomic step; False where the system or the
    filesystem cannot (then nothing was done)."""
    if _RENAMEAT2 is None:  # pragma: no cover - not Linux
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b),
                  ctypes.c_uint(_RENAME_EXCHANGE)) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # pragma: no cover
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def _is_ours(out: Path, key: str, name: str) -> bool:
    path = out / name
    return path.is_symlink() and os.readlink(path) == link_target(key, name)


def _marked(folder: Path) -> bool:
    return (folder.is_dir() and not folder.is_symlink()
            and (folder / GENERATION_MARKER).is_file())


def _open_store(out: Path) -> Path:
    store = out / STORE
    readme = store / _README
    if store.is_symlink() or (store.exists() and not store.is_dir()):
        raise FileExistsError(errno.EEXIST, "not claimmap's folder; move it away", str(store))
    if store.is_dir():
        if not readme.is_file():
            # an empty folder, or one a build stopped in while it wrote the README: ours
            if any(not e.name.startswith(f".{_README}.") for e in store.iterdir()):
                raise FileExistsError(errno.EEXIST, f"not claimmap's folder (it has no "
                                      f"{_README}); move it away", str(store))
            for entry in store.iterdir():
                entry.unlink()
    else:
        store.mkdir()
    if not readme.is_file():
        tmp = store / f".{_README}.{os.urandom(6).hex()}"
        tmp.write_text(_README_TEXT, encoding="ascii")
        fsync_file(tmp)
        os.replace(tmp, readme)
        fsync_dir(store)
        fsync_dir(out)
    return store


def recover(out: Path, key: str) -> None:
    """Undo or remove what a killed build into out left for key: generations that are
    not current, a half-made switch, half-made links. Only claimmap's own things are
    touched."""
    home = out / STORE / key
    if home.is_dir() and not home.is_symlink():
        current, previous = home / _CURRENT, home / _PREVIOUS
        if not os.path.lexists(current) and _marked(previous):
            # killed between the two renames of a switch without exchange: roll back
            os.rename(previous, current)
            fsync_dir(home)
        for entry in home.iterdir():
            # a generation: marked, or named as a build names one (in claimmap's own
            # store: one killed while its marker was being written has an empty marker)
            if entry.name != _CURRENT and (_marked(entry) or (
                    entry.name.startswith("g-") and entry.is_dir()
                    and not entry.is_symlink())):
                log.info("removing %s, left by an interrupted build", entry)
                shutil.rmtree(entry, ignore_errors=True)
    prefix = f".{key}."
    for entry in out.iterdir():
        # a link a build made and had not yet renamed into place
        if (entry.name.startswith(prefix) and entry.name.endswith(".claimmap-link")
                and entry.is_symlink() and os.readlink(entry).startswith(STORE + os.sep)):
            entry.unlink(missing_ok=True)


def _switch(home: Path, folder: Path) -> None:
    """Make folder (in home) ``current``: the commit point. The old generation ends at
    folder's name."""
    current = home / _CURRENT
    if not os.path.lexists(current):
        os.rename(folder, current)
    elif not exchange(folder, current):  # pragma: no cover - Linux has the exchange
        os.rename(current, home / _PREVIOUS)
        os.rename(folder, current)
        os.rename(home / _PREVIOUS, folder)
    fsync_dir(home)


def _new_generation(home: Path) -> Path:
    folder = home / f"g-{os.urandom(8).hex()}"
    folder.mkdir()
    try:
        (folder / GENERATION_MARKER).write_text(GENERATION_MARKER_TEXT, encoding="ascii")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def _link(out: Path, key: str, name: str) -> None:
    """Make ``out/name`` claimmap's link, replacing what is there in one rename."""
    tmp = out / f".{key}.{os.urandom(6).hex()}.claimmap-link"
    os.symlink(link_target(key, name), tmp)
    try:
        os.replace(tmp, out / name)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _migrate(out: Path, home: Path, key: str, names: list[str]) -> None:
    """Plain files at the new set's names (an older claimmap's outputs, a copy that
    followed the links) into a generation with what ``current`` holds, which becomes
    ``current``; then their names into links, each showing the same bytes before and
    after. The switch that follows then replaces them as one set with the rest."""
    plain = [n for n in names if os.path.lexists(out / n) and not _is_ours(out, key, n)]
    if not plain:
        return
    current = home / _CURRENT
    folder = _new_generation(home)
    try:
        if _marked(current):       # what the links show now stays what they show
            for entry in current.iterdir():
                if entry.name != GENERATION_MARKER:
                    _keep(entry, folder / entry.name)
        for name in plain:
            (folder / name).unlink(missing_ok=True)
            _keep(out / name, folder / name)
        for entry in folder.iterdir():
            fsync_file(entry)
        fsync_dir(folder)
        fsync_dir(home)
        _switch(home, folder)
    finally:
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
    for name in plain:
        _link(out, key, name)
    fsync_dir(out)


def _keep(src: Path, dest: Path) -> None:
    """dest as the same file as src: a hard link, or a copy where there can be none."""
    if not src.is_symlink():
        try:
            os.link(src, dest)
            return
        except OSError as err:
            if err.errno not in (errno.EPERM, errno.EMLINK, errno.EXDEV, errno.ENOTSUP,
                                 errno.EOPNOTSUPP, errno.EACCES):
                raise
    shutil.copyfile(src, dest)


def _symlinks_work(home: Path) -> bool:
    # a build killed between making its probe and removing it left one (home is claimmap's
    # own store, and builds into it are serialised by the lock)
    for old in home.glob(".probe-*"):
        if old.is_symlink():
            with contextlib.suppress(OSError):
                old.unlink()
    probe = home / f".probe-{os.urandom(6).hex()}"
    try:
        os.symlink("probe", probe)
    except (NotImplementedError, AttributeError):  # pragma: no cover
        return False
    except OSError as err:
        if err.errno in _NO_SYMLINKS or os.name == "nt":  # pragma: no cover
            return False
        raise
    probe.unlink()
    return True


def commit(folder: Path, out: Path, key: str, names: list[str]) -> None:
    """Make the files `names` of folder (a build's temporary folder, holding the marker)
    the set `key` of out, in one step; folder is moved (or copied) away.

    Every file and folder is flushed to disk before the switch, the switch after it.
    """
    names = sorted(names)
    for name in names:
        if (out / name).is_dir() and not (out / name).is_symlink():
            raise IsADirectoryError(errno.EISDIR, "a folder has the name of an output",
                                    str(out / name))
    store = _open_store(out)
    home = store / key
    if not home.is_dir():
        home.mkdir()
        fsync_dir(store)
    if not _symlinks_work(home):  # pragma: no cover - Linux and macOS have them
        _commit_file_by_file(folder, out, names)
        return
    recover(out, key)
    current = home / _CURRENT
    old_names = [e.name for e in current.iterdir()
                 if e.name != GENERATION_MARKER] if _marked(current) else []
    _migrate(out, home, key, names)
    for name in names:
        fsync_file(folder / name)
    fsync_file(folder / GENERATION_MARKER)
    os.chmod(folder, new_dir_mode())
    fsync_dir(folder)
    gen = home / f"g-{os.urandom(8).hex()}"
    made: list[str] = []
    switched = False
    try:
        try:
            os.rename(folder, gen)
            fsync_dir(folder.parent)
        except OSError as err:
            if err.errno != errno.EXDEV:
                raise
            _copy_folder(folder, gen)    # OUT is on another filesystem than its parent
        fsync_dir(home)
        for name in names:
            if not _is_ours(out, key, name):
                # new in this build: the link dangles (the file is absent) until the switch
                _link(out, key, name)
                made.append(name)
        if made:
            fsync_dir(out)
        _switch(home, gen)                               # the commit point
        switched = True
    finally:
        if not switched:
            # gen holds the new files (or the old ones, when the switch was made and a
            # flush after it failed): either way it is not `current`
            if not os.path.lexists(home / _CURRENT) and _marked(home / _PREVIOUS):
                os.rename(home / _PREVIOUS, home / _CURRENT)   # a switch half made
            shutil.rmtree(gen, ignore_errors=True)
            for name in made:
                if _is_ours(out, key, name) and not (out / name).exists():
                    (out / name).unlink(missing_ok=True)
    # the old build's files: gone from every name at once; now their folder goes
    shutil.rmtree(gen, ignore_errors=True)
    gone = [n for n in old_names if n not in set(names) and _is_ours(out, key, n)]
    for name in gone:
        (out / name).unlink()
    if gone:
        fsync_dir(out)


def _copy_folder(folder: Path, dest: Path) -> None:
    tmp = dest.parent / f"g-{os.urandom(8).hex()}"
    shutil.copytree(folder, tmp)
    for entry in tmp.iterdir():
        fsync_file(entry)
    fsync_dir(tmp)
    os.rename(tmp, dest)
    shutil.rmtree(folder, ignore_errors=True)


def _commit_file_by_file(folder: Path, out: Path, names: list[str]) -> None:
    """Where there are no symbolic links: each file flushed, then renamed into place
    (the manifest last, so a reader who sees it sees the files it lists)."""
    names = sorted(names, key=lambda n: n.endswith(".manifest.json"))
    for name in names:
        fsync_file(folder / name)
    for name in names:
        os.replace(folder / name, out / name)
    fsync_dir(out)
