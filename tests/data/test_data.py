"""Datasets: every file validates, and a broken file is reported precisely."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from widgets import data
from widgets.data import DatasetError

NAMES = [r["name"] for r in data.resources()]


@pytest.mark.parametrize("name", NAMES)
def test_every_dataset_validates(name):
    rows = data.validate(name)
    assert rows, f"{name} has no rows"


@pytest.mark.parametrize("name", NAMES)
def test_every_dataset_records_provenance(name):
    res = data.resource(name)
    for source in res["sources"]:
        assert source["path"].startswith(("http://", "https://")) or len(source["path"]) > 20
    assert res["licenses"][0]["title"]
    assert res.get("temporal"), f"{name}: say what date the data describe ('temporal')"


def test_nato_members_facts_checked_by_hand():
    nato = data.load("nato_members").set_index("country")
    assert len(nato) == 32
    # Dates from the cited sources (NATO, US and national government releases).
    assert str(nato.loc["Sweden", "accession_date"].date()) == "2024-03-07"
    assert str(nato.loc["Finland", "accession_date"].date()) == "2023-04-04"
    assert str(nato.loc["Germany", "accession_date"].date()) == "1955-05-06"
    assert str(nato.loc["Spain", "accession_date"].date()) == "1982-05-30"
    assert (nato["wave"] == 1949).sum() == 12
    assert (nato["wave"] == 2004).sum() == 7


@pytest.fixture
def broken(tmp_path):
    """A copy of datasets/ that a test may corrupt; returns (root, descriptor, csv path)."""
    root = tmp_path / "datasets"
    shutil.copytree(data.ROOT, root)
    descriptor = json.loads((root / "datapackage.json").read_text())
    return root, descriptor


def _rewrite(root: Path, name: str, edit, descriptor: dict, rehash: bool = True):
    res = next(r for r in descriptor["resources"] if r["name"] == name)
    path = root / res["path"]
    lines = path.read_text().splitlines()
    path.write_text("\n".join(edit(lines)) + "\n")
    (root / "datapackage.json").write_text(json.dumps(descriptor))
    if rehash:
        data._rehash(name, root)


def test_wrong_type_names_file_row_and_column(broken):
    root, descriptor = broken

    def edit(lines):
        cells = lines[3].split(",")
        cells[2] = "4 April 1949"  # accession_date must be YYYY-MM-DD
        lines[3] = ",".join(cells)
        return lines

    _rewrite(root, "nato_members", edit, descriptor)
    with pytest.raises(DatasetError) as err:
        data.validate("nato_members", root)
    message = str(err.value)
    assert "datasets/nato_members.csv" in message
    assert "row 3" in message
    assert "column 'accession_date'" in message
    assert "'4 April 1949' is not a date as YYYY-MM-DD" in message


def test_missing_column_is_named(broken):
    root, descriptor = broken
    _rewrite(
        root, "nato_members", lambda lines: [",".join(l.split(",")[:3] + l.split(",")[4:]) for l in lines], descriptor
    )
    with pytest.raises(DatasetError, match=r"nato_members\.csv, row 0 \(line 1\), column 'wave': column is missing"):
        data.validate("nato_members", root)


def test_bad_unit_is_refused(broken):
    root, descriptor = broken
    wave = next(f for f in descriptor["resources"][0]["schema"]["fields"] if f["name"] == "wave")
    wave["unit"] = "yaers"
    (root / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(DatasetError, match=r"nato_members\.csv, column 'wave': unit 'yaers' is not one of"):
        data.validate("nato_members", root)


def test_number_without_unit_is_refused(broken):
    root, descriptor = broken
    wave = next(f for f in descriptor["resources"][0]["schema"]["fields"] if f["name"] == "wave")
    del wave["unit"]
    (root / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(DatasetError, match="every number must say what it counts"):
        data.validate("nato_members", root)


def test_constraint_violation_is_reported(broken):
    root, descriptor = broken

    def edit(lines):
        cells = lines[5].split(",")
        cells[3] = "1950"  # not an enlargement year
        lines[5] = ",".join(cells)
        return lines

    _rewrite(root, "nato_members", edit, descriptor)
    with pytest.raises(DatasetError, match=r"row 5 \(line 6\), column 'wave': 1950 is not one of"):
        data.validate("nato_members", root)


def test_edit_without_new_provenance_is_caught(broken):
    root, descriptor = broken
    _rewrite(root, "nato_members", lambda lines: lines[:-1], descriptor, rehash=False)
    with pytest.raises(DatasetError, match="contents changed since its provenance was recorded"):
        data.validate("nato_members", root)


def test_unknown_source_id_is_refused(broken):
    root, descriptor = broken

    def edit(lines):
        lines[1] = lines[1].replace("NATO_ENL;", "NATO_MADE_UP;", 1)
        return lines

    _rewrite(root, "nato_members", edit, descriptor)
    with pytest.raises(DatasetError, match=r"row 1 \(line 2\), column 'source': source 'NATO_MADE_UP' is not listed"):
        data.validate("nato_members", root)


def test_descriptor_without_licence_is_refused(broken):
    root, descriptor = broken
    descriptor["resources"][0]["licenses"] = []
    (root / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(DatasetError, match="resources/0/licenses"):
        data.resources(root)


def test_a_changed_descriptor_is_read_again(broken):
    """The parsed descriptor is remembered by its text, so an edit in the same place is seen."""
    root, descriptor = broken
    assert data.resources(root)[0]["licenses"]  # parsed and remembered
    descriptor["resources"][0]["licenses"] = []
    (root / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(DatasetError, match="resources/0/licenses"):
        data.resources(root)


def test_unknown_dataset_lists_the_known_ones():
    with pytest.raises(DatasetError, match="known: .*nato_members"):
        data.load("nato_memberz")


def test_load_returns_typed_independent_copies():
    first = data.load("nato_members")
    assert str(first["accession_date"].dtype).startswith("datetime64")
    assert str(first["wave"].dtype) == "Int64"
    first.loc[0, "country"] = "changed"
    assert data.load("nato_members").loc[0, "country"] != "changed"
