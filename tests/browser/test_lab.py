"""Instructors' journey: each chapter in a real JupyterLab, driven through Chromium.

A tokenless JupyterLab starts on 127.0.0.1 in a temporary HOME, serving a copy
of chapters/ (so autosave can never touch the committed notebooks). For each
chapter the test runs all cells, waits for the kernel to go idle, checks that no
cell shows an error, then moves the slider of the first widget that has one, with the keyboard,
and checks that the widget's output changed. The server and its kernels are
stopped by their process ids.

A second test opens each chapter without running it and reads the markdown as
jupyterlab-myst renders it: no raw MyST ({cite}, {term}, {exercise, {solution,
:class:) may show, and admonitions render as boxes. Screenshots go to
$LAB_SHOTS when it is set.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import psutil
import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

CHAPTERS = sorted(p.name for p in (ROOT / "chapters").glob("*.ipynb"))

ALL_RUN_AND_IDLE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.sessionContext.session) return false;
  const kernel = panel.sessionContext.session.kernel;
  const code = panel.content.widgets.filter(c => c.model.type === 'code');
  return kernel && kernel.status === 'idle' && code.every(c => c.model.executionCount !== null);
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(quiet_home, tmp_path_factory):
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(ROOT / "chapters", root / "chapters")
    port = _free_port()
    log = open(root / "lab.log", "w")
    env = dict(os.environ, MPLBACKEND="module://matplotlib_inline.backend_inline")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--allow-root",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            f"--ServerApp.root_dir={root}",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            if time.time() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield url
    # Stop the kernels and the server by their process ids.
    processes = psutil.Process(server.pid).children(recursive=True) + [psutil.Process(server.pid)]
    for proc in processes:
        try:
            proc.terminate()
        except psutil.NoSuchProcess:
            pass
    gone, alive = psutil.wait_procs(processes, timeout=10)
    for proc in alive:
        proc.kill()
    log.close()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_runs_and_its_first_widget_responds(browser, lab, chapter):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60000)
    # A workspace of its own, reset: JupyterLab would otherwise reopen earlier chapters.
    page.goto(f"{lab}/lab/workspaces/{chapter.removesuffix('.ipynb')}/tree/chapters/{chapter}?reset")
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.sessionContext"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session",
        timeout=60000,
    )
    page.wait_for_function(
        "() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'", timeout=60000
    )
    started = time.perf_counter()
    # Fire and forget: the command's promise can outlive the run (a page.evaluate
    # has no timeout of its own), so completion is polled below instead.
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_function(ALL_RUN_AND_IDLE, timeout=120000, polling=250)
    elapsed = time.perf_counter() - started
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, f"{chapter}: error output:\n" + "\n".join(errors.all_inner_texts())

    # The first widget with a slider (the R2P chapter opens with a vote simulator
    # driven by drop-downs).
    widget = page.locator(".jp-Notebook .sin-widget:visible:has(.noUi-handle)").first
    widget.wait_for(state="visible", timeout=30000)
    handle = widget.locator(".noUi-handle").first
    output = widget.locator(".sin-output").first
    message = widget.locator(".sin-message").first
    before = (output.inner_html(), message.inner_text())
    handle.scroll_into_view_if_needed()
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "([el, old]) => el.innerHTML !== old", arg=[output.element_handle(), before[0]], timeout=15000
    )
    after = (output.inner_html(), message.inner_text())
    assert after != before
    print(f"{chapter}: ran all cells in {elapsed:.1f} s in JupyterLab")
    context.close()


RAW_MYST = ("{cite}", "{term}", "{exercise", "{solution", ":class:")
sys.path.insert(0, str(ROOT / "_ext"))
from citations import labels  # noqa: E402

CITATION_LABELS = labels(str(ROOT / "references.bib")).values()


def _open(browser, lab, chapter):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(f"{lab}/lab/workspaces/md-{chapter.removesuffix('.ipynb')}/tree/chapters/{chapter}?reset")
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.content",
        timeout=60000,
    )
    return context, page


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_markdown_renders_as_myst(browser, lab, chapter):
    context, page = _open(browser, lab, chapter)
    # Every markdown cell rendered (the course's settings render deferred cells too).
    page.wait_for_function(
        """() => {
      const cells = window.jupyterapp.shell.currentWidget.content.widgets.filter(c => c.model.type === 'markdown');
      return cells.length > 0 && cells.every(c => c.rendered && c.node.querySelector(".jp-RenderedHTMLCommon, .jp-RenderedMarkdown, .myst"));
    }""",
        timeout=60000,
        polling=500,
    )
    page.wait_for_timeout(3000)
    text = "\n".join(page.locator(".jp-MarkdownCell .jp-Cell-inputWrapper").all_inner_texts())
    raw = [token for token in RAW_MYST if token in text]
    shots = os.environ.get("LAB_SHOTS")
    if shots:
        page.screenshot(path=os.path.join(shots, f"{chapter.removesuffix('.ipynb')}.png"))
        exercise = page.locator(".jp-MarkdownCell:has-text('Exercise 1')").first
        if exercise.count():
            exercise.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            page.screenshot(path=os.path.join(shots, f"{chapter.removesuffix('.ipynb')}-exercise.png"))
    assert not raw, f"{chapter}: raw MyST shows in JupyterLab: {raw}"
    admonitions = page.locator(
        ".jp-MarkdownCell .jp-MarkdownOutput aside, .jp-MarkdownCell .admonition, .jp-MarkdownCell details"
    )
    assert admonitions.count() >= 1, f"{chapter}: no admonition rendered"
    # Citations read as author-year links, the same text the site shows.
    cited = page.locator(".jp-MarkdownCell a[href*='bibliography.md']").all_text_contents()
    assert cited, f"{chapter}: no citation link rendered"
    assert set(cited) <= set(CITATION_LABELS), (
        f"{chapter}: citations that are not labels: {set(cited) - set(CITATION_LABELS)}"
    )
    context.close()
