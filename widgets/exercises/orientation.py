"""Exercises of the orientation chapter ("How to use this course")."""

from widgets import data
from widgets.check import Exercise
from widgets.models import membership


def members_at_end_of(year: int) -> int:
    """NATO's size at the end of ``year``, from the chapter's dataset (what the widget's sentence says)."""
    return membership.members_at_end_of(data.load("nato_members")["accession_date"], year)


MEMBERS_1990 = Exercise(
    id="orientation-members-1990",
    expected=lambda: members_at_end_of(1990),
    kind="number",
    hint="move the slider to 1990 and read the sentence under the figure, or count the "
    "states in the table whose accession date is on or before 31 December 1990.",
)

JOINED_2000S = Exercise(
    id="orientation-joined-2000s",
    expected=lambda: members_at_end_of(2009) - members_at_end_of(1999),
    kind="number",
    hint="the sentence under the widget's figure gives NATO's size at the end of the year you chose: "
    "read it at 1999 and at 2009 and take the difference, then check it against the bars of the "
    "rounds in between.",
)

#: The chapter's exercises, in the order the chapter asks them (what `widgets.check` reads).
EXERCISES = (MEMBERS_1990, JOINED_2000S)
