"""Citations: one written form that reads the same in JupyterLab and on the site.

A chapter cites as ``([Jervis 1979](../bibliography.md#jervis1979deterrence))``.
The text must be the entry's label (checked here for every chapter, and by the
build through ``_ext/citations.py``), every key must exist, and no MyST
``{cite}`` role (which JupyterLab cannot resolve) may remain.
"""

from __future__ import annotations

import json
import sys

import pytest
from pybtex.database import Entry, Person

from conftest import ROOT

sys.path.insert(0, str(ROOT / "_ext"))
from citations import LINK, ROLE, convert, distinct_labels, label, labels, problems  # noqa: E402

KNOWN = labels(str(ROOT / "references.bib"))
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
PAGES = sorted(p for p in ROOT.glob("*.md") if p.name not in {"README.md", "CONTRIBUTING.md"})  # the book's pages


def entry(*authors, **fields):
    e = Entry("article", fields={"year": "1966", **fields})
    for a in authors:
        e.add_person(Person(a), "author")
    return e


def test_labels_follow_author_year_by_hand():
    assert label(entry("Jervis, Robert", year="1979")) == "Jervis 1979"
    assert label(entry("Olson, Mancur", "Zeckhauser, Richard")) == "Olson and Zeckhauser 1966"
    assert label(entry("Leeds, Brett Ashley", "Ritter, Jeffrey", "Mitchell, Sara")) == "Leeds et al. 1966"
    assert label(entry("van Ypersele de Strihou, Jacques")) == "van Ypersele de Strihou 1966"
    assert label(entry("{North Atlantic Treaty Organization}", shortauthor="NATO", year="1949")) == "NATO 1949"
    with pytest.raises(ValueError, match="no author"):
        label(Entry("misc", fields={"year": "2000"}))


def test_labels_that_would_repeat_take_letters_in_the_order_of_their_titles():
    entries = {
        "r1": entry("{Reuters}", year="2011", title="Zebra report"),
        "r2": entry("{Reuters}", year="2011", title="Alpha report"),
        "r3": entry("{Reuters}", year="2012", title="Other year"),
        "j": entry("Jervis, Robert", year="1979", title="Deterrence theory revisited"),
        "n1": entry("{NATO}", year="n.d.", title="Funding"),
        "n2": entry("{NATO}", year="n.d.", title="Enlargement"),
        "c": entry("{China's Mission}", year="2011", title="Vote"),
    }
    assert distinct_labels(entries) == {
        "r1": "Reuters 2011b",
        "r2": "Reuters 2011a",
        "r3": "Reuters 2012",
        "j": "Jervis 1979",
        "n1": "NATO n.d.-b",
        "n2": "NATO n.d.-a",
        "c": "China\u2019s Mission 2011",  # as Sphinx's smart quotes print it on the site
    }
    assert len(set(KNOWN.values())) == len(KNOWN)  # no two entries of the course read alike


def test_roles_become_links_and_unknown_keys_are_refused():
    known = {"a": "Alpha 2000", "b": "Beta and Gamma 2001"}
    assert convert("as shown {cite}`a, b`.", known) == (
        "as shown ([Alpha 2000](../bibliography.md#a); [Beta and Gamma 2001](../bibliography.md#b))."
    )
    assert convert("{cite:p}`a`", known) == "([Alpha 2000](../bibliography.md#a))"
    assert convert("([Alfa 1999](../bibliography.md#a))", known) == "([Alpha 2000](../bibliography.md#a))"
    with pytest.raises(KeyError, match="zzz"):
        convert("{cite}`zzz`", known)
    assert problems("[Alfa 2000](../bibliography.md#a) [X 1](../bibliography.md#q)", known) == [
        "citation of 'a' reads 'Alfa 2000'; the bibliography says 'Alpha 2000'",
        "citation of 'q': no such key in references.bib",
    ]


def markdown(path):
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


@pytest.mark.parametrize("path", CHAPTERS + PAGES, ids=lambda p: p.name)
def test_every_citation_reads_as_its_bibliography_entry(path):
    text = markdown(path)
    assert not ROLE.search(text), f"{path.name}: a {{cite}} role is left (run scripts/citations.py)"
    assert problems(text, KNOWN) == [], path.name


def test_every_chapter_cites_and_every_entry_is_cited():
    cited = {key for path in CHAPTERS + PAGES for _, key in LINK.findall(markdown(path))}
    for path in CHAPTERS:
        assert LINK.search(markdown(path)), f"{path.name} cites nothing"
    # The bibliography page lists every entry (:all:), so each must be cited somewhere.
    assert sorted(set(KNOWN) - cited) == []


def build(tmp_path, chapter_text):
    """Build a two-page Sphinx project with the course's citation extension."""
    from sphinx.application import Sphinx

    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True)
    (src / "conf.py").write_text(
        f"import sys; sys.path.insert(0, {str(ROOT / '_ext')!r})\n"
        "extensions = ['myst_parser', 'sphinxcontrib.bibtex', 'citations']\n"
        f"bibtex_bibfiles = [{str(ROOT / 'references.bib')!r}]\n"
        "bibtex_cite_id = '{key}'\n"
        "bibtex_reference_style = 'author_year'\n",
        encoding="utf-8",
    )
    (src / "index.md").write_text("# Index\n\n```{toctree}\nchapters/one\nbibliography\n```\n", encoding="utf-8")
    (src / "bibliography.md").write_text("# Bibliography\n\n```{bibliography}\n:all:\n```\n", encoding="utf-8")
    (src / "chapters" / "one.md").write_text(f"# One\n\n{chapter_text}\n", encoding="utf-8")
    out, warnings = tmp_path / "out", tmp_path / "warnings.txt"
    with open(warnings, "w") as stream:
        Sphinx(str(src), str(src), str(out), str(tmp_path / "doctrees"), "html", warning=stream, status=None).build()
    return out, warnings.read_text()


def test_the_build_links_each_citation_to_its_entry(tmp_path):
    out, warnings = build(tmp_path, "As argued ([Jervis 1979](../bibliography.md#jervis1979deterrence)).")
    assert "citation of" not in warnings
    page = (out / "chapters" / "one.html").read_text(encoding="utf-8")
    assert 'href="../bibliography.html#jervis1979deterrence">Jervis 1979</a>' in page
    assert 'id="jervis1979deterrence"' in (out / "bibliography.html").read_text(encoding="utf-8")


def test_the_build_warns_when_the_text_drifts_from_the_entry(tmp_path):
    _, warnings = build(
        tmp_path,
        "([Jervis 1978](../bibliography.md#jervis1979deterrence)) ([Nobody 2000](../bibliography.md#nokey2000)).",
    )
    assert "citation of 'jervis1979deterrence' reads 'Jervis 1978'; the bibliography says 'Jervis 1979'" in warnings
    assert "citation of 'nokey2000': no such key in references.bib" in warnings
