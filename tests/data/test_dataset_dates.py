"""Every dataset says what date it describes, and no chapter outruns its data.

Each resource in datasets/datapackage.json carries an ``as_of`` date, which the
source line under each figure repeats. A chapter's prose may not state a year
later than the newest of its datasets' dates, and every "as of <date>" it
states must be the date of one of its datasets.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from widgets import data

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
AS_OF = re.compile(r"as of (?:(\d{1,2}) )?([A-Z][a-z]+)\.? (\d{4})")


def datasets_of(chapter: Path) -> set[str]:
    """Datasets a chapter reads: named in its notebook, widgets (any layer) or exercises."""
    names = {r["name"] for r in data.resources()}
    texts = [chapter.read_text(encoding="utf-8")]
    layers = ("", "exercises", "tables", "readouts", "figures")
    for module in (ROOT / "widgets" / layer / f"{chapter.stem}.py" for layer in layers):
        if module.exists():
            texts.append(module.read_text(encoding="utf-8"))
    found = set(re.findall(r'\\?"([a-z0-9_]+)\\?"', "\n".join(texts)))
    return found & names


def prose(chapter: Path) -> str:
    """The chapter's markdown prose (see :func:`strip_markup`)."""
    nb = nbformat.read(chapter, as_version=4)
    return strip_markup("\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))


def strip_markup(text: str) -> str:
    """Markdown without roles, code, link targets or labels: they hold keys, not claims."""
    text = re.sub(r"\{[a-z:-]+\}`[^`]*`", " ", text)  # {cite}`key2024`, {term}`...`
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"^:(label|name|class):.*$", " ", text, flags=re.M)


DATA_CHAPTERS = [c for c in CHAPTERS if datasets_of(c)]  # deterrence is models only


def years_claimed(text: str) -> list[int]:
    """Years stated in prose; a target ("by 2035") is a plan, not a claim about data."""
    return [int(y) for y in re.findall(r"(?<![\w/.-])(?<!by )((?:19|20)\d\d)(?![\w/])", text)]


def test_most_chapters_read_data():
    assert len(DATA_CHAPTERS) >= len(CHAPTERS) - 1


@pytest.mark.parametrize("chapter", DATA_CHAPTERS, ids=[c.stem for c in DATA_CHAPTERS])
def test_chapter_reads_dated_datasets(chapter):
    for name in datasets_of(chapter):
        assert data.as_of(name) <= dt.date.today(), f"{name}: as_of is in the future"


@pytest.mark.parametrize("chapter", DATA_CHAPTERS, ids=[c.stem for c in DATA_CHAPTERS])
def test_no_year_later_than_the_chapters_data(chapter):
    newest = max(data.as_of(name) for name in datasets_of(chapter))
    years = years_claimed(prose(chapter))
    late = sorted({y for y in years if y > newest.year})
    assert not late, f"{chapter.name} states {late}, after its newest dataset's date {newest}"


@pytest.mark.parametrize("chapter", DATA_CHAPTERS, ids=[c.stem for c in DATA_CHAPTERS])
def test_every_stated_as_of_date_is_a_datasets_date(chapter):
    dates = {data.as_of(name) for name in datasets_of(chapter)}
    for day, month, year in AS_OF.findall(prose(chapter)):
        if month.lower() not in MONTHS:
            continue
        m, y = MONTHS[month.lower()], int(year)
        ok = any(d.year == y and d.month == m and (not day or d.day == int(day)) for d in dates)
        assert ok, (
            f"{chapter.name} says 'as of {day} {month} {year}', but its datasets are dated "
            f"{sorted(str(d) for d in dates)}"
        )


def test_source_line_states_the_date():
    assert "as of 22 November 2026" in data.source_line("treaties")


def test_a_dataset_without_a_date_is_refused(tmp_path):
    shutil.copytree(data.ROOT, tmp_path / "datasets")
    path = tmp_path / "datasets" / data.DESCRIPTOR
    package = json.loads(path.read_text(encoding="utf-8"))
    del package["resources"][0]["as_of"]
    path.write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(data.DatasetError, match=r"resources/0: 'as_of' is a required property"):
        data.resources(tmp_path / "datasets")


def test_prose_years_are_found():
    # The guard reads years in prose, not in citation keys, code or targets.
    text = strip_markup("In 2031, see {cite}`nato2032x` and `x = 2033`; 5% by 2035.")
    assert years_claimed(text) == [2031]
