"""Exercises of the orientation chapter ("How to use this course")."""

from widgets import data
from widgets.check import Exercise
from widgets.models import membership

MEMBERS_1990 = Exercise(
    id="orientation-members-1990",
    expected=lambda: membership.members_at_end_of(data.load("nato_members")["accession_date"], 1990),
    kind="number",
    hint="move the slider to 1990 and read the sentence under the figure, or count the "
    "states in the table whose accession date is on or before 31 December 1990.",
)

#: The chapter's exercises, in the order the chapter asks them (what `widgets.check` reads).
EXERCISES = (MEMBERS_1990,)
