"""Each chapter's widgets on the built site: figure, alt text and message as saved."""

from __future__ import annotations

import pytest

from test_site import open_page

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.mark.parametrize(
    "chapter, name, alt_words, message_words",
    [
        ("deterrence", "sin-deterrence-calculus", "expected utility of attacking", "Deterred"),
        ("deterrence", "sin-deterrence-game-and-screening", "deterrence game tree", "Outcome: Status quo"),
        ("deterrence", "sin-deterrence-game-and-screening", "belief q", "The challenger is deterred"),
        ("deterrence", "sin-chicken-and-brinkmanship", "cumulative risk", "Standing firm for 10 steps"),
        ("arms_control", "sin-arms-control-stockpiles", "estimated nuclear warhead stockpile", "9,614 in 2025"),
        ("arms_control", "sin-new-start-check", "three New START counts", "Complies"),
        ("arms_control", "sin-inspection-game", "detection probability", "p = 0.5"),
    ],
)
def test_widget_renders_with_its_saved_state(browser, site_url, chapter, name, alt_words, message_words):
    context, page, problems = open_page(browser, f"{site_url}/chapters/{chapter}.html")
    widget = page.locator(f".jupyter-widgets.{name}")
    widget.wait_for(state="visible", timeout=15000)
    figure = widget.locator(".sin-figure").first  # a PNG <img> (matplotlib) or a picture's <svg>
    assert figure.is_visible()
    assert alt_words in (figure.get_attribute("alt") or figure.get_attribute("aria-label"))
    size = "f => f.tagName === 'IMG' ? f.naturalWidth : f.getBoundingClientRect().width"
    assert figure.evaluate(size) > 100, "the widget's figure did not decode"
    assert message_words in widget.locator(".sin-message").first.inner_text()
    assert problems == []
    context.close()
