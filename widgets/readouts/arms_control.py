"""The arms-control widgets' readouts: stockpiles and treaties, New START counts, the inspection game.

Standard library only (they run on the live site too): the data come from the
shipped functions of :mod:`widgets.tables.arms_control`, as plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape

from widgets import data
from widgets.models import inspection, new_start
from widgets.models.inputs import InputError
from widgets.tables import arms_control as tables

# ----------------------------------------------------------------- stockpiles


@dataclass(frozen=True)
class TreatySpan:
    """One row of the treaty strip; dates as ISO text, None where there is none."""

    label: str
    category: str
    signed: str
    in_force: str | None
    ended: str | None


@dataclass(frozen=True)
class StockpileReadout:
    country: str
    years: tuple[int, int]  # the highlighted range (lo, hi)
    series: tuple[tuple[int, ...], tuple[int, ...]]  # (years, warheads) of the whole series
    shown: tuple[tuple[int, ...], tuple[int, ...]]  # the part inside the range
    peak: tuple[int, int] | None  # (year, warheads) of the highest in the range, None if empty
    total: tuple[tuple[int, ...], tuple[int, ...]]  # the nine-state sum, drawn in grey
    span: tuple[int, int]  # the axis: first estimate year, year of the treaty record
    last_estimate: int  # last year with an estimate
    treaties: tuple[TreatySpan, ...]
    drawn_to: str  # ISO date the in-force bars are drawn to (the treaty record's date)
    drawn_to_text: str
    sentence: str
    alt: str


def _series(country: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(years, warheads) of one country, or of the sum (``tables.ALL``)."""
    series = tables.stockpile_warheads()
    if country not in series:
        known = ", ".join(sorted(name for name in series if name != tables.ALL))
        raise InputError(f"No stockpile estimates for {country!r}; choose one of: {known}.")
    return series[country]


@lru_cache(maxsize=1)
def _static() -> tuple:
    spans = tuple(TreatySpan(*row) for row in tables.treaty_spans())
    return spans, data.as_of("treaties").isoformat(), data.as_of_text("treaties"), tables.last_estimate_year()


def stockpile_timeline(country: str = tables.ALL, years: tuple[int, int] | None = None) -> StockpileReadout:
    """One country's (or the sum's) stockpile with a year range highlighted, and the treaties signed in it."""
    first, last = span = tables.span()
    lo, hi = (first, last) if years is None else (int(years[0]), int(years[1]))
    series = _series(country)
    shown = tuple(zip(*[(y, v) for y, v in zip(*series) if lo <= y <= hi])) or ((), ())
    spans, drawn_to, drawn_to_text, last_estimate = _static()
    signed = [t for t in spans if lo <= int(t.signed[:4]) <= hi]
    treaty_text = ", ".join(f"{t.label} ({t.signed[:4]})" for t in signed) or "none"
    start, end = series[0][0], series[0][-1]
    if not shown[0]:
        peak = None
        text = (
            f"<b>{escape(country)}</b>: no estimates between {lo} and {hi}. The FAS series in "
            f"this dataset runs from {start} to {end} (see the release column)."
        )
    else:
        top = max(shown[1])
        peak = (shown[0][shown[1].index(top)], top)  # the first year with the highest value
        text = (
            f"<b>{escape(country)}</b>: {shown[1][0]:,} warheads in {shown[0][0]}, "
            f"{shown[1][-1]:,} in {shown[0][-1]}; the highest in {lo}–{hi} is "
            f"<b>{peak[1]:,}</b> in {peak[0]}."
        )
        if hi > end:
            text += f" The estimates end in {end}: no release with estimates for {end + 1} was found."
    text += f"<br>Treaties signed or opened for signature in {lo}–{hi}: {escape(treaty_text)}."
    alt = (
        f"Line chart, on a logarithmic scale, of the estimated nuclear warhead stockpile of {country} "
        f"from {first} to {last_estimate} with the years {lo} to {hi} highlighted"
        + ("" if peak is None else f" (highest there: {peak[1]:,} in {peak[0]})")
        + f", above a timeline of {len(spans)} arms control treaties from the {spans[0].label} "
        f"({spans[0].signed[:4]}) to the {spans[-1].label} ({spans[-1].signed[:4]}), showing when each "
        "was signed, in force and ended."
    )
    return StockpileReadout(
        country=country,
        years=(lo, hi),
        series=series,
        shown=shown,
        peak=peak,
        total=_series(tables.ALL),
        span=span,
        last_estimate=last_estimate,
        treaties=spans,
        drawn_to=drawn_to,
        drawn_to_text=drawn_to_text,
        sentence=text,
        alt=alt,
    )


# ----------------------------------------------------------------- New START

NONE = "none"

#: A hypothetical force, within all three limits, that the boxes start with.
DEFAULT_FORCE = dict(
    deployed_icbms=400,
    icbm_warheads=400,
    deployed_slbms=220,
    slbm_warheads=1000,
    deployed_heavy_bombers=50,
    bomber_weapons=600,
    non_deployed_icbm_launchers=50,
    non_deployed_slbm_launchers=60,
    non_deployed_heavy_bombers=10,
)


@dataclass(frozen=True)
class LimitBar:
    """One central limit as the chart shows it."""

    name: str
    counted: int
    limit: int
    share: float  # counted, percent of the limit
    broken: bool


@dataclass(frozen=True)
class NewStartReadout:
    bars: tuple[LimitBar, LimitBar, LimitBar]  # limits (a), (b), (c)
    complies: bool
    compare: str  # the declared exchange compared with, or NONE
    declared: tuple[int, int, int] | None  # its three numbers
    declared_shares: tuple[float, float, float] | None  # as percent of the limits
    sentence: str
    alt: str


def new_start_check(compare: str = NONE, **force: str | int) -> NewStartReadout:
    """Count a force (raw box text is fine: the model's checks word the errors) under New START;
    the fields not given are those of ``DEFAULT_FORCE``."""
    result = new_start.assess({**DEFAULT_FORCE, **force})
    bars = tuple(LimitBar(c.name, c.counted, c.limit, 100.0 * c.counted / c.limit, c.broken) for c in result.checks)
    declared = shares = None
    compared = ""
    if compare != NONE:
        declared = tables.declared_numbers()[compare]
        shares = tuple(100.0 * v / lim for v, lim in zip(declared, tables.limits()))
        compared = (
            f"<br>Declared by {escape(compare)} (orange diamonds): "
            + " / ".join(f"{v:,}" for v in declared)
            + " for limits (a) / (b) / (c). These are totals only: the data exchanges "
            "published here do not split them into ICBMs, SLBMs and bombers."
        )
    verdict = "<b>Complies.</b> " if result.complies else "<b>Breaks the treaty.</b> "
    alt = (
        "Bar chart of the three New START counts as a share of their limits: "
        + "; ".join(f"{c.name} {c.counted:,} of {c.limit:,}" for c in result.checks)
        + (f"; limits broken: {', '.join(result.broken)}." if result.broken else "; all within the limits.")
    )
    return NewStartReadout(
        bars=bars,
        complies=result.complies,
        compare=compare,
        declared=declared,
        declared_shares=shares,
        sentence=verdict + escape(result.summary) + compared,
        alt=alt,
    )


# ----------------------------------------------------------------- inspection game


@dataclass(frozen=True)
class InspectionReadout:
    d: float  # the chosen detection probability
    inspect_probability: float
    cheat_probability: float
    threshold: float  # g/(g+f)
    regime: str
    curve_d: list[float]  # the equilibrium over d, for the two lines
    curve_p: list[float]
    curve_q: list[float]
    sentence: str
    alt: str


def inspection_game(g: float = 4.0, f: float = 6.0, c="1", L="10", d="0.8") -> InspectionReadout:  # noqa: N803
    """The equilibrium at the chosen d and as curves over d (c, L and d as raw box text)."""
    eq = inspection.equilibrium(g, f, c, d, L)  # checks every value first
    cv = inspection.curves(g, f, c, L, n=400)
    threshold, d_value = eq.detection_threshold, float(d)
    p, q = eq.inspect_probability, eq.cheat_probability
    sentence = (
        f"At d = {d_value:.3g}: inspect with probability <b>p = {p:.3g}</b>, "
        f"cheat with probability <b>q = {q:.3g}</b> ({escape(eq.regime)}). "
        f"Detection must exceed g/(g+f) = {threshold:.3g} (shaded region below it) before any "
        f"inspection rate can make cheating unprofitable.<br>{escape(eq.explanation)}"
    )
    alt = (
        f"Equilibrium probabilities of inspecting and of cheating plotted against the detection "
        f"probability d from 0 to 1, for g = {g:g}, f = {f:g}, c = {float(c):g}, L = {float(L):g}; "
        f"below d = {threshold:.3g} inspections cannot deter and cheating is certain; at the "
        f"chosen d = {d_value:.3g}, p = {p:.3g} and q = {q:.3g}."
    )
    return InspectionReadout(
        d=d_value,
        inspect_probability=float(p),
        cheat_probability=float(q),
        threshold=float(threshold),
        regime=str(eq.regime),
        curve_d=list(cv.d),
        curve_p=list(cv.inspect_probability),
        curve_q=list(cv.cheat_probability),
        sentence=sentence,
        alt=alt,
    )
