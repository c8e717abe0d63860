"""The built site, opened in headless Chromium as a student would open it.

Every page must load with no console error, no failed request and no request
to any host but 127.0.0.1 (the site must work on a network that blocks CDNs);
pages with widgets must render them.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import SITE

pytestmark = [pytest.mark.browser, pytest.mark.site]

PAGES = (
    sorted(
        str(p.relative_to(SITE)) for p in SITE.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts
    )
    if SITE.exists()
    else []
)


def open_page(browser, url: str):
    """Open ``url`` in a fresh profile; return the page and what went wrong."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url} ({r.failure})"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)

    def outside(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")) or host == "127.0.0.1":
            return
        problems.append(f"request to another host: {request.url}")

    page.on("request", outside)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # late console errors from deferred scripts
    return context, page, problems


def test_site_has_the_expected_pages():
    for expected in (
        "index.html",
        "intro.html",
        "chapters/orientation.html",
        "glossary.html",
        "bibliography.html",
        "search.html",
    ):
        assert expected in PAGES, f"{expected} missing from _build/html"


def test_the_site_serves_the_static_files_of_this_checkout():
    """Sphinx copies static files only when a page is out of date: ``make book`` copies them
    itself, so a change to the course's Python or JavaScript alone reaches the site."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    stale = [
        f"{out}/_static/{path.relative_to(source)}"
        for source in (root / "vendor" / "_dist", root / "course_static")
        for path in source.rglob("*")
        if path.is_file()
        for out in (SITE, SITE / "print")
        if (out / "_static" / path.relative_to(source)).read_bytes() != path.read_bytes()
    ]
    assert stale == []


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_offline(browser, site_url, path):
    context, page, problems = open_page(browser, f"{site_url}/{path}")
    context.close()
    assert problems == [], f"{path}:\n" + "\n".join(problems)


def test_orientation_widget_renders(browser, site_url):
    context, page, problems = open_page(browser, f"{site_url}/chapters/orientation.html")
    widget = page.locator(".jupyter-widgets.sin-nato-membership")
    widget.wait_for(state="visible", timeout=15000)
    figure = widget.locator("svg.sin-figure")
    assert figure.is_visible()
    assert "NATO" in figure.get_attribute("aria-label")
    assert figure.bounding_box()["width"] > 300, "the widget's picture did not lay out"
    assert "At the end of" in widget.locator(".sin-message").inner_text()
    # Font Awesome icons used by the widget manager come from our vendored copy.
    assert problems == []
    context.close()


def test_page_with_maths_and_widgets_typesets(browser, site_url):
    context, page, problems = open_page(browser, f"{site_url}/chapters/orientation.html")
    page.locator("mjx-container").first.wait_for(state="attached", timeout=15000)
    assert page.locator(".jupyter-widgets").count() > 0
    assert problems == []
    context.close()


def test_solutions_are_folded(browser, site_url):
    context, page, _ = open_page(browser, f"{site_url}/chapters/orientation.html")
    solution = page.locator(".solution.dropdown, details.solution, .solution.toggle").first
    assert solution.count() == 1, "no folded solution on the orientation page"
    context.close()
