"""Students' journey on the built site: launch, download, solutions, search, print."""

from __future__ import annotations

import re

import nbformat
import pytest

from conftest import ROOT, SITE
from test_site import open_page

pytestmark = [pytest.mark.browser, pytest.mark.site]

CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))


def title(stem: str) -> str:
    nb = nbformat.read(ROOT / "chapters" / f"{stem}.ipynb", as_version=4)
    return next(c.source for c in nb.cells if c.cell_type == "markdown").splitlines()[0].lstrip("# ").strip()


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_page_has_launch_download_and_folded_solutions(browser, site_url, stem):
    context, page, _ = open_page(browser, f"{site_url}/chapters/{stem}.html")
    binder = page.locator(".dropdown-launch-buttons a[href*='mybinder.org']")
    assert binder.count() == 1, f"{stem}: no Binder launch link"
    href = binder.get_attribute("href")
    # Binder opens the learner copy that binder/postBuild writes (solutions removed).
    assert href.endswith(f"urlpath=lab/tree/student/{stem}.ipynb"), href
    download = page.locator(f".dropdown-download-buttons a[href$='{stem}.ipynb']")
    assert download.count() == 1, f"{stem}: no .ipynb download"
    assert (SITE / "_sources" / "chapters" / f"{stem}.ipynb").exists()
    solutions = page.locator(".solution.dropdown")
    assert solutions.count() >= 1, f"{stem}: no folded solution"
    # Folded: the body of the first solution is hidden until the reader opens it.
    body = solutions.first.locator(".solution-content, section").first
    assert not body.is_visible(), f"{stem}: solution is not folded"
    context.close()


def test_search_finds_a_chapter(browser, site_url):
    context, page, problems = open_page(browser, f"{site_url}/search.html?q=deterrence")
    results = page.locator("#search-results li, ul.search li")
    results.first.wait_for(state="attached", timeout=20000)
    links = " ".join(results.all_inner_texts()).lower()
    assert "deterrence" in links
    assert problems == []
    context.close()


def test_printable_edition_holds_every_chapter(browser, site_url):
    assert (SITE / "print" / "index.html").exists(), "make book builds the one-page edition into print/"
    context, page, problems = open_page(browser, f"{site_url}/print/index.html")
    text = page.locator("main").inner_text()
    for stem in CHAPTERS:
        assert title(stem) in text, f"printable edition lacks '{title(stem)}'"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) > 10
    assert problems == []
    context.close()


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_widgets_render_offline(browser, site_url, stem):
    """Every widget a chapter saved shows on its page, with its figure decoded."""
    nb = nbformat.read(ROOT / "chapters" / f"{stem}.ipynb", as_version=4)
    shown = sum(
        1
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    )
    context, page, problems = open_page(browser, f"{site_url}/chapters/{stem}.html")
    widgets = page.locator(".jupyter-widgets.sin-widget")  # a widget may nest panels of its own
    widgets.first.wait_for(state="visible", timeout=20000)
    assert widgets.count() >= shown, f"{stem}: {widgets.count()} of {shown} widgets rendered"
    figures = page.locator(".sin-widget svg.sin-figure")
    assert figures.count() >= shown, f"{stem}: {figures.count()} figures for {shown} widgets"
    unnamed = figures.evaluate_all("svgs => svgs.filter(s => !(s.getAttribute('aria-label') || '').trim()).length")
    flat = figures.evaluate_all("svgs => svgs.filter(s => s.getBoundingClientRect().width < 300).length")
    assert unnamed == 0, f"{stem}: {unnamed} widget pictures have no accessible name"
    assert flat == 0, f"{stem}: {flat} widget pictures did not lay out"
    assert problems == []
    context.close()
