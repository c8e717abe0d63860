"""Citations that read the same in JupyterLab and on the site.

The chapters cite as ordinary Markdown links to the bibliography page:
``([Olson and Zeckhauser 1966](../bibliography.md#olson1966economic))``. JupyterLab
(with or without jupyterlab-myst, which cannot read ``references.bib``) shows the
written author-year text as a link, so an instructor's notebook reads like the
site. On the site this extension turns each such link into a link to that
entry of the bibliography page (which lists every entry of ``references.bib``),
and the build fails (a warning under ``-W``) when the key is not in
``references.bib`` or the written text is not the entry's :func:`label`, so the
text can never drift from the bibliography.

:func:`label` and :func:`convert` are plain functions, shared with the tests and
with ``scripts/citations.py`` (which rewrote the earlier ``{cite}`key``` roles).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

BIBLIOGRAPHY = "bibliography"
LINK = re.compile(r"\[([^\]]+)\]\((?:\.\./)?bibliography\.md#([^)\s]+)\)")
ROLE = re.compile(r"\{cite(?::p)?\}`([^`]+)`")


def _plain(name: str) -> str:
    """LaTeX as a reader sees it: braces dropped, accents applied ('Bílková')."""
    from pybtex.richtext import Text

    return Text.from_latex(name).render_as("text")


def label(entry) -> str:
    """'Jervis 1979', 'Olson and Zeckhauser 1966', 'Leeds et al. 2002' for a pybtex entry.

    An entry's ``shortauthor`` field, where present, names the author ('NATO').
    """
    year = entry.fields.get("year") or entry.fields.get("date", "")[:4]
    if not year:
        raise ValueError(f"bibliography entry {entry.key!r} has no year")
    if entry.fields.get("shortauthor"):
        return f"{_plain(entry.fields['shortauthor'])} {year}"
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_plain(" ".join(p.prelast_names + p.last_names)) for p in people]
    if not names:
        raise ValueError(f"bibliography entry {entry.key!r} has no author or editor")
    who = names[0] if len(names) == 1 else f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]} et al."
    return f"{who} {year}"


def _typeset(text: str) -> str:
    """A straight apostrophe as the site prints it: Sphinx's smart quotes turn ' into ’ in the
    page, so a label written with ' would no longer match its entry there."""
    return text.replace("'", "\u2019")


def distinct_labels(entries: dict) -> dict[str, str]:
    """:func:`label` of each entry, with 'a', 'b', ... after the year where labels would repeat.

    Why: three different Reuters reports of 2011 must not read alike. Entries that share a
    label take their letters in the order of their titles (as author-year styles do), so
    adding an unrelated entry never changes a label.
    """
    plain = {key: _typeset(label(entry)) for key, entry in entries.items()}
    shared: dict[str, list[str]] = {}
    for key, text in plain.items():
        shared.setdefault(text, []).append(key)
    for text, keys in shared.items():
        if len(keys) > 1:
            keys.sort(key=lambda k: (_plain(entries[k].fields.get("title", "")).lower(), k))
            dash = "-" if text.endswith("n.d.") else ""  # 'NATO n.d.-a', as APA writes it
            for letter, key in zip("abcdefghijklmnopqrstuvwxyz", keys):
                plain[key] = text + dash + letter
    return plain


@lru_cache(maxsize=4)
def labels(bibfile: str) -> dict[str, str]:
    """Every key of ``bibfile`` with the text a citation of it must show."""
    from pybtex.database import parse_file

    return distinct_labels(dict(parse_file(bibfile).entries.items()))


def link(key: str, known: dict[str, str], page: str = "../bibliography.md") -> str:
    return f"[{known[key]}]({page}#{key})"


def convert(text: str, known: dict[str, str], page: str = "../bibliography.md") -> str:
    """Rewrite ``{cite}`a,b``` roles as parenthesised citation links to ``page`` (the
    bibliography as seen from the file), and give existing citation links their
    entry's current label."""

    def one(match: re.Match) -> str:
        keys = [k.strip() for k in match.group(1).split(",")]
        missing = [k for k in keys if k not in known]
        if missing:
            raise KeyError(f"not in references.bib: {', '.join(missing)}")
        return "(" + "; ".join(link(k, known, page) for k in keys) + ")"

    def relabel(match: re.Match) -> str:
        written, key = match.groups()
        return match.group(0).replace(f"[{written}]", f"[{known[key]}]", 1) if key in known else match.group(0)

    return LINK.sub(relabel, ROLE.sub(one, text))


def problems(text: str, known: dict[str, str]) -> list[str]:
    """What is wrong with the citation links in ``text`` (empty when all is well)."""
    found = []
    for written, key in LINK.findall(text):
        if key not in known:
            found.append(f"citation of {key!r}: no such key in references.bib")
        elif written != known[key]:
            found.append(f"citation of {key!r} reads {written!r}; the bibliography says {known[key]!r}")
    return found


def setup(app):
    from docutils import nodes
    from sphinx import addnodes
    from sphinx.transforms.post_transforms import SphinxPostTransform
    from sphinx.util import logging

    logger = logging.getLogger(__name__)

    class BibliographyLinks(SphinxPostTransform):
        """Point citation links at their bibliography entry (before myst resolves them)."""

        default_priority = 5  # the references resolver runs at 10

        def run(self) -> None:
            env = self.env
            known = labels(str(Path(env.srcdir) / env.config.bibtex_bibfiles[0]))
            ids = _entry_ids(env)
            for ref in list(self.document.findall(addnodes.pending_xref)):
                if ref.get("refdomain") != "doc" or ref.get("reftarget") != BIBLIOGRAPHY:
                    continue
                key = ref.get("reftargetid")
                if not key:
                    continue
                written = ref.astext()
                if key not in known or key not in ids:
                    logger.warning(f"citation of {key!r}: no such key in references.bib", location=ref)
                    continue
                if written != known[key]:
                    logger.warning(
                        f"citation of {key!r} reads {written!r}; the bibliography says {known[key]!r}", location=ref
                    )
                if self.app.builder.name == "singlehtml":
                    uri = f"#{ids[key]}"
                else:
                    uri = self.app.builder.get_relative_uri(env.docname, BIBLIOGRAPHY) + f"#{ids[key]}"
                link = nodes.reference("", "", internal=True, refuri=uri, classes=["sin-cite"])
                link += nodes.Text(written)
                ref.replace_self(link)

    app.add_post_transform(BibliographyLinks)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


def _entry_ids(env) -> dict[str, str]:
    """The HTML id of each entry on the bibliography page, as sphinxcontrib-bibtex made it."""
    return {citation.key: citation.citation_id for citation in env.get_domain("cite").citations}
