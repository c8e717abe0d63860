"""The burden-sharing widgets' readouts: control values in, what a student reads out.

* :func:`guideline_chart` - the Allies' shares of GDP for a year, sorted, and how
  many are at or above 2%, 3.5% and a line of the reader's own
  (:mod:`widgets.models.guidelines`);
* :func:`alliance_game` - Olson and Zeckhauser's public-goods alliance of two or
  three allies: equilibrium against efficient defence (:mod:`widgets.models.public_goods`);
* :func:`exploitation` - Spearman's rank correlation between GDP and the share of
  GDP, with permutation p-values, for a year and without the members left out
  (:mod:`widgets.models.rank_test`).

Standard library only: the live site runs these readouts in the browser. What they
need from the datasets comes from the shipped tables of
:mod:`widgets.tables.burden_sharing` as plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import math

from widgets.models import guidelines, public_goods, rank_test
from widgets.models.inputs import InputError
from widgets.models.wording import join_names
from widgets.tables import burden_sharing as tables

#: The guideline chart's x axis and the scatter's y axis end here (percent of GDP).
SCALE_MAX = 4.6


def _label(year: int) -> str:
    """The year as NATO prints it ("2024e")."""
    return dict((y, label) for label, y in tables.year_choices())[year]


def _year(year) -> int:
    known = dict((y, label) for label, y in tables.year_choices())
    if year not in known:
        raise InputError(f"the year must be one of {', '.join(known.values())}; got {year!r}.")
    return int(year)


# ----------------------------------------------------------------- 1. guideline chart


@dataclass(frozen=True)
class GuidelineReadout:
    year: int
    label: str  # the year as NATO prints it ("2024e")
    sort: str
    own: float
    names: tuple[str, ...]  # in the chosen order
    values: tuple[float, ...]
    meets: tuple[bool, ...]  # at or above the first line (2%)
    lines: tuple[float, ...]
    counts: tuple[int, ...]  # Allies at or above each line
    own_count: int
    on_scale: bool
    title: str
    sentence: str
    alt: str


def guideline_chart(year: int, sort: str = "value", own_line: float = 3.0) -> GuidelineReadout:
    """The Allies' shares in ``year`` in ``sort`` order, and the counts at or above each line."""
    own = guidelines.line(own_line)  # a bad value stops here, figure unchanged
    year = _year(year)
    s = dict(tables.share_rows()[year])
    ordered = guidelines.sort_members(s, sort)
    lines = tables.LINES
    hits = [guidelines.at_or_above(s, t) for t in lines]
    counts = tuple(len(h) for h in hits)
    own_count = guidelines.count_at_or_above(s, own)
    meets = set(hits[0])
    label = _label(year)
    n = len(s)
    on_scale = own <= SCALE_MAX
    (first, second), (n_first, n_second) = lines, counts
    by_value = ordered if sort == "value" else guidelines.sort_members(s, "value")
    top = ", ".join(f"{name} {v:.2f}%" for name, v in by_value[:3])
    return GuidelineReadout(
        year=year,
        label=label,
        sort=str(sort),
        own=own,
        names=tuple(str(c) for c, _ in ordered),
        values=tuple(float(v) for _, v in ordered),
        meets=tuple(c in meets for c, _ in ordered),
        lines=lines,
        counts=counts,
        own_count=own_count,
        on_scale=on_scale,
        title=f"Defence spending of {n} Allies, {label} (NATO, {tables.release_month()} release)",
        sentence=(
            f"In <b>{label}</b>, <b>{n_first}</b> of the {n} Allies with a figure were at or above "
            f"<b>{first:g}%</b> of GDP and <b>{n_second}</b> at or above <b>{second:g}%</b>; at or above your "
            f"line of <b>{own:g}%</b>: <b>{own_count}</b>. (Iceland, which has no armed forces, has no figure.)"
            + ("" if on_scale else " Your line is off the chart's scale.")
        ),
        alt=(
            f"Horizontal bar chart of defence spending as a percentage of GDP for {n} NATO Allies in "
            f"{label}, sorted by {sort}, with lines at {first:g}% and {second:g}%. {n_first} Allies are at or "
            f"above {first:g}% and {n_second} at or above {second:g}%. Highest: {top}."
        ),
    )


# ----------------------------------------------------------------- 2. alliance game

ALLY_NAMES = ("Ally A", "Ally B", "Ally C")
#: The α slider's top: the axes are scaled to fit every α up to it.
ALPHA_MAX = 0.5


@dataclass(frozen=True)
class AllianceGameReadout:
    n: int
    names: tuple[str, ...]  # the allies in the alliance
    incomes: tuple[float, ...]
    theta: float
    alpha: float
    equilibrium: tuple[float, ...]  # one per name in ALLY_NAMES, 0 for an ally not in the alliance
    efficient: tuple[float, ...]  # likewise
    free_riders: tuple[str, ...]
    total: float
    efficient_total: float
    gap: float  # efficient total - equilibrium total, never below 0
    limits: tuple[float, float]  # y limits: each ally's defence, the alliance's total
    sentence: str
    alt: str


def nice_limit(value: float) -> float:
    """The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least ``value``."""
    power = 10.0 ** math.floor(math.log10(max(value, 1e-9)))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


@lru_cache(maxsize=64)
def axis_limits(incomes: tuple[float, ...]) -> tuple[float, float]:
    """Axis limits that fit every θ and α the sliders allow, for these incomes.

    They change only with the incomes, so moving θ or α never rescales the axes:
    bars visibly grow with α.
    """
    per_ally, total = 0.0, 0.0
    for theta in (0.0, 0.25, 0.5, 0.75, 1.0):  # defence rises with α: the top α is the worst case
        efficient = public_goods.efficient_contributions(incomes, ALPHA_MAX, theta)
        nash = public_goods.nash_contributions(incomes, ALPHA_MAX, theta)
        per_ally = max(per_ally, max(efficient), max(nash))
        total = max(total, sum(efficient))
    return nice_limit(per_ally * 1.15), nice_limit(total * 1.12)


def alliance_game(
    income_a: float = 100, income_b: float = 50, income_c: float = 20, n_allies: int = 3, theta=1.0, alpha=0.2
) -> AllianceGameReadout:
    """Equilibrium against efficient defence for the first ``n_allies`` of allies A, B and C."""
    if n_allies not in (2, 3):
        raise InputError(f"the alliance has 2 or 3 allies; got {n_allies!r}.")
    n = int(n_allies)
    incomes = (income_a, income_b, income_c)[:n]
    names = ALLY_NAMES[:n]
    # The model call first: a bad value leaves the previous figure in place.
    result = public_goods.burden_sharing(incomes, alpha, theta, names=names)
    efficient = public_goods.efficient_contributions(incomes, alpha, theta)
    incomes = result.incomes
    theta, alpha = float(theta), float(alpha)
    q = tuple(result.contributions) + (0.0,) * (3 - n)
    e = tuple(float(v) for v in efficient) + (0.0,) * (3 - n)
    gap = max(result.gap, 0.0)  # the model's gap is >= 0 up to rounding (-1e-15 would print "-0.0")
    share = 100 * gap / result.efficient_total if result.efficient_total > 0 else 0.0
    riders = result.free_riders
    who = (
        f"Free riders (buy nothing, rely on the others): <b>{', '.join(riders)}</b>."
        if riders
        else "No ally free rides completely."
    )
    burdens = ", ".join(f"{name} {100 * b:.1f}%" for name, b in zip(names, result.burden))
    return AllianceGameReadout(
        n=n,
        names=names,
        incomes=incomes,
        theta=theta,
        alpha=alpha,
        equilibrium=q,
        efficient=e,
        free_riders=riders,
        total=result.total,
        efficient_total=result.efficient_total,
        gap=gap,
        limits=axis_limits(incomes),
        sentence=(
            f"Equilibrium total <b>{result.total:.1f}</b> against an efficient total of "
            f"<b>{result.efficient_total:.1f}</b>: under-provision gap <b>{gap:.1f}</b> "
            f"({share:.0f}% of the efficient level). {who} Share of income spent on defence: {burdens}."
        ),
        alt=(
            f"Two bar charts for a hypothetical alliance of {n} allies with incomes "
            f"{', '.join(f'{v:g}' for v in incomes)}, publicness {theta:.2f} and alpha "
            f"{alpha:.2f}. Left: each ally's equilibrium defence "
            f"({', '.join(f'{v:.1f}' for v in q[:n])}) next to its efficient level "
            f"({', '.join(f'{v:.1f}' for v in e[:n])}). Right: equilibrium total {result.total:.1f} with the gap "
            f"of {gap:.1f} up to the efficient total {result.efficient_total:.1f}. "
            + (f"Free riders: {', '.join(riders)}." if riders else "No free riders.")
        ),
    )


# ----------------------------------------------------------------- 3. exploitation test


@dataclass(frozen=True)
class ExploitationReadout:
    year: int
    label: str
    drop: tuple[str, ...]  # left out (members that year)
    absent: tuple[str, ...]  # chosen but not members that year, so not in the test anyway
    rho: float
    n: int
    p_value: float  # two-sided
    p_greater: float  # one-sided, rho > 0
    permutations: int
    other_label: str  # the members of the first year, in the other year
    other_rho: float
    other_n: int
    other_p_value: float
    points: tuple[tuple[str, float, float, bool], ...]  # (Ally, GDP in billion US$, share of GDP, left out?)
    title: str
    sentence: str
    alt: str


def _description(rho: float) -> str:
    """The sample correlation's size and sign, in words, and nothing more.

    Why: a label such as "a weak tendency for richer Allies to spend more" reads a sign as a
    finding; whether a correlation differs from zero is the p-values' question, asked separately.
    """
    size = abs(rho)
    if size < 0.1:
        return "almost no correlation in this sample"
    word = "weak" if size < 0.3 else "moderate" if size < 0.5 else "strong"
    return f"a {word} {'positive' if rho > 0 else 'negative'} correlation in this sample"


#: The live site ships these sorted shuffles (:func:`rank_test.flat_rows`): rows of 32 serve any n
#: from 17 to 32 Allies; a choice that leaves fewer sorts its own rows on the page (half a second).
SHUFFLES = ((32, tables.PERMUTATIONS, tables.SEED),)


@lru_cache(maxsize=256)
def exploitation_test(year: int, drop: tuple[str, ...] = (), members_in: int | None = None) -> rank_test.RankTestResult:
    """Spearman's rho between GDP and the defence share in ``year``, without ``drop``.

    As :func:`widgets.tables.burden_sharing.exploitation_test`, from the shipped rows: only the
    members of ``members_in`` (default ``year``) take part and names in ``drop`` outside them are ignored.
    """
    rows = tables.size_and_burden_rows()[(year, year if members_in is None else members_in)]
    present = {c for c, _, _ in rows}
    return rank_test.rank_test_rows(
        [c for c, _, _ in rows],
        [g for _, g, _ in rows],
        [v for _, _, v in rows],
        drop=tuple(d for d in drop if d in present),
        n_permutations=tables.PERMUTATIONS,
        seed=tables.SEED,
    )


def exploitation(year: int, drop: tuple[str, ...] = ()) -> ExploitationReadout:
    """The exploitation hypothesis tested on the members of ``year``, without ``drop``."""
    year = _year(year)
    if isinstance(drop, str):
        drop = (drop,)
    chosen = tuple(str(d) for d in drop)
    result = exploitation_test(year, chosen)  # a bad choice (too few members) stops here
    # Compare like with like: the Allies that were members in the first year, in the other year.
    years = tables.years()
    first = years[0]
    other_year = years[-1] if year == first else first  # as tables.other_year
    other = exploitation_test(other_year, chosen, members_in=first)
    rows = tables.size_and_burden_rows()[(year, year)]
    present = {c for c, _, _ in rows}
    dropped = tuple(d for d in chosen if d in present)
    absent = tuple(d for d in chosen if d not in present)
    label, other_label = _label(year), _label(other_year)
    points = tuple((str(c), float(g) / 1e9, float(s), c in dropped) for c, g, s in rows)
    left_out = f" Left out: {', '.join(dropped)}." if dropped else ""
    if absent:
        left_out += f" Not members in {label}, so not in this test anyway: {', '.join(absent)}."
    later = tables.later_members()[year]
    if year == tables.WALES and later:
        left_out += (
            f" Only the Allies that were members at the Wales summit take part ({join_names(later)} joined later)."
        )
    return ExploitationReadout(
        year=year,
        label=label,
        drop=dropped,
        absent=absent,
        rho=result.rho,
        n=result.n,
        p_value=result.p_value,
        p_greater=result.p_greater,
        permutations=result.permutations,
        other_label=other_label,
        other_rho=other.rho,
        other_n=other.n,
        other_p_value=other.p_value,
        points=points,
        title=f"{label}: Spearman's ρ = {result.rho:+.2f} (n = {result.n})",
        sentence=(
            f"<b>{label}</b>: Spearman's ρ = <b>{result.rho:+.2f}</b> between GDP and the defence share "
            f"(n = {result.n}): {_description(result.rho)}. Whether chance alone often gives one as strong is "
            f"what the permutation p-values say ({result.permutations:,} shuffles, seed {tables.SEED}): two-sided <b>{result.p_value:.3f}</b> (how often shuffling the shares among the same "
            f"Allies gives |ρ| at least this large), one-sided <b>{result.p_greater:.3f}</b> (how often it gives ρ "
            f"at least this large, the direction Olson and Zeckhauser predict). The Allies of {_label(first)} "
            f"in {other_label}: ρ = {other.rho:+.2f} (n = {other.n}), two-sided p = {other.p_value:.3f}.{left_out}"
        ),
        alt=(
            f"Scatter plot of {len(rows)} NATO Allies in {label}: GDP on a log scale against defence spending as "
            f"a percentage of GDP, with lines at {tables.LINES[0]:g}% and {tables.LINES[1]:g}%. Spearman's rho is "
            f"{result.rho:+.2f} for the {result.n} Allies included."
            + (f" Left out: {', '.join(dropped)}." if dropped else "")
        ),
    )
