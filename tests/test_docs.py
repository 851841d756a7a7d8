"""The README says what the code does (after sqlite-utils' tests of its docs)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.export.csv_export import columns_markdown

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_csv_column():
    assert columns_markdown() in README


def test_readme_quick_start_is_two_commands():
    block = README.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["make run", "make test"]


def _claim_type_examples():
    section = README.split("### Claim types", 1)[1].split("###", 1)[0]
    return re.findall(r"^\| `(\w+)` \| [^|]+ \| “([^”]+)” \|$", section, re.M)


def test_readme_claim_type_examples_are_classified_as_documented(detector):
    examples = _claim_type_examples()
    assert {t for t, _ in examples} == {"quantity", "prediction", "correlation_causation",
                                        "law_rule", "personal_experience", "other"}
    for claim_type, sentence in examples:
        unit = detector.detect(sentence + "\n")[0]
        assert unit.claim_type == claim_type, sentence


def test_readme_shortcuts_exist_in_the_app(qtbot, db_path):
    from annotator.gui import create_window

    window = create_window(db_path=db_path, load_model=False)
    qtbot.addWidget(window)
    keys = set()
    for _menu, _action, shortcut in window._shortcut_rows():
        keys.update(k.strip() for k in shortcut.split(","))
    table = README.split("## The checking loop", 1)[1].split("\n\n", 2)[1]
    for key in ("1", "2", "3", "0", "J", "K", "N", "U", "R", "E", "F1", "Ctrl+F", "Ctrl+Return",
                "Ctrl+B", "Ctrl+Shift+Z", "Ctrl+Z", "Ctrl+H", "Ctrl+=", "Ctrl+-", "Ctrl+Shift+A"):
        assert key in table, key
        assert key in keys, key
    qtbot.waitUntil(lambda: not window.session.tasks.active, timeout=60000)
    window.session.shutdown()


def test_library_opens_in_sqlite_utils(sample_library, db_path):
    result = subprocess.run([sys.executable, "-m", "sqlite_utils", "tables", str(db_path),
                             "--counts"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for table in ("articles", "claims", "history", "evidence", "article_revisions"):
        assert f'"table": "{table}"' in result.stdout


@pytest.mark.parametrize("name", ["CHANGELOG.md", "packaging/README.md"])
def test_linked_documents_exist(name):
    assert name in README
    assert (Path(__file__).resolve().parent.parent / name).is_file()
