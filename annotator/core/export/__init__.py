"""Exporters: pure functions from a frozen Snapshot to bytes or text.

Renderers never touch the database or Qt; `write_*` helpers write their
output atomically (see annotator.core.fileio.atomic_write).
"""

#: The project's home page: the W3C export's generator and the .deb's metadata name it.
HOMEPAGE = "https://annotator.example.org/"
