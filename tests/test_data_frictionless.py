"""datasets/ validated by the Frictionless reference implementation, plus the course's own rules.

The loader (widgets/data.py) checks every file at run time with one typed read;
this test holds the same files to the Frictionless Data Package standard, with
one custom check for what the standard cannot know: a number's unit must be
one of the course's units, and every row's ``source`` ids must be sources the
resource lists.
"""

from __future__ import annotations

import json
import shutil

import pytest

frictionless = pytest.importorskip("frictionless")

from frictionless import Check, Checklist, Package, errors  # noqa: E402

from conftest import ROOT  # noqa: E402
from widgets.data import UNITS  # noqa: E402


class CourseRules(Check):
    """Units from the course's list; row sources among the resource's sources."""

    Errors = [errors.RowError, errors.FieldError]

    def validate_start(self):
        for field in self.resource.to_descriptor()["schema"]["fields"]:
            unit = field.get("unit")
            if field["type"] in ("integer", "number", "year") and unit not in UNITS:
                yield errors.FieldError(note=f"{field['name']}: unit {unit!r} is not one of the course's units")

    def validate_row(self, row):
        if "source" not in row:
            return
        known = {s.get("id") for s in self.resource.to_descriptor().get("sources", [])}
        for source_id in str(row["source"] or "").split(";"):
            if source_id and source_id not in known:
                yield errors.RowError.from_row(row, note=f"source id {source_id!r} is not among the resource's sources")


def report(root):
    return Package(str(root / "datapackage.json")).validate(Checklist(checks=[CourseRules()]))


def test_the_datasets_meet_the_standard_and_the_course_rules():
    result = report(ROOT / "datasets")
    problems = [f"{t.name}: {e.type}: {e.note}" for t in result.tasks for e in t.errors]
    assert result.valid, "\n".join(problems)


def test_the_check_catches_a_bad_row_and_a_bad_unit(tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", root)
    path = root / "nato_defence_share.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].rsplit(",", 1)[0] + ",NOSUCHSOURCE"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        res.pop("hash", None)  # the hash would (rightly) fail first
        if res["name"] == "gdp":
            next(f for f in res["schema"]["fields"] if f.get("unit"))["unit"] = "furlongs"
    (root / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    notes = [e.note for t in report(root).tasks for e in t.errors]
    assert any("'NOSUCHSOURCE' is not among" in n for n in notes), notes
    assert any("'furlongs' is not one of the course's units" in n for n in notes), notes
