"""The orientation chapter's one widget: NATO's membership, year by year.

Deliberately small: one slider, one figure, one sentence, so that a newcomer
learns how a course widget behaves before meeting the models of later chapters.
"""

from __future__ import annotations

import ipywidgets as W

from widgets import data, ui
from widgets.models import membership

FIRST, LAST = 1949, 2026


class NatoMembership:
    """Year slider -> step chart of NATO's size with the chosen year marked."""

    def __init__(self, year: int = 1999):
        self.table = data.load("nato_members")
        self.counts = membership.counts_by_year(self.table["accession_date"], FIRST, LAST)
        self.year = W.IntSlider(
            value=year,
            min=FIRST,
            max=LAST,
            step=1,
            description="Year",
            continuous_update=False,
            style=ui.slider_style(),
        )
        self.year.add_class("sin-control")
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        self.year.observe(lambda change: self.update(), names="value")
        self.view = ui.panel("nato-membership", [self.year], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(6.4, 3.2)
        ax = self.fig.add_subplot()
        ax.step(self.counts.index, self.counts.values, where="post", color=ui.PALETTE[0], lw=2)
        ax.set_xlabel("Year")
        ax.set_ylabel("Member states (end of year)")
        ax.set_xlim(FIRST - 1, LAST + 1)
        ax.set_ylim(0, 35)
        ax.grid(alpha=0.3)
        ax.set_title("NATO member states, 1949–2026")
        self.marker = ax.axvline(FIRST, color=ui.PALETTE[3], lw=1.5, ls="--")
        (self.point,) = ax.plot([], [], "o", color=ui.PALETTE[3], ms=8)
        ui.source_note(self.fig, data.source_line("nato_members"))
        self.blitter = ui.Blitter(self.fig, [self.marker, self.point])

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        year = self.year.value
        count = membership.members_at_end_of(self.table["accession_date"], year)
        self.marker.set_xdata([year, year])
        self.point.set_data([year], [count])
        joined = membership.joined_in(self.table, year)
        news = f" Joined that year: {', '.join(joined)}." if joined else " No state joined that year."
        self.message.say(f"At the end of <b>{year}</b>, NATO had <b>{count}</b> members.{news}")
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Step chart of NATO's membership from 1949 to 2026, rising "
                f"from 12 to 32 members, with {year} marked at {count} members."
            ),
        )


def nato_membership(year: int = 1999) -> W.VBox:
    """Build and return the widget (what a notebook displays)."""
    return NatoMembership(year).view
