"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt method
that returns nothing; after a few thousand calls the process aborts with
"Fatal Python error: none_dealloc". We pin below 6.12 there; this proves the
pinned version survives the pattern our highlighter uses."""

import os
import subprocess
import sys

CODE = """
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument
app = QGuiApplication([])
doc = QTextDocument("x" * 1000)
cursor = QTextCursor(doc)
for i in range(100_000):
    cursor.setPosition(i % 1000)
print("survived")
"""


def test_100000_void_qt_calls_do_not_abort():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
    assert "none_dealloc" not in result.stderr
