"""New START central limits and counting rules (US–Russia treaty, Prague 2010).

Why: the treaty's numbers depend on *how* things are counted. Missiles count
their actual reentry vehicles, but a heavy bomber counts as one warhead however
many weapons it can carry, so two forces with the same counted total can
differ a lot in real weapons.

Assumptions: a deployed launcher is one that contains a missile, so the number
of deployed ICBM (SLBM) launchers equals the number of deployed ICBMs (SLBMs);
every deployed missile carries at least one reentry vehicle. The model does not
cover test, training or space-launch launchers, conversion or elimination
procedures, or the seven-year reduction period.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from widgets.models.inputs import InputError, count

# Central limits, Article II, paragraph 1 of the Treaty:
# II.1(a): deployed ICBMs, deployed SLBMs and deployed heavy bombers
DELIVERY_VEHICLE_LIMIT = 700
# II.1(b): warheads on deployed ICBMs and SLBMs + nuclear warheads counted for deployed heavy bombers
WARHEAD_LIMIT = 1550
# II.1(c): deployed and non-deployed ICBM launchers, SLBM launchers and heavy bombers
LAUNCHER_LIMIT = 800

# When the limits bind: the reductions had to be complete seven years after entry into
# force (the dataset's limit rows: "had to be met by 2018-02-05"; entry into force 2011-02-05).
REDUCTION_YEARS = 7

# Counting rule, Article III, paragraph 2(b): one warhead per deployed heavy bomber.
WARHEADS_COUNTED_PER_BOMBER = 1


#: How each field is named in messages (and can be labelled in a widget).
FIELD_LABELS = {
    "deployed_icbms": "deployed ICBMs",
    "icbm_warheads": "warheads on deployed ICBMs",
    "deployed_slbms": "deployed SLBMs",
    "slbm_warheads": "warheads on deployed SLBMs",
    "deployed_heavy_bombers": "deployed heavy bombers",
    "non_deployed_icbm_launchers": "non-deployed ICBM launchers",
    "non_deployed_slbm_launchers": "non-deployed SLBM launchers",
    "non_deployed_heavy_bombers": "non-deployed heavy bombers",
    "bomber_weapons": "weapons the deployed heavy bombers can carry",
}


@dataclass(frozen=True)
class ForceStructure:
    """One side's strategic forces, as whole-number counts (checked on creation)."""

    deployed_icbms: int = 0
    icbm_warheads: int = 0  # reentry vehicles emplaced on all deployed ICBMs together
    deployed_slbms: int = 0
    slbm_warheads: int = 0  # reentry vehicles emplaced on all deployed SLBMs together
    deployed_heavy_bombers: int = 0
    non_deployed_icbm_launchers: int = 0
    non_deployed_slbm_launchers: int = 0
    non_deployed_heavy_bombers: int = 0
    bomber_weapons: int = 0  # weapons the deployed bombers can carry: shown, never counted

    def __post_init__(self) -> None:
        for f in fields(self):
            object.__setattr__(self, f.name, count(FIELD_LABELS[f.name], getattr(self, f.name)))
        for load, carrier in (("icbm_warheads", "deployed_icbms"), ("slbm_warheads", "deployed_slbms")):
            n_load, n_carrier = getattr(self, load), getattr(self, carrier)
            if n_load < n_carrier:
                raise InputError(
                    f"{FIELD_LABELS[load]} is the total over all {FIELD_LABELS[carrier]}, and this "
                    f"model assumes each carries at least one reentry vehicle: {n_load:,} "
                    f"warheads for {n_carrier:,} missiles is too few."
                )
            if n_load > 0 and n_carrier == 0:
                raise InputError(
                    f"{FIELD_LABELS[load]} is {n_load:,} but there are no {FIELD_LABELS[carrier]} to carry them."
                )
        if self.bomber_weapons > 0 and self.deployed_heavy_bombers == 0:
            raise InputError(
                f"{FIELD_LABELS['bomber_weapons']} is {self.bomber_weapons:,} but there are no "
                "deployed heavy bombers to carry them."
            )


@dataclass(frozen=True)
class LimitCheck:
    """One central limit: what is counted against it and how much room is left."""

    name: str
    article: str
    counted: int
    limit: int
    headroom: int  # limit − counted; negative means over the limit
    broken: bool


@dataclass(frozen=True)
class NewStartResult:
    """The three counted totals against the three limits, and a sentence saying so."""

    delivery_vehicles: LimitCheck
    warheads: LimitCheck
    launchers: LimitCheck
    broken: tuple[str, ...]  # names of the limits exceeded, in Article II order
    complies: bool
    uncounted_bomber_weapons: int  # bomber weapons beyond the one counted per bomber
    summary: str

    @property
    def checks(self) -> tuple[LimitCheck, LimitCheck, LimitCheck]:
        return (self.delivery_vehicles, self.warheads, self.launchers)


def _check(name: str, article: str, counted: int, limit: int) -> LimitCheck:
    return LimitCheck(name, article, counted, limit, limit - counted, counted > limit)


def _force(force) -> ForceStructure:
    if isinstance(force, ForceStructure):
        return force
    if isinstance(force, Mapping):
        known = {f.name for f in fields(ForceStructure)}
        unknown = sorted(set(force) - known)
        if unknown:
            raise InputError(f"Unknown force field(s) {unknown}; use {sorted(known)}.")
        return ForceStructure(**force)
    raise InputError(f"force must be a ForceStructure or a dict of counts; got {type(force).__name__}.")


def assess(force) -> NewStartResult:
    """Count a force structure under Article III and compare it with the Article II limits."""
    s = _force(force)
    checks = (
        _check(
            "deployed ICBMs, SLBMs and heavy bombers",
            "Article II.1(a)",
            s.deployed_icbms + s.deployed_slbms + s.deployed_heavy_bombers,
            DELIVERY_VEHICLE_LIMIT,
        ),
        _check(
            "counted warheads",
            "Article II.1(b)",
            s.icbm_warheads + s.slbm_warheads + WARHEADS_COUNTED_PER_BOMBER * s.deployed_heavy_bombers,
            WARHEAD_LIMIT,
        ),
        _check(
            "deployed and non-deployed launchers and heavy bombers",
            "Article II.1(c)",
            s.deployed_icbms
            + s.non_deployed_icbm_launchers
            + s.deployed_slbms
            + s.non_deployed_slbm_launchers
            + s.deployed_heavy_bombers
            + s.non_deployed_heavy_bombers,
            LAUNCHER_LIMIT,
        ),
    )
    broken = tuple(c.name for c in checks if c.broken)
    uncounted = max(0, s.bomber_weapons - WARHEADS_COUNTED_PER_BOMBER * s.deployed_heavy_bombers)

    def phrase(c: LimitCheck) -> str:
        slack = f"{-c.headroom:,} over" if c.broken else f"{c.headroom:,} to spare"
        return f"{c.name} ({c.article}): {c.counted:,} of {c.limit:,}, {slack}"

    if broken:
        summary = (
            f"Breaks {len(broken)} of the 3 central limits: " + "; ".join(phrase(c) for c in checks if c.broken) + "."
        )
    else:
        summary = "Within all three New START central limits: " + "; ".join(map(phrase, checks)) + "."
    if s.bomber_weapons > 0:
        summary += (
            f" The {s.deployed_heavy_bombers:,} deployed heavy bombers can carry "
            f"{s.bomber_weapons:,} weapons but count as {s.deployed_heavy_bombers:,} "
            f"warheads (Article III.2(b)), so {uncounted:,} weapons go uncounted."
        )
    return NewStartResult(
        *checks, broken=broken, complies=not broken, uncounted_bomber_weapons=uncounted, summary=summary
    )
