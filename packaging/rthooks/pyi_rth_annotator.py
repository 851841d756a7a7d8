"""Runtime hook of the Annotator bundle: runs before annotator's own code.

The PyInstaller launcher puts the bundle's library folder first on
LD_LIBRARY_PATH (keeping the user's value in LD_LIBRARY_PATH_ORIG). This
process does not need it after start-up (the dynamic loader read it already),
but programs the app starts would inherit it: opening an evidence link runs
xdg-open and then the browser, which must load the system's own GLib and
fontconfig, not the bundle's copies. So give children the user's value back.
"""

import os
import sys


def _restore_library_path() -> None:
    if not getattr(sys, "frozen", False) or not sys.platform.startswith("linux"):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)


_restore_library_path()
