"""Shared fixtures: paths, a temporary HOME, the built site served on 127.0.0.1,
and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests are reproducible in CI: same examples every run, no database.
# Timing is not a property of the code: a loaded 2-core machine must not fail them.
settings.register_profile(
    "course", derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("course")

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session", autouse=True)
def quiet_home(tmp_path_factory):
    """Kernels, matplotlib and Chromium write to $HOME: keep them in a temporary one."""
    home = tmp_path_factory.mktemp("home")
    saved = {k: os.environ.get(k) for k in ("HOME", "MPLCONFIGDIR", "JUPYTER_RUNTIME_DIR")}
    os.environ["HOME"] = str(home)
    os.environ["MPLCONFIGDIR"] = str(home / "mpl")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
    yield home
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser closing a connection early is not a test failure


@pytest.fixture(scope="session")
def site_url():
    """Serve _build/html on 127.0.0.1 for the duration of the session."""
    if not (SITE / "index.html").exists():
        pytest.fail("the site is not built: run `make book` first (make test does this)")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(quiet_home):
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is not installed: run `make test` (it installs it) or `apt-get install chromium`"
        )
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


#: Modules whose every test runs notebooks, builds a site or builds environments: marked ``slow`` here,
#: so `make test-fast` (``-m "not slow and not site and not browser"``) skips them.
SLOW_MODULES = {"test_binder.py", "test_student.py", "test_hub_links.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in SLOW_MODULES or item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.slow)
