"""The R2P widgets' pictures: the ballot, the passage odds, the criteria, the timeline (SVG text)."""

from __future__ import annotations

import datetime as dt

from widgets import data
from widgets.models import criteria as crit
from widgets.models import security_council as sc
from widgets.readouts.r2p import SHORT, CouncilVoteReadout, CriteriaReadout, PassageReadout, TimelineReadout
from widgets.svg import INK, PALETTE, Canvas, nice_ticks
from widgets.tables.r2p import MEMBERS

VOTE_COLOURS = {"yes": PALETTE[0], "no": PALETTE[3], "abstain": PALETTE[1], "absent": "#bbbbbb"}
#: the bars of yes votes short of the nine needed
SHORT_BAR = "#9fb8cc"


def _title(canvas: Canvas, ax, text: str) -> None:
    """A panel's title at 9 pt, as the matplotlib figures set it (the axes' own title is 11 pt)."""
    canvas.text(ax.left + ax.width / 2, ax.top - 8, text, size=9, anchor="middle", baseline="auto")


def picture_ballot(readout: CouncilVoteReadout) -> str:
    """The fifteen seats coloured by vote, above horizontal bars of the tally and the nine needed."""
    canvas = Canvas(640, 300)
    top = canvas.axes(left=72, top=30, right=16, bottom=222, xlim=(-0.7, len(MEMBERS) - 0.3), ylim=(-1, 1), frame=False)
    _title(canvas, top, "The ballot: five permanent members, then the ten elected members (E1–E10)")
    top.vline(4.5, color="#666", width=0.8, dash=":")
    top.line(list(top.xlim), [-1, -1], color=INK, width=0.8)
    labels = [SHORT.get(m, m) for m in sc.PERMANENT] + [f"E{i}" for i in range(1, 11)]
    for i, (member, label) in enumerate(zip(MEMBERS, labels)):
        top.points([i], [0], color=VOTE_COLOURS[readout.ballot[member]], r=8, marker="s", edge="black")
        top.text(i, -1, label, size=7, anchor="middle", baseline="hanging", dy=5, clip=False)
    bottom = canvas.axes(
        left=72,
        top=116,
        right=16,
        bottom=44,
        xlim=(0, 15),
        ylim=(3.6, -0.6),  # inverted: yes at the top
        xlabel="Votes (count)",
        yticks=[(i, v) for i, v in enumerate(sc.VOTES)],
        xticks=range(0, 15, 2),
    )
    bottom.hbars(range(4), readout.tally, color=[VOTE_COLOURS[v] for v in sc.VOTES], edge="black")
    bottom.vline(sc.THRESHOLD, color="black", width=1.2, dash="--")
    bottom.text(sc.THRESHOLD + 0.15, 3.3, "9 yes votes needed", size=8)
    return canvas.svg(readout.alt, uid="r2p-ballot")


def picture_odds(readout: PassageReadout) -> str:
    """Bars of P(exactly j yes votes), darker where j reaches the nine needed, a dashed line at nine."""
    canvas = Canvas(640, 300)
    ticks = [(v, f"{v:.2f}") for v in nice_ticks(0, readout.top, 7)]  # the same label width at every scale
    ax = canvas.axes(
        left=72,
        top=30,
        xlim=(-0.6, sc.SIZE + 0.6),
        ylim=(0, readout.top),
        xlabel="Number of yes votes (count)",
        ylabel="Probability",
        xticks=range(sc.SIZE + 1),
        yticks=ticks,
    )
    _title(canvas, ax, "Distribution of yes votes; darker bars reach the 9 needed")
    colours = [PALETTE[0] if j >= sc.THRESHOLD else SHORT_BAR for j in range(sc.SIZE + 1)]
    ax.bars(range(sc.SIZE + 1), readout.distribution, color=colours, edge="black")
    ax.vline(sc.THRESHOLD - 0.5, color="black", width=1.2, dash="--")
    return canvas.svg(readout.alt, uid="r2p-odds")


def picture_criteria(readout: CriteriaReadout) -> str:
    """Bars of the six scores (orange below the midpoint) and one bar of the combined score."""
    canvas = Canvas(640, 300)
    n = len(crit.CRITERIA)
    left = canvas.axes(
        left=150,
        top=30,
        right=170,
        bottom=52,
        xlim=(0, crit.SCALE),
        ylim=(n - 0.5, -0.5),  # inverted: the first criterion at the top
        xlabel="Your score (0 = clearly not met, 4 = clearly met)",
        xticks=[(i / 2, f"{i / 2:.1f}") for i in range(int(crit.SCALE * 2) + 1)],
        yticks=list(enumerate(crit.CRITERIA)),
    )
    _title(canvas, left, "Your scores; orange bars fall below the midpoint")
    colours = [PALETTE[1] if c in readout.below_midpoint else PALETTE[0] for c in crit.CRITERIA]
    left.hbars(range(n), [readout.scores[c] for c in crit.CRITERIA], color=colours, edge="black")
    left.vline(crit.SCALE / 2, color="black", width=1, dash="--")
    right = canvas.axes(
        left=540,
        top=30,
        right=16,
        bottom=52,
        xlim=(-0.6, 0.6),
        ylim=(0, 1),
        ylabel="Combined score (0–1)",
        xticks=[(0, "combined")],
        yticks=[(v / 5, f"{v / 5:.1f}") for v in range(6)],
    )
    right.bars([0], [readout.value], width=0.6, color=PALETTE[2], edge="black")
    return canvas.svg(readout.alt, uid="r2p-criteria")


def _year(day: dt.date) -> float:
    """A date as a fractional year (1 July 2011 -> about 2011.5), the timeline's x coordinate."""
    start = dt.date(day.year, 1, 1)
    return day.year + (day - start).days / (dt.date(day.year + 1, 1, 1) - start).days


def _xy(points: tuple[tuple[dt.date, int], ...]) -> tuple[list[float], list[int]]:
    return [_year(d) for d, _ in points], [row for _, row in points]


def picture_timeline(readout: TimelineReadout) -> str:
    """Every recorded vote in grey by date and case; those to the end of the year coloured by outcome."""
    canvas = Canvas(640, 340, source=data.source_line("unsc_votes"))
    first, last, rows = readout.first, readout.last, len(readout.cases)
    ax = canvas.axes(
        left=90,
        top=30,
        xlim=(_year(dt.date(first - 1, 7, 2)), _year(dt.date(last + 1, 7, 2))),
        ylim=(rows - 0.5, -0.5),  # inverted: the first case at the top
        xlabel="Date of the vote (year)",
        xticks=range(first + (-first) % 5, last + 2, 5),  # 1995, 2000, ...
        yticks=list(enumerate(readout.cases)),
        grid="x",
    )
    _title(canvas, ax, "Council votes in this chapter's dataset (a partial list)")
    ax.points(*_xy(readout.points), color="#dddddd", r=3.5)
    ax.points(*_xy(readout.adopted), color=PALETTE[0], r=4, label="adopted resolution")
    ax.points(*_xy(readout.not_adopted), color=PALETTE[3], r=4.5, marker="x", label="draft not adopted")
    ax.points(*_xy(readout.r2p), color=PALETTE[2], r=8, marker="O", label="refers to R2P (confirmed)")
    ax.vline(readout.year + 1, color="#444", width=1, dash="--")  # the end of the chosen year
    ax.legend(loc="lower left")
    return canvas.svg(readout.alt, uid="r2p-timeline")
