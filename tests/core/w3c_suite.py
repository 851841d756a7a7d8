"""Runs the W3C Web Annotation test suite's JSON Schemas (data model assertions) on a
document: ../shared/data/w3c-annotation-tests/ beside the repository (W3C test suite
licence; see its SOURCE.md and license.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT.parent / "shared" / "data" / "w3c-annotation-tests"


@dataclass(frozen=True)
class Result:
    name: str  # the assertion file, e.g. collections/pages/5.2-pageIdValidated.json
    level: str  # must, should or may
    passed: bool
    message: str
    feature: bool = False  # an optional feature's check: failing means "not implemented"


def available() -> bool:
    return (SUITE / "definitions" / "id.json").is_file()


def _registry():
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    resources = []
    for path in sorted(SUITE.rglob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema.get("id") or path.name,
                          Resource.from_contents(schema, default_specification=DRAFT4)))
    return Registry().with_resources(resources)


def _assertions(test_files: list[Path]) -> list[Path]:
    names: list[str] = []
    for test in test_files:
        for name in json.loads(test.read_text(encoding="utf-8"))["assertions"]:
            if isinstance(name, str) and name not in names:
                names.append(name)
    return [SUITE / name for name in names]


def run(document: dict, kind: str) -> list[Result]:
    """Every assertion of the suite's `kind` tests ("annotations", "collections" or
    "pages") on one document. A "may" or "should" that fails is reported, not raised."""
    import jsonschema

    folder = {"annotations": SUITE / "annotations", "collections": SUITE / "collections",
              "pages": SUITE / "collections" / "pages"}[kind]
    tests = sorted(folder.glob("*.test")) if kind != "annotations" else sorted(
        folder.rglob("*.test"))
    registry = _registry()
    results = []
    for path in _assertions(tests):
        schema = json.loads(path.read_text(encoding="utf-8"))
        validator = jsonschema.Draft4Validator(
            schema, registry=registry, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
        errors = list(validator.iter_errors(document))
        expected_valid = schema.get("expectedResult", "valid") == "valid"
        passed = (not errors) == expected_valid
        results.append(Result(str(path.relative_to(SUITE)), schema.get("assertionType", "must"),
                              passed, schema.get("errorMessage", "") if not passed else "",
                              schema.get("onUnexpectedResult") == "passAndContinue"))
    return results
