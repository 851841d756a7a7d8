"""User settings shared by the GUI and the command line (a small JSON file).

Window geometry and other purely visual state live in QSettings in the GUI;
what changes exports (checker name, organisation, threshold) lives here so
the CLI sees the same values.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from annotator.core.fileio import atomic_write


def settings_path() -> Path:
    env = os.environ.get("ANNOTATOR_SETTINGS")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("annotator", appauthor=False)) / "settings.json"


def _default_checker() -> str:
    return os.environ.get("ANNOTATOR_CHECKER") or os.environ.get("USER") or os.environ.get(
        "USERNAME") or ""


ROLES = ("checker", "editor")


@dataclass
class Settings:
    checker: str = ""
    organisation: str = ""
    threshold: float | None = None  # None: the trained model's own threshold
    theme: str = "system"  # "system", "light" or "dark"
    welcome_shown: bool = False
    # Where published fact checks live, for ClaimReview `url`: placeholders {claim_id} and
    # {article_id}, e.g. "https://desk.example/checks/{claim_id}". "" = no url.
    review_url_template: str = ""
    # On a library file, who may approve verdicts, send them back, assign and resolve blind
    # checks: "checker" or "editor" (ANNOTATOR_ROLE overrides). On PostgreSQL the server
    # decides: membership of the `annotator_editor` role.
    role: str = "checker"

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        path = path or settings_path()
        data: dict = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                data = {}
        except (OSError, ValueError):
            data = {}  # missing or damaged settings fall back to defaults
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in data.items() if k in known})
        if not settings.checker:
            settings.checker = _default_checker()
        role = os.environ.get("ANNOTATOR_ROLE") or settings.role
        settings.role = role if role in ROLES else "checker"
        if not isinstance(settings.review_url_template, str):
            settings.review_url_template = ""
        if settings.threshold is not None:
            try:
                settings.threshold = min(1.0, max(0.0, float(settings.threshold)))
            except (TypeError, ValueError):
                settings.threshold = None
        return settings

    def save(self, path: Path | None = None) -> None:
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path) as fh:
            json.dump(asdict(self), fh, indent=2)
