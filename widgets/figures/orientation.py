"""The orientation chapter's figure: NATO's size as a step chart, one year marked."""

from __future__ import annotations

from matplotlib.figure import Figure

from widgets import data, ui


def draw_waves(fig: Figure, waves: tuple[tuple[int, int], ...]) -> None:
    """Bar chart of the states joining in each enlargement round (the static figure)."""
    years, sizes = zip(*waves)
    ax = fig.add_subplot()
    bars = ax.bar([str(y) for y in years], sizes, color=ui.PALETTE[0])
    ax.set_xlabel(f"Year joined ({years[0]}: the twelve founders)")
    ax.set_ylabel("States joining (count)")
    ax.bar_label(bars)
    ax.set_ylim(0, 14)
    ui.source_note(fig, data.source_line("nato_members"))
