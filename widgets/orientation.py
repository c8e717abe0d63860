"""The orientation chapter's one widget: NATO's membership, year by year.

Deliberately small: one slider, one figure, one sentence, so that a newcomer
learns how a course widget behaves (and how a component is built) before
meeting the models of later chapters.
"""

from __future__ import annotations

from widgets.component import Component, Control
from widgets.pictures.orientation import picture_membership
from widgets.readouts.orientation import nato_membership
from widgets.tables.orientation import span

FIRST, LAST = span()


class NatoMembership(Component):
    """Year slider -> step chart of NATO's size with the chosen year marked."""

    name = "nato-membership"
    controls = (Control("year", "int", "Year", 1999, bounds=(FIRST, LAST, 1)),)
    readout = nato_membership
    picture = picture_membership
