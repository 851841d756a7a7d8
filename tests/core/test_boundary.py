"""The core never imports Qt: import every core module in a clean interpreter."""

import pkgutil
import subprocess
import sys

import annotator.core


def test_core_modules_do_not_import_qt():
    modules = [m.name for m in pkgutil.walk_packages(annotator.core.__path__, "annotator.core.")
               if not m.name.endswith("train_checkworthy")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'annotator.gui')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported Qt: {result.stdout}"
    assert len(modules) > 10


def test_commands_without_nlp_do_not_import_spacy(tmp_path):
    from annotator.core.library import Library

    Library.open(tmp_path / "x.sqlite", create=True).close()  # read commands never create one
    code = (
        "import sys\n"
        "from annotator.cli import main\n"
        f"rc = main(['claims', '--db', {str(tmp_path / 'x.sqlite')!r}])\n"
        "assert rc == 0, rc\n"
        "print('spacy' in sys.modules, 'PySide6' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False False"
