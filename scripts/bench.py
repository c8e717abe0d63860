"""`make bench`: how fast the course is, as tables a note can quote.

1. Each chapter notebook executed in a fresh kernel (wall time).
2. Each widget's redraw: move its first control through several values and
   report the median time of one update (target: about 100 ms).
3. The site build: cold (empty output folder, every page) and cached (again,
   nothing changed).
4. The full and the Binder environments: install time and size on disk.
5. The live site in Chromium: cold start to the first update, bytes fetched, and
   each widget's update time (median and 95th percentile).
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

import venvs  # noqa: E402
from execute import execute_copy  # noqa: E402

# (label, factory returning the component, control attribute, values to step through)
WIDGETS = [
    ("orientation: NATO membership", "widgets.orientation:NatoMembership", "year", [1955, 1982, 1999, 2004, 2024]),
    ("deterrence: calculus", "widgets.deterrence:DeterrenceCalculator", "credibility", [0.1, 0.3, 0.45, 0.7, 0.9]),
    (
        "deterrence: calculus (punishment)",
        "widgets.deterrence:DeterrenceCalculator",
        "punishment",
        [2.0, 6.0, 10.0, 15.0, 0.0],
    ),
    (
        "deterrence: game tree (payoff box)",
        "widgets.deterrence:DeterrenceGame",
        "war_challenger",
        ["-3", "1", "-0.5", "-2", "2"],
    ),
    ("deterrence: screening (belief q)", "widgets.deterrence:DeterrenceGame", "q", [0.1, 0.3, 0.55, 0.7, 0.9]),
    ("deterrence: brinkmanship (risk)", "widgets.deterrence:ChickenBrinkmanship", "risk", [0.01, 0.05, 0.1, 0.2, 0.3]),
    ("deterrence: brinkmanship (steps)", "widgets.deterrence:ChickenBrinkmanship", "steps", [1, 5, 12, 25, 40]),
    ("arms races: Richardson race", "widgets.arms_races:RichardsonRace", "k", [0.1, 0.3, 0.6, 0.8, 1.0]),
    ("arms races: dilemma tournament", "widgets.arms_races:DilemmaTournament", "noise", [0.0, 0.02, 0.05, 0.1, 0.2]),
    ("alliances: alliance network", "widgets.alliances:AllianceNetwork", "year", [1950, 1960, 1977, 1991, 2026]),
    ("alliances: NATO waves", "widgets.alliances:NatoWaves", "year", [1952, 1982, 1999, 2004, 2024]),
    ("alliances: deterrence", "widgets.alliances:AllianceDeterrence", "reliability", [0.1, 0.3, 0.5, 0.7, 0.9]),
    (
        "r2p: council vote (load a record)",
        "widgets.r2p:CouncilVote",
        "load",
        ["S/2011/612", "S/RES/1244 (1999)", "S/2016/846", "S/RES/2669 (2022)", "S/RES/1973 (2011)"],
    ),
    (
        "r2p: council vote (Russia's vote)",
        "widgets.r2p:CouncilVote",
        "russia",
        ["no", "yes", "abstain", "absent", "no"],
    ),
    ("r2p: passage odds (Russia P(no))", "widgets.r2p:PassageOdds", "russia_no", [0.0, 0.2, 0.45, 0.6, 0.1]),
    ("r2p: ICISS criteria (just cause)", "widgets.r2p:CriteriaAssessment", "just_cause", [0.0, 1.5, 3.0, 4.0, 2.5]),
    ("r2p: council timeline (year)", "widgets.r2p:CouncilTimeline", "year", [1994, 2005, 2011, 2017, 2022]),
    (
        "arms control: stockpiles (country)",
        "widgets.arms_control:StockpileTimeline",
        "country",
        ["Russia", "China", "United States", "North Korea", "All nine states (sum)"],
    ),
    (
        "arms control: stockpiles (years)",
        "widgets.arms_control:StockpileTimeline",
        "years",
        [(1960, 1990), (1970, 2000), (1991, 2023), (2000, 2026), (1945, 2026)],
    ),
    (
        "arms control: New START check (box)",
        "widgets.arms_control:NewStartCheck",
        "slbm_warheads",
        ["1100", "1000", "1200", "900", "1050"],
    ),
    (
        "arms control: New START check (declared)",
        "widgets.arms_control:NewStartCheck",
        "compare",
        [
            "United States, 2023-03-01",
            "Russian Federation, 2020-09-01",
            "United States, 2011-02-05",
            "none",
            "Russian Federation, 2022-03-01",
        ],
    ),
    ("arms control: inspection game (gain g)", "widgets.arms_control:InspectionGame", "g", [1.0, 2.5, 5.0, 8.0, 4.0]),
    (
        "arms control: inspection game (detection box)",
        "widgets.arms_control:InspectionGame",
        "d",
        ["0.2", "0.5", "0.9", "1", "0.8"],
    ),
    (
        "burden sharing: guideline chart (own line)",
        "widgets.burden_sharing:GuidelineChart",
        "own_line",
        [2.0, 2.5, 3.0, 3.5, 4.0],
    ),
    (
        "burden sharing: guideline chart (year)",
        "widgets.burden_sharing:GuidelineChart",
        "year",
        [2014, 2024, 2014, 2024, 2014],
    ),
    (
        "burden sharing: alliance game (theta)",
        "widgets.burden_sharing:AllianceGame",
        "theta",
        [0.2, 0.4, 0.6, 0.8, 1.0],
    ),
    (
        "burden sharing: alliance game (alpha)",
        "widgets.burden_sharing:AllianceGame",
        "alpha",
        [0.1, 0.2, 0.3, 0.4, 0.5],
    ),
    (
        "burden sharing: exploitation test (year)",
        "widgets.burden_sharing:ExploitationTest",
        "year",
        [2024, 2014, 2024, 2014, 2024],
    ),
]


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]

    def line(cells) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"

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
        rows.append(
            [label, f"{statistics.median(times) * 1000:.0f} ms", f"{max(times) * 1000:.0f} ms", str(len(times))]
        )
    return rows


LOADER = """
import time
t0 = time.perf_counter()
from widgets import data
t1 = time.perf_counter()
for resource in data.resources():
    data.load(resource["name"])
print(f"{1000 * (t1 - t0):.0f} {1000 * (time.perf_counter() - t1):.0f}")
"""


def bench_loader(repeat: int = 3) -> list[list[str]]:
    """The data loader in a fresh interpreter: importing it, then the first load of every dataset."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", LOADER], capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append([float(x) for x in out.stdout.split()])
    imports, loads = zip(*runs)
    return [
        ["import widgets.data", f"{statistics.median(imports):.0f} ms"],
        ["first load, every dataset", f"{statistics.median(loads):.0f} ms"],
    ]


def bench_build() -> list[list[str]]:
    out = Path(tempfile.mkdtemp(prefix="bench-build-"))
    jb = str(Path(sys.executable).parent / "jupyter-book")
    rows = []
    for label in ("cold", "cached"):
        start = time.perf_counter()
        subprocess.run(
            [jb, "build", str(ROOT), "--path-output", str(out), "-W", "--keep-going", "-q"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        rows.append([label, f"{time.perf_counter() - start:.1f} s"])
    shutil.rmtree(out, ignore_errors=True)
    return rows


def bench_environments() -> list[list[str]]:
    """Install the full and the Binder environment into fresh venvs; time and size them.

    pip's cache is warm after the first install on a machine, so these times are
    mostly unpacking and linking; a cold Binder build also downloads wheels.
    """
    rows = []
    for label, requirements in (
        ("full (requirements.txt)", ROOT / "requirements.txt"),
        ("Binder (binder/requirements.txt)", ROOT / "binder" / "requirements.txt"),
    ):
        target = Path(tempfile.mkdtemp(prefix="bench-env-"))
        seconds = venvs.build(sys.executable, requirements, target)
        size = venvs.size_mb(target)
        rows.append([label, f"{seconds:.0f} s", f"{size:.0f} MB"])
        shutil.rmtree(target, ignore_errors=True)
    return rows


def _serve_site():
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(ROOT / "_build" / "html"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_live() -> tuple[list[list[str]], list[list[str]]]:
    """The live site in Chromium: per chapter, a cold start (empty cache) from the first change
    to the first update and the bytes it fetched; then, per widget, every control changed three
    times (keys, selections, typing) and the time from the action to the painted update."""
    import shutil as sh

    from playwright.sync_api import sync_playwright

    import live as build
    import live_browser

    _, specs, _ = build.bundle()
    components = build.components()
    server, url = _serve_site()
    pages, widgets = [], {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=sh.which("chromium") or "/usr/bin/chromium", args=["--headless", "--no-sandbox"]
        )
        for stem in sorted(q.stem for q in (ROOT / "chapters").glob("*.ipynb")):
            context = browser.new_context()  # a fresh profile: nothing cached
            page = context.new_page()
            page.goto(f"{url}/chapters/{stem}.html", wait_until="load")
            page.locator(".jupyter-widgets.sin-widget").first.wait_for(state="visible", timeout=20000)
            names = [c["name"] for c in page.evaluate("window.sinLive.snapshot()")]
            first = None
            for name in dict.fromkeys(names):
                defaults = {c.name: c.default for c in components[name].controls}
                for index in range(names.count(name)):
                    changes = live_browser.drive(page, name, specs[name], defaults, index)
                    if first is None and changes:
                        first, changes = changes[0].ms, changes[1:]
                    widgets.setdefault(name, []).extend(c.ms for c in changes)
            fetched = page.evaluate(
                "performance.getEntriesByType('resource').filter(e => /pyodide|live\\//.test(e.name))"
                ".reduce((n, e) => n + e.transferSize, 0)"
            )
            pages.append([f"{stem}.html", f"{first / 1000:.1f} s", f"{fetched / 1e6:.1f} MB"])
            context.close()
        browser.close()
    server.shutdown()
    rows = [
        [name, f"{statistics.median(ms):.0f} ms", f"{_percentile(ms, 0.95):.0f} ms", str(len(ms))]
        for name, ms in sorted(widgets.items())
    ]
    return pages, rows


def main() -> None:
    print("Notebooks, each in a fresh kernel\n")
    print(table(["notebook", "execute"], bench_notebooks()))
    print("\nWidget redraw (one control change -> new figure and text)\n")
    print(table(["widget", "median", "max", "updates"], bench_widgets()))
    pages, live_rows = bench_live()
    print("\nLive site, cold start (Chromium, empty cache): first change -> first update, bytes fetched\n")
    print(table(["page", "first update", "downloaded"], pages))
    print("\nLive site, one control change -> painted update (every control, three changes each)\n")
    print(table(["widget", "median", "p95", "changes"], live_rows))
    print("\nData loader (fresh interpreter, median of 3)\n")
    print(table(["step", "time"], bench_loader()))
    print("\nSite build (jupyter-book build -W)\n")
    print(table(["build", "time"], bench_build()))
    print("\nEnvironments (fresh venv, warm pip cache)\n")
    print(table(["environment", "install", "size"], bench_environments()))


if __name__ == "__main__":
    main()
