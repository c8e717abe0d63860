"""Accessibility of the built site: axe-core (vendored) in Chromium on every page."""

from __future__ import annotations

import pytest

from conftest import ROOT
from test_site import PAGES, open_page

pytestmark = [pytest.mark.browser, pytest.mark.site]

AXE = ROOT / "vendor" / "_dist" / "tools" / "axe-core" / "axe.min.js"

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'critical' || v.impact === 'serious')
    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


@pytest.mark.parametrize("path", PAGES)
def test_no_critical_or_serious_axe_violations(browser, site_url, path):
    assert AXE.exists(), "axe-core is not vendored: run `python3 scripts/vendor.py`"
    context, page, _ = open_page(browser, f"{site_url}/{path}")
    # Widgets render after load; let them finish (and get their labels) before axe looks.
    page.wait_for_function(
        """() => Array.from(document.querySelectorAll('.noUi-handle'))
        .every(h => h.getAttribute('aria-label'))""",
        timeout=30000,
    )
    page.wait_for_timeout(1000)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(RUN_AXE)
    context.close()
    assert violations == [], f"{path}:\n" + "\n".join(violations)


@pytest.mark.parametrize("path", PAGES)
def test_every_image_has_alt_text(browser, site_url, path):
    context, page, _ = open_page(browser, f"{site_url}/{path}")
    missing = page.evaluate("""() => Array.from(document.querySelectorAll('main img'))
        .filter(img => !(img.getAttribute('alt') || '').trim())
        .map(img => (img.getAttribute('src') || '').slice(0, 80))""")
    context.close()
    assert missing == [], f"{path}: images without alt text: {missing}"
