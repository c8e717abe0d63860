"""The Deterrence page on the built site: its three widgets show their saved state offline."""

from __future__ import annotations

import pytest

from test_site import open_page

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.mark.parametrize("name, alt_words, message_words", [
    ("sin-deterrence-calculus", "expected utility of attacking", "Deterred"),
    ("sin-deterrence-game", "deterrence game tree", "Outcome: Status quo"),
    ("sin-deterrence-screening", "belief q", "The challenger is deterred"),
    ("sin-brinkmanship", "cumulative risk", "Standing firm for 10 steps"),
])
def test_deterrence_widgets_render(browser, site_url, name, alt_words, message_words):
    context, page, problems = open_page(browser, f"{site_url}/chapters/deterrence.html")
    widget = page.locator(f".jupyter-widgets.{name}")
    widget.wait_for(state="visible", timeout=15000)
    figure = widget.locator("img.sin-figure")
    assert figure.is_visible()
    assert alt_words in figure.get_attribute("alt")
    assert figure.evaluate("img => img.naturalWidth") > 100, "the widget's figure did not decode"
    assert message_words in widget.locator(".sin-message").first.inner_text()
    assert problems == []
    context.close()


def test_chicken_table_and_equilibria_render(browser, site_url):
    context, page, problems = open_page(browser, f"{site_url}/chapters/deterrence.html")
    widget = page.locator(".jupyter-widgets.sin-chicken")
    widget.wait_for(state="visible", timeout=15000)
    assert "Column: Straight" in widget.inner_text()
    assert "Mixed equilibrium" in widget.locator(".sin-message").inner_text()
    assert problems == []
    context.close()
