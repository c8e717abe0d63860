"""The orientation widget, driven in-process as a student would drive it."""

from __future__ import annotations

from widgets import ui
from widgets.models.inputs import InputError
from widgets.orientation import NatoMembership


def test_moving_the_slider_updates_sentence_and_figure():
    w = NatoMembership(year=1999)
    assert "At the end of <b>1999</b>, NATO had <b>19</b> members" in w.message.value
    assert "Czechia, Hungary, Poland" in w.message.value
    before = w.figure_pane.value
    w.year.value = 2004
    assert "NATO had <b>26</b> members" in w.message.value  # 19 + 7 on 29 March 2004
    assert w.figure_pane.value != before
    assert 'aria-label="Step chart of NATO' in w.figure_pane.value
    assert "with 2004 marked at 26 members" in w.figure_pane.value  # the alt text follows the year


def test_a_year_with_no_accession_says_so():
    w = NatoMembership(year=1960)
    assert "No state joined that year" in w.message.value


def test_stable_css_classes_for_browser_tests():
    view = NatoMembership()
    assert {"sin-widget", "sin-nato-membership"} <= set(view._dom_classes)


def test_guarded_shows_a_message_not_a_traceback():
    message = ui.Message()

    def bad():
        raise InputError("credibility must be a probability between 0 and 1; got 1.4.")

    assert ui.guarded(message, bad) is False
    assert "between 0 and 1; got 1.4" in message.value and 'role="alert"' in message.value

    def broken():
        raise ZeroDivisionError("division by zero")

    assert ui.guarded(message, broken) is False
    assert "Something went wrong" in message.value and "Traceback" not in message.value
