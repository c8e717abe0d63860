"""The one loader for ``datasets/``: every file is validated as it is read.

``datasets/datapackage.json`` is a Frictionless Data Package. Each resource
names its CSV file, its sha256, its sources and licence, and a table schema
whose fields carry a type, a unit (for numbers) and constraints. A file that
breaks its schema raises :class:`DatasetError` naming the file, row and column,
so a wrong value can be found and fixed in seconds rather than propagating into
a figure that a student trusts.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported by load() alone: the rest runs in the browser
    import pandas as pd

ROOT = Path(__file__).resolve().parents[1] / "datasets"
DESCRIPTOR = "datapackage.json"

#: Units a numeric field may declare. A new unit is added here on purpose, not by typo.
UNITS = {
    "count",
    "year",
    "percent",
    "percent of GDP",
    "percent of defence expenditure",
    "probability",
    "warheads",
    "launchers",
    "votes",
    "states",
    "US dollars, billion, constant prices",
    "US dollars, million, current prices",
    "US dollars, constant 2015 prices",
}

_RESOURCE_KEYS = ("name", "path", "title", "description", "as_of", "hash", "sources", "licenses", "schema")
_TYPES = ("string", "integer", "number", "boolean", "date", "year")


def _check_descriptor(package: dict) -> None:
    """Check the descriptor's shape by hand.

    (jsonschema would do it, but importing it costs seconds in every kernel.)
    """

    def fail(where: str, what: str):
        raise DatasetError(f"datasets/{DESCRIPTOR}, at {where}: {what}")

    if not isinstance(package.get("resources"), list):
        fail("top level", "'resources' must be a list")
    for i, res in enumerate(package["resources"]):
        at = f"resources/{i}"
        for key in _RESOURCE_KEYS:
            if key not in res:
                fail(at, f"'{key}' is a required property")
        if not re.fullmatch(r"[a-z0-9_]+", res["name"]):
            fail(f"{at}/name", "use lower-case letters, digits and underscores")
        if not re.fullmatch(r"[a-z0-9_]+\.csv", res["path"]):
            fail(f"{at}/path", "must name a .csv file in datasets/")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(res["as_of"])):
            fail(f"{at}/as_of", "the date the data describe, as YYYY-MM-DD")
        if not re.fullmatch(r"sha256:[0-9a-f]{64}", res["hash"]):
            fail(f"{at}/hash", "must be 'sha256:' followed by 64 hex digits")
        if not res["sources"]:
            fail(f"{at}/sources", "at least one source is required")
        for j, src in enumerate(res["sources"]):
            if not src.get("title") or not src.get("path"):
                fail(f"{at}/sources/{j}", "a source needs a 'title' and a 'path' (URL or citation)")
            if not (src.get("retrieved") or src.get("published")):
                fail(f"{at}/sources/{j}", "a source needs the date it was 'retrieved' or 'published'")
        if not res["licenses"] or not all(lic.get("title") for lic in res["licenses"]):
            fail(f"{at}/licenses", "at least one licence with a 'title' is required")
        fields = res["schema"].get("fields") if isinstance(res["schema"], dict) else None
        if not fields:
            fail(f"{at}/schema", "'fields' must list at least one field")
        for k, field in enumerate(fields):
            for key in ("name", "type", "description"):
                if key not in field:
                    fail(f"{at}/schema/fields/{k}", f"'{key}' is a required property")
            if field["type"] not in _TYPES:
                fail(f"{at}/schema/fields/{k}/type", f"{field['type']!r} is not one of {list(_TYPES)}")


class DatasetError(ValueError):
    """A dataset or its description is wrong; the message says where."""


@dataclass(frozen=True)
class Where:
    file: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [f"datasets/{self.file}"]
        if self.row is not None:
            parts.append(f"row {self.row} (line {self.row + 1})")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)


def _descriptor(root: Path) -> dict:
    """The validated descriptor (shared: do not change it). Every figure's source line asks for it."""
    return _parsed_descriptor((root / DESCRIPTOR).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _parsed_descriptor(text: str) -> dict:
    """Parsed and checked once per distinct text: a redraw must not re-read 150 KB of JSON."""
    try:
        package = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"datasets/{DESCRIPTOR}: not valid JSON ({exc})") from None
    _check_descriptor(package)
    for res in package["resources"]:
        for field in res["schema"]["fields"]:
            if field["type"] in ("integer", "number", "year"):
                unit = field.get("unit")
                if unit not in UNITS:
                    raise DatasetError(
                        f"{Where(res['path'], column=field['name'])}: unit {unit!r} is not one of the "
                        f"course's units ({', '.join(sorted(UNITS))}); every number must say what it counts"
                    )
    return package


def resources(root: Path = ROOT) -> list[dict]:
    """Every resource described in the data package (validated descriptor)."""
    return _descriptor(root)["resources"]


def resource(name: str, root: Path = ROOT) -> dict:
    for res in resources(root):
        if res["name"] == name:
            return res
    known = ", ".join(r["name"] for r in resources(root))
    raise DatasetError(f"No dataset called {name!r} in datasets/{DESCRIPTOR}; known: {known}")


def _parse(value: str, field: dict, where: Where):
    kind = field["type"]
    try:
        if kind == "string":
            return value
        if kind == "integer" or kind == "year":
            if not re.fullmatch(r"[+-]?\d+", value):
                raise ValueError
            return int(value)
        if kind == "number":
            number = float(value)
            if number != number or number in (float("inf"), float("-inf")):
                raise ValueError
            return number
        if kind == "boolean":
            if value not in ("true", "false"):
                raise ValueError
            return value == "true"
        if kind == "date":
            return dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else _bad()
    except ValueError:
        pass
    expected = {
        "integer": "a whole number",
        "year": "a year (e.g. 1949)",
        "number": "a number",
        "boolean": "true or false",
        "date": "a date as YYYY-MM-DD",
    }[kind]
    raise DatasetError(f"{where}: {value!r} is not {expected}")


def _bad():
    raise ValueError


def _check_constraints(value, field: dict, where: Where) -> None:
    c = field.get("constraints", {})
    if "enum" in c and value not in c["enum"]:
        raise DatasetError(f"{where}: {value!r} is not one of {c['enum']}")
    if "pattern" in c and not re.fullmatch(c["pattern"], str(value)):
        raise DatasetError(f"{where}: {value!r} does not match the pattern {c['pattern']}")
    for key, ok, word in (
        ("minimum", lambda v, m: v >= m, "below the minimum"),
        ("maximum", lambda v, m: v <= m, "above the maximum"),
    ):
        if key in c:
            bound = c[key]
            if isinstance(value, dt.date):
                bound = dt.date.fromisoformat(bound)
            if not ok(value, bound):
                raise DatasetError(f"{where}: {value!r} is {word} {c[key]!r}")


def validate(name: str, root: Path = ROOT) -> list[dict]:
    """Check one resource against its schema and hash; return its rows as dicts."""
    res = resource(name, root)
    path = root / res["path"]
    if not path.exists():
        raise DatasetError(f"{Where(res['path'])}: file is missing")
    raw = path.read_bytes()
    digest = "sha256:" + hashlib.sha256(raw).hexdigest()
    if digest != res["hash"]:
        raise DatasetError(
            f"{Where(res['path'])}: contents changed since its provenance was recorded "
            f"(hash {digest} but datapackage.json says {res['hash']}); check the edit against the "
            f"source, then run `python scripts/datasets.py --rehash {name}`"
        )
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    reader = csv.reader(raw.decode("utf-8").splitlines())
    header = next(reader, None)
    if header is None:
        raise DatasetError(f"{Where(res['path'])}: file is empty")
    missing = [n for n in names if n not in header]
    if missing:
        raise DatasetError(f"{Where(res['path'], row=0, column=missing[0])}: column is missing from the header")
    extra = [h for h in header if h not in names]
    if extra:
        raise DatasetError(f"{Where(res['path'], row=0, column=extra[0])}: column is not described in the schema")
    unique = {f["name"]: set() for f in fields if f.get("constraints", {}).get("unique")}
    keys = res["schema"].get("primaryKey")
    keys = [keys] if isinstance(keys, str) else keys
    seen_keys: set[tuple] = set()
    source_ids = {s.get("id") for s in res["sources"]}
    rows = []
    for number, cells in enumerate(reader, start=1):
        if len(cells) != len(header):
            raise DatasetError(
                f"{Where(res['path'], row=number)}: has {len(cells)} cells, the header has {len(header)}"
            )
        record = {}
        for column, cell in zip(header, cells):
            field = fields[names.index(column)]
            where = Where(res["path"], row=number, column=column)
            if cell == "":
                if field.get("constraints", {}).get("required"):
                    raise DatasetError(f"{where}: a value is required")
                record[column] = None
                continue
            value = _parse(cell, field, where)
            _check_constraints(value, field, where)
            if column in unique:
                if value in unique[column]:
                    raise DatasetError(f"{where}: {value!r} appears twice but must be unique")
                unique[column].add(value)
            if column == "source":
                unknown = [i for i in value.split(";") if i not in source_ids]
                if unknown:
                    raise DatasetError(f"{where}: source {unknown[0]!r} is not listed in the resource's sources")
            record[column] = value
        if keys:
            key = tuple(record[k] for k in keys)
            if key in seen_keys:
                raise DatasetError(f"{Where(res['path'], row=number)}: duplicate key {dict(zip(keys, key))}")
            seen_keys.add(key)
        rows.append(record)
    return rows


_DTYPES = {"string": "string", "integer": "Int64", "year": "Int64", "number": "float64", "boolean": "boolean"}


@lru_cache(maxsize=None)
def _load_cached(name: str, root: Path, stamp: float) -> pd.DataFrame:
    import pandas as pd

    rows = validate(name, root)
    fields = resource(name, root)["schema"]["fields"]
    frame = pd.DataFrame(rows, columns=[f["name"] for f in fields])
    for f in fields:
        if f["type"] == "date":
            frame[f["name"]] = pd.to_datetime(frame[f["name"]])
        else:
            frame[f["name"]] = frame[f["name"]].astype(_DTYPES[f["type"]])
    frame.attrs["source"] = resource(name, root)["sources"]
    return frame


def load(name: str, root: Path = ROOT) -> pd.DataFrame:
    """Validated dataset ``name`` as a DataFrame (a fresh copy: edit it freely)."""
    res = resource(name, root)
    stamp = (root / res["path"]).stat().st_mtime if (root / res["path"]).exists() else 0.0
    return _load_cached(name, Path(root), stamp).copy()


def as_of(name: str, root: Path = ROOT) -> dt.date:
    """The date that dataset ``name`` describes (its ``as_of`` in datapackage.json)."""
    return dt.date.fromisoformat(resource(name, root)["as_of"])


def as_of_text(name: str, root: Path = ROOT) -> str:
    """That date as a reader writes it, e.g. '22 November 2026'."""
    date = as_of(name, root)
    return f"{date.day} {date:%B %Y}"


def source_line(name: str, root: Path = ROOT) -> str:
    """A one-line credit for a figure, from the resource's short ``credit`` and its date.

    The full list of sources stays in datapackage.json; a figure names the
    publishers, says what date the data describe, and points there.
    """
    res = resource(name, root)
    credit = res.get("credit") or "; ".join(s["title"] for s in res["sources"])
    return f"Source: {credit} (dataset: {res['name']}, as of {as_of_text(name, root)})."


def _rehash(name: str, root: Path = ROOT) -> None:
    path = root / DESCRIPTOR
    package = json.loads(path.read_text(encoding="utf-8"))
    for res in package["resources"]:
        if res["name"] == name:
            res["hash"] = "sha256:" + hashlib.sha256((root / res["path"]).read_bytes()).hexdigest()
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
