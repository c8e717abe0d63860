"""Check ``datasets/``, and record a changed file's hash: ``python scripts/datasets.py [--rehash NAME ...]``.

Why a script: changing a dataset is the moment to hold it to every rule at once.
``--rehash`` records the new sha256 of each named file in datapackage.json; then
every file is read by the course's loader (types, constraints, keys: file, row and
column on failure) and the whole package is validated by Frictionless, the
standard's reference implementation, with the course's own rules (:class:`CourseRules`:
a number's unit from the course's list; row source ids among the resource's
sources). The tests run the same validation (``tests/test_data_frictionless.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from frictionless import Check, Checklist, Package, Report, errors

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from widgets import data  # noqa: E402


class CourseRules(Check):
    """Units from the course's list; row sources among the resource's sources."""

    Errors = [errors.RowError, errors.FieldError]

    def validate_start(self):
        for field in self.resource.to_descriptor()["schema"]["fields"]:
            unit = field.get("unit")
            if field["type"] in ("integer", "number", "year") and unit not in data.UNITS:
                yield errors.FieldError(note=f"{field['name']}: unit {unit!r} is not one of the course's units")

    def validate_row(self, row):
        if "source" not in row:
            return
        known = {s.get("id") for s in self.resource.to_descriptor().get("sources", [])}
        for source_id in str(row["source"] or "").split(";"):
            if source_id and source_id not in known:
                yield errors.RowError.from_row(row, note=f"source id {source_id!r} is not among the resource's sources")


def report(root: Path = data.ROOT) -> Report:
    """Frictionless' validation of the package in ``root``, with the course's rules."""
    return Package(str(root / data.DESCRIPTOR)).validate(Checklist(checks=[CourseRules()]))


def problems(result: Report) -> list[str]:
    return [f"{task.name}: {error.type}: {error.note}" for task in result.tasks for error in task.errors]


def main(argv: list[str], root: Path = data.ROOT) -> int:
    if argv[:1] == ["--rehash"]:
        for name in argv[1:]:
            data._rehash(name, root)
            print(f"rehashed {name}")
    failed = False
    for res in data.resources(root):
        try:
            print(f"ok  {res['path']}: {len(data.validate(res['name'], root))} rows (course loader)")
        except data.DatasetError as exc:
            print(f"FAIL {exc}")
            failed = True
    if failed:
        return 1
    result = report(root)
    for line in problems(result):
        print(f"FAIL {line}")
    print("ok  the package meets the Frictionless standard and the course's rules" if result.valid else "")
    return 0 if result.valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
