"""The alliances chapter's widgets: the alliance network, NATO's waves, extended deterrence.

Each is a :class:`~widgets.component.Component`: a control table here, a pure
readout in :mod:`widgets.readouts.alliances`, a picture (SVG drawn by the
standard library) in :mod:`widgets.pictures.alliances`. The same readout and
picture run in the kernel and, on the static site, in the browser.
"""

from __future__ import annotations

from widgets import ui
from widgets.component import Component, Control
from widgets.pictures.alliances import picture_deterrence, picture_network, picture_waves
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
    picture = picture_network

    def select(self, state: str, year: int) -> bool:
        """Draw ``year`` with ``state`` highlighted; a bad value leaves the figure as it was."""
        return ui.guarded(self.message, lambda: self.render(network_in(year=year, state=state)))


class NatoWaves(Component):
    """Year slider -> NATO's members as a strip chart by enlargement wave, joined ones highlighted."""

    name = "nato-waves"
    controls = (Control("year", "int", "Year", 1999, bounds=(*nato_span(), 1)),)  # founding to the data's year
    readout = waves_by
    picture = picture_waves

    def show(self, year) -> bool:
        """Highlight the members that joined by the end of ``year``; a bad year shows a message."""
        return ui.guarded(self.message, lambda: self.render(waves_by(year)))


class AllianceDeterrence(Component):
    """Ally strength, reliability, cost of war, prize, defender -> deterred or not, and EU(attack) against r.

    The sentence gives the verdict, then the model's paragraph on a second line.
    """

    name = "alliance-deterrence"
    controls = (
        Control("reliability", "float", "Reliability r", 0.5, bounds=(0, 1, 0.01), readout_format=".2f"),
        Control("ally", "float", "Ally strength A", 2.0, bounds=(0, 5, 0.1), readout_format=".2f"),
        Control("cost", "float", "Cost of war C", 0.35, bounds=(0, 1.5, 0.05), readout_format=".2f"),
        Control("defender", "float", "Defender strength D", 0.5, bounds=(0, 3, 0.1), readout_format=".2f"),
        Control("prize", "text", "Prize V", "1", width="160px"),
    )
    readout = extended_deterrence
    picture = picture_deterrence


__all__ = ["AllianceNetwork", "NatoWaves", "AllianceDeterrence"]
