"""The printable edition (print/index.html) shows every figure, including each widget's saved view.

The expected numbers come from the chapter notebooks: the static figures the chapter pages
show (image outputs) plus one still figure per saved widget view.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter

import nbformat
import pytest

from conftest import ROOT, SITE
from test_site import open_page

pytestmark = [pytest.mark.browser, pytest.mark.site]

VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"
CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))


def chapter_figures(stem: str) -> tuple[int, list[str]]:
    """(static figures, the ``sin-<name>`` class of each widget view in order) of a chapter."""
    nb = nbformat.read(ROOT / "chapters" / f"{stem}.ipynb", as_version=4)
    state = nb.metadata.get("widgets", {}).get(STATE, {}).get("state", {})
    static, widgets = 0, []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            data = output.get("data", {})
            if VIEW in data:
                classes = state[data[VIEW]["model_id"]]["state"].get("_dom_classes", [])
                names = [c for c in classes if c.startswith("sin-") and c != "sin-widget"]
                widgets.append(names[0] if names else "")
            elif any(mime.startswith("image/") for mime in data):
                static += 1
    return static, widgets


# Every figure on the page, raster or inline SVG, with its alt text (an SVG's aria-label or <title>).
FIGURES_JS = """() => {
  const main = document.querySelector('main') || document.body;
  const svgs = [...main.querySelectorAll('svg')].filter(s => !s.parentElement.closest('svg')
      && s.getBoundingClientRect().width > 100);
  const imgs = [...main.querySelectorAll('img')];
  return {
    imgs: imgs.map(i => ({alt: (i.getAttribute('alt') || '').trim(), decoded: i.complete && i.naturalWidth > 50,
                          size: [i.naturalWidth, i.naturalHeight]})),
    svgs: svgs.map(s => ({alt: (s.getAttribute('aria-label') || s.querySelector('title')?.textContent || '').trim()})),
  };
}"""


def test_print_edition_shows_every_figure_and_prints_them(browser, site_url, tmp_path):
    assert (SITE / "print" / "index.html").exists(), "make book builds the one-page edition into print/"
    expected_static, expected_widgets = 0, {}
    for stem in CHAPTERS:
        static, widgets = chapter_figures(stem)
        expected_static += static
        expected_widgets[stem] = widgets
    n_widgets = sum(len(w) for w in expected_widgets.values())
    expected = expected_static + n_widgets
    assert n_widgets > 0 and expected_static > 0, "the chapters saved no figures: the count would prove nothing"

    context, page, problems = open_page(browser, f"{site_url}/print/index.html")
    found = page.evaluate(FIGURES_JS)
    figures = found["imgs"] + found["svgs"]
    print(
        f"print page: {len(found['imgs'])} img + {len(found['svgs'])} svg figures; expected at least "
        f"{expected} ({expected_static} static + {n_widgets} widgets)"
    )
    assert len(figures) >= expected, f"print page shows {len(figures)} figures, the chapters {expected}"
    assert all(f["alt"] for f in figures), "a figure on the print page has no alt text"
    assert all(i["decoded"] for i in found["imgs"]), "an image on the print page did not decode"

    # Each widget stands as a still figure, in the chapter's order, linked to its online chapter;
    # no unrendered widget view and no control is left on the page.
    assert page.locator(f"script[type='{VIEW}']").count() == 0, "widget views left unrendered"
    stills = page.locator("figure.sin-print-widget")
    assert stills.count() == n_widgets, f"{stills.count()} still widget figures for {n_widgets} widgets"
    assert stills.locator("input, select, button").count() == 0, "controls printed"
    rows = stills.evaluate_all("""els => els.map(e => ({
        names: [...e.classList].filter(c => c.startsWith('sin-') && !['sin-widget', 'sin-print-widget'].includes(c)),
        figures: e.querySelectorAll('img.sin-figure, svg.sin-figure, .sin-print-output svg').length,
        message: (e.querySelector('.sin-print-message')?.innerText || '').trim(),
        caption: e.querySelector('figcaption')?.innerText || '',
        href: e.querySelector('figcaption a')?.getAttribute('href') || ''}))""")
    for stem, widgets in expected_widgets.items():
        mine = [r for r in rows if r["href"] == f"../chapters/{stem}.html"]
        assert [(r["names"] or [""])[0] for r in mine] == widgets, f"{stem}: widget figures out of order or missing"
        for row in mine:
            assert row["figures"] >= 1, f"{stem}: a widget printed without its figure"
            assert row["message"], f"{stem}: a widget printed without its sentence"
            assert "interactive in the online chapter" in row["caption"].lower()
        # The link leads to the chapter page.
        assert page.request.get(f"{site_url}/chapters/{stem}.html").ok

    pdf_path = tmp_path / "print.pdf"
    page.pdf(path=str(pdf_path), format="A4")  # as a browser prints by default
    assert problems == [], "\n".join(problems)
    context.close()

    pdfimages = shutil.which("pdfimages")
    if pdfimages is None:
        pytest.fail("poppler-utils is not installed: run `make chromium` (make test does this)")
    listing = subprocess.run(
        [pdfimages, "-list", str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    # Rows after the two header lines: page num type width height ...; soft masks (alpha
    # channels) are not figures. Chromium embeds a raster figure at its own pixel size, and
    # may rasterise some page decoration too, so match each figure by its size.
    rows = [line.split() for line in listing[2:] if line.split()]
    in_pdf = Counter((int(r[3]), int(r[4])) for r in rows if r[2] == "image")
    wanted = Counter(tuple(i["size"]) for i in found["imgs"])
    missing = wanted - in_pdf
    print(
        f"PDF: {sum(in_pdf.values())} images, {sum((wanted & in_pdf).values())} of the page's "
        f"{len(found['imgs'])} raster figures found by size"
    )
    assert not missing, f"figures missing from the PDF (width, height: count): {dict(missing)}"
    # Inline SVG figures print as vector drawings, which pdfimages does not list.
    assert len(found["imgs"]) >= expected - len(found["svgs"])
