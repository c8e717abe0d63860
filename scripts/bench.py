"""`make bench`: how fast the course is, as tables a note can quote.

1. Each chapter notebook executed in a fresh kernel (wall time).
2. Each widget's redraw: move its first control through several values and
   report the median time of one update (target: about 100 ms).
3. The site build: cold (empty output folder, every page) and cached (again,
   nothing changed).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from execute import execute_copy  # noqa: E402

# (label, factory returning the component, control attribute, values to step through)
WIDGETS = [
    ("orientation: NATO membership", "widgets.orientation:NatoMembership", "year", [1955, 1982, 1999, 2004, 2024]),
    ("deterrence: calculus", "widgets.deterrence:DeterrenceCalculator", "credibility", [0.1, 0.3, 0.45, 0.7, 0.9]),
    ("deterrence: calculus (punishment)", "widgets.deterrence:DeterrenceCalculator", "punishment", [2.0, 6.0, 10.0, 15.0, 0.0]),
    ("deterrence: game tree (payoff box)", "widgets.deterrence:DeterrenceGame", "war_challenger", ["-3", "1", "-0.5", "-2", "2"]),
    ("deterrence: screening (belief q)", "widgets.deterrence:DeterrenceGame", "q", [0.1, 0.3, 0.55, 0.7, 0.9]),
    ("deterrence: brinkmanship (risk)", "widgets.deterrence:ChickenBrinkmanship", "risk", [0.01, 0.05, 0.1, 0.2, 0.3]),
    ("deterrence: brinkmanship (steps)", "widgets.deterrence:ChickenBrinkmanship", "steps", [1, 5, 12, 25, 40]),
    ("arms races: Richardson race", "widgets.arms_races:RichardsonRace", "k", [0.1, 0.3, 0.6, 0.8, 1.0]),
    ("arms races: dilemma tournament", "widgets.arms_races:DilemmaTournament", "noise", [0.0, 0.02, 0.05, 0.1, 0.2]),
    ("burden sharing: guideline chart (own line)", "widgets.burden_sharing:GuidelineChart", "own_line", [2.0, 2.5, 3.0, 3.5, 4.0]),
    ("burden sharing: guideline chart (year)", "widgets.burden_sharing:GuidelineChart", "year", [2014, 2024, 2014, 2024, 2014]),
    ("burden sharing: alliance game (theta)", "widgets.burden_sharing:AllianceGame", "theta", [0.2, 0.4, 0.6, 0.8, 1.0]),
    ("burden sharing: alliance game (alpha)", "widgets.burden_sharing:AllianceGame", "alpha", [0.1, 0.2, 0.3, 0.4, 0.5]),
    ("burden sharing: exploitation test (year)", "widgets.burden_sharing:ExploitationTest", "year", [2024, 2014, 2024, 2014, 2024]),
]


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    return "\n".join([line(header), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, rows)])


def bench_notebooks() -> list[list[str]]:
    rows = []
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        seconds = execute_copy(path)
        rows.append([path.name, f"{seconds:.1f} s"])
    return rows


def bench_widgets(repeat: int = 5) -> list[list[str]]:
    import importlib

    rows = []
    for label, target, control, values in WIDGETS:
        module, name = target.split(":")
        component = getattr(importlib.import_module(module), name)()
        slider = getattr(component, control)
        times = []
        for _ in range(repeat):
            for value in values:
                start = time.perf_counter()
                slider.value = value
                times.append(time.perf_counter() - start)
        rows.append([label, f"{statistics.median(times) * 1000:.0f} ms", f"{max(times) * 1000:.0f} ms", str(len(times))])
    return rows


def bench_build() -> list[list[str]]:
    out = Path(tempfile.mkdtemp(prefix="bench-build-"))
    jb = str(Path(sys.executable).parent / "jupyter-book")
    rows = []
    for label in ("cold", "cached"):
        start = time.perf_counter()
        subprocess.run([jb, "build", str(ROOT), "--path-output", str(out), "-W", "--keep-going", "-q"],
                       check=True, stdout=subprocess.DEVNULL)
        rows.append([label, f"{time.perf_counter() - start:.1f} s"])
    shutil.rmtree(out, ignore_errors=True)
    return rows


def main() -> None:
    print("Notebooks, each in a fresh kernel\n")
    print(table(["notebook", "execute"], bench_notebooks()))
    print("\nWidget redraw (one control change -> new figure and text)\n")
    print(table(["widget", "median", "max", "updates"], bench_widgets()))
    print("\nSite build (jupyter-book build -W)\n")
    print(table(["build", "time"], bench_build()))


if __name__ == "__main__":
    main()
