"""The alliances chapter's widgets: the alliance network, NATO's waves, extended deterrence.

Each is a :class:`~widgets.component.Component`: a control table here, a pure
readout in :mod:`widgets.readouts.alliances`, a drawing in
:mod:`widgets.figures.alliances`. The figure is drawn once; a control change
moves only its dynamic artists (rendered with :class:`widgets.ui.Blitter`).
"""

from __future__ import annotations

from widgets import ui
from widgets.component import Component, Control
from widgets.figures.alliances import WavesChart, draw_deterrence_line, draw_network, draw_waves
from widgets.readouts.alliances import extended_deterrence, network_in, waves_by
from widgets.tables.alliances import START, last_year, network_states
from widgets.tables.orientation import span as nato_span

LAST = last_year()


class AllianceNetwork(Component):
    """Year slider and state menu -> the network of alliance links that year."""

    name = "alliance-network"
    controls = (
        Control("year", "int", "Year", 1960, bounds=(START, LAST, 1)),
        Control("state", "choice", "State", "United States", choices=network_states),
    )
    readout = network_in
    draw = draw_network
    figsize = (7.2, 5.9)
    colors = 128

    def select(self, state: str, year: int) -> bool:
        """Draw ``year`` with ``state`` highlighted; a bad value leaves the figure as it was."""
        return ui.guarded(self.message, lambda: self.render(network_in(year=year, state=state)))


class NatoWaves(Component):
    """Year slider -> NATO's members as a strip chart by enlargement wave, joined ones highlighted."""

    name = "nato-waves"
    controls = (Control("year", "int", "Year", 1999, bounds=(*nato_span(), 1)),)  # founding to the data's year
    readout = waves_by
    draw = draw_waves

    def setup(self, result) -> None:
        self.figsize = (7.6, 0.26 * WavesChart.lines(result) + 0.9)  # one text line per row of names
        super().setup(result)

    def show(self, year) -> bool:
        """Highlight the members that joined by the end of ``year``; a bad year shows a message."""
        return ui.guarded(self.message, lambda: self.render(waves_by(year)))


class AllianceDeterrence(Component):
    """Ally strength, reliability, cost of war, prize, defender -> deterred or not, and EU(attack) against r."""

    name = "alliance-deterrence"
    controls = (
        Control("reliability", "float", "Reliability r", 0.5, bounds=(0, 1, 0.01), readout_format=".2f"),
        Control("ally", "float", "Ally strength A", 2.0, bounds=(0, 5, 0.1), readout_format=".2f"),
        Control("cost", "float", "Cost of war C", 0.35, bounds=(0, 1.5, 0.05), readout_format=".2f"),
        Control("defender", "float", "Defender strength D", 0.5, bounds=(0, 3, 0.1), readout_format=".2f"),
        Control("prize", "text", "Prize V", "1", width="160px"),
    )
    readout = extended_deterrence
    draw = draw_deterrence_line

    def outputs(self):
        self.explanation = ui.Message()  # the model's paragraph, under the verdict
        return [self.figure_pane, self.message, self.explanation]

    def render(self, result) -> None:
        if self.chart.fit(result):  # a large prize or cost: the axis widened (a static part)
            self.blitter.refresh()
        super().render(result)
        self.explanation.say(result.explanation)


__all__ = ["AllianceNetwork", "NatoWaves", "AllianceDeterrence"]
