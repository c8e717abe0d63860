"""The Arms control page on the built site: its three widgets show their saved state offline."""

from __future__ import annotations

import pytest

from test_site import open_page

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.mark.parametrize("name, alt_words, message_words", [
    ("sin-arms-control-stockpiles", "estimated nuclear warhead stockpile", "9,576 in 2023"),
    ("sin-new-start-check", "three New START counts", "Complies"),
    ("sin-inspection-game", "detection probability", "p = 0.5"),
])
def test_arms_control_widgets_render(browser, site_url, name, alt_words, message_words):
    context, page, problems = open_page(browser, f"{site_url}/chapters/arms_control.html")
    widget = page.locator(f".jupyter-widgets.{name}")
    widget.wait_for(state="visible", timeout=15000)
    figure = widget.locator("img.sin-figure")
    assert figure.is_visible()
    assert alt_words in figure.get_attribute("alt")
    assert figure.evaluate("img => img.naturalWidth") > 100, "the widget's figure did not decode"
    assert message_words in widget.locator(".sin-message").first.inner_text()
    assert problems == []
    context.close()
