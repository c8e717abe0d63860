"""Class scale: with a sample jupyterhub_url, every chapter page carries an nbgitpuller link.

The site is built once more (into a temporary folder) from _config.yml with only
launch_buttons.jupyterhub_url set. Each chapter's JupyterHub link must pull the
course repository (repository.url), the `learner` branch the Pages workflow
publishes, and open that chapter's learner copy; the Binder link must open the
same copy from the repository's main branch.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

HUB = "https://hub.example.edu"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))


@pytest.fixture(scope="module")
def hub_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hub")
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["launch_buttons"]["jupyterhub_url"] = HUB
    # Paths in the configuration are read relative to it; keep them pointing at the repository.
    config["sphinx"]["local_extensions"] = {k: str(ROOT / v) for k, v in config["sphinx"]["local_extensions"].items()}
    (out / "_config.yml").write_text(yaml.safe_dump(config))
    book = Path(sys.executable).parent / "jupyter-book"
    done = subprocess.run(
        [str(book), "build", str(ROOT), "--config", str(out / "_config.yml"), "--path-output", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out / "_build" / "html"


@pytest.mark.parametrize("stem", CHAPTERS)
def test_every_chapter_has_an_nbgitpuller_link_to_its_learner_copy(hub_site, stem):
    repo_url = CONFIG["repository"]["url"].rstrip("/")
    repo_name = repo_url.rsplit("/", 1)[-1]
    branch = CONFIG["sphinx"]["config"].get("course_learner_branch", "learner")
    soup = BeautifulSoup((hub_site / "chapters" / f"{stem}.html").read_text(), "html.parser")
    hub_links = [a["href"] for a in soup.select(".dropdown-launch-buttons a[href]") if "git-pull" in a["href"]]
    assert len(hub_links) == 1, f"{stem}: {len(hub_links)} JupyterHub links"
    parts = urlsplit(hub_links[0])
    assert f"{parts.scheme}://{parts.netloc}" == HUB and parts.path == "/hub/user-redirect/git-pull"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query == {"repo": repo_url, "branch": branch, "urlpath": f"lab/tree/{repo_name}/student/{stem}.ipynb"}, query
    binder = [a["href"] for a in soup.select(".dropdown-launch-buttons a[href*='mybinder.org']")]
    org_repo = repo_url.split("github.com/")[1]
    assert binder == [
        f"https://mybinder.org/v2/gh/{org_repo}/{CONFIG['repository']['branch']}?urlpath=lab/tree/student/{stem}.ipynb"
    ], binder
