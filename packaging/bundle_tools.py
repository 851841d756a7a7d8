"""Helpers for packaging/annotator.spec: read ELF files, strip debug info
safely, and prune what dropped Qt plugins alone needed.

Kept outside the spec so it can be read and tested as plain Python. Standard
library only; `strip` (binutils) is used when present.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from collections import defaultdict, deque
from pathlib import Path

SHT_DYNAMIC = 6
DT_NEEDED = 1


class ElfInfo:
    """The section names and DT_NEEDED entries of a 64-bit little-endian ELF file."""

    def __init__(self, sections: set[str], needed: list[str]):
        self.sections = sections
        self.needed = needed

    @property
    def has_debug_info(self) -> bool:
        return ".debug_info" in self.sections


def read_elf(path: str | os.PathLike) -> ElfInfo | None:
    """Parse just enough of an ELF file; None if it is not a 64-bit LE ELF."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    if len(data) < 64 or data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    try:
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
        headers = []
        for i in range(shnum):
            (name, kind, _flags, _addr, offset, size, link, _info, _align,
             _entsize) = struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
            headers.append((name, kind, offset, size, link))
        if not headers or shstrndx >= len(headers):
            return None
        names_off = headers[shstrndx][2]

        def cstr(offset: int) -> str:
            end = data.index(b"\0", offset)
            return data[offset:end].decode("latin-1")

        sections = {cstr(names_off + h[0]) for h in headers}
        needed = []
        for _name, kind, offset, size, link in headers:
            if kind != SHT_DYNAMIC:
                continue
            strtab = headers[link][2]
            for pos in range(offset, offset + size, 16):
                tag, value = struct.unpack_from("<qQ", data, pos)
                if tag == 0:
                    break
                if tag == DT_NEEDED:
                    needed.append(cstr(strtab + value))
        return ElfInfo(sections, needed)
    except (struct.error, ValueError, IndexError):
        return None


def _is_wheel_vendored(dest: str) -> bool:
    """Libraries that auditwheel/delocate copied and patched (numpy.libs, pillow.libs...).

    They are patched with patchelf; stripping them can break them (numpy's OpenBLAS does).
    """
    return any(part.endswith(".libs") for part in Path(dest).parts[:-1])


def strip_debug(binaries: list, workdir: str | os.PathLike, log=print) -> tuple[list, int]:
    """Replace binaries that carry DWARF debug info by `strip --strip-debug` copies.

    Only files with a .debug_info section are touched, never libraries a wheel
    vendored (*.libs folders) and never Qt's. --strip-debug removes debug
    sections only: the dynamic symbols, relocations and code are left as they
    are, so it cannot change how a library links or runs. Returns the new list
    and the bytes saved.
    """
    strip = shutil.which("strip")
    if strip is None:
        log("bundle_tools: `strip` not found, binaries kept as they are")
        return binaries, 0
    out_dir = Path(workdir) / "stripped"
    result, saved = [], 0
    for dest, src, kind in binaries:
        if kind in ("BINARY", "EXTENSION") and not _is_wheel_vendored(dest) \
                and not dest.startswith("PySide6") and not dest.startswith("shiboken6"):
            info = read_elf(src)
            if info is not None and info.has_debug_info:
                target = out_dir / dest
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, target)
                proc = subprocess.run([strip, "--strip-debug", str(target)],
                                      capture_output=True, text=True)
                if proc.returncode == 0 and read_elf(target) is not None:
                    saved += os.path.getsize(src) - os.path.getsize(target)
                    result.append((dest, str(target), kind))
                    continue
                log(f"bundle_tools: could not strip {dest}: {proc.stderr.strip()}")
        result.append((dest, src, kind))
    return result, saved


def prune_dropped(binaries: list, drop, keep_names=(), log=print) -> list:
    """Remove the entries `drop(dest)` selects, and the shared libraries that
    only they needed (by DT_NEEDED, transitively).

    A library that no dropped entry reached is always kept, even if nothing
    links to it: it may be loaded with dlopen (ctypes, cffi, Qt's own loaders).
    `keep_names` are library file names that must stay in any case.
    """
    dropped = [entry for entry in binaries if drop(entry[0])]
    kept = [entry for entry in binaries if not drop(entry[0])]
    if not dropped:
        return binaries
    by_name = defaultdict(list)
    for entry in kept:
        by_name[os.path.basename(entry[0])].append(entry)

    def closure(roots) -> set:
        seen: set = set()
        queue = deque(roots)
        while queue:
            entry = queue.popleft()
            info = read_elf(entry[1])
            for name in (info.needed if info else ()):
                for dep in by_name.get(name, ()):
                    if dep[0] not in seen:
                        seen.add(dep[0])
                        queue.append(dep)
        return seen

    from_dropped = closure(dropped)
    top_level = {dest for dest in from_dropped if "/" not in dest}
    from_kept = closure([e for e in kept if e[0] not in top_level]) | {
        e[0] for e in kept if os.path.basename(e[0]) in keep_names}
    from_kept |= closure([e for e in kept if os.path.basename(e[0]) in keep_names])
    orphans = top_level - from_kept
    for dest in sorted(orphans):
        log(f"bundle_tools: dropping {dest} (only needed by dropped Qt plugins)")
    for dest, _src, _kind in dropped:
        log(f"bundle_tools: dropping {dest}")
    return [entry for entry in kept if entry[0] not in orphans]


def find_system_library(soname: str) -> str | None:
    """The path of a system shared library, as the dynamic loader would find it."""
    try:
        proc = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True,
                              check=False)
        listing = proc.stdout
    except OSError:
        listing = ""
    import platform

    machine = platform.machine()
    want64 = machine in ("x86_64", "aarch64", "ppc64le", "s390x", "riscv64")
    for line in listing.splitlines():
        line = line.strip()
        if not line.startswith(soname + " "):
            continue
        flags, _, path = line.partition(" => ")
        if want64 and "64" not in flags and "x86-64" not in flags:
            continue
        if os.path.exists(path):
            return path
    for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64",
                   "/usr/lib", "/lib"):
        candidate = os.path.join(folder, soname)
        if os.path.exists(candidate):
            return candidate
    return None
