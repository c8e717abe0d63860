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
import sys

import pytest

frictionless = pytest.importorskip("frictionless")

from conftest import ROOT  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))

from datasets import main, problems, report  # noqa: E402


def test_the_datasets_meet_the_standard_and_the_course_rules():
    result = report(ROOT / "datasets")
    assert result.valid, "\n".join(problems(result))


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


def test_rehashing_a_changed_file_records_its_hash_and_validates_it(tmp_path, capsys):
    root = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", root)
    path = root / "nato_defence_share.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # same rows, other bytes: the hash breaks
    assert main([], root) == 1 and "--rehash nato_defence_share" in capsys.readouterr().out
    assert main(["--rehash", "nato_defence_share"], root) == 0
    assert "meets the Frictionless standard" in capsys.readouterr().out
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].rsplit(",", 1)[0] + ",NOSUCHSOURCE"  # a row citing no listed source
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--rehash", "nato_defence_share"], root) == 1
    assert "source 'NOSUCHSOURCE' is not listed" in capsys.readouterr().out
