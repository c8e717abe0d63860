"""Rewrite ``{cite}`key``` roles as citation links that JupyterLab can read.

    python scripts/citations.py [FILE ...]   (default: chapters/*.ipynb and the *.md pages)

Each role becomes ``([Author Year](../bibliography.md#key))`` with the text that
``_ext/citations.py`` checks at build time. Only markdown cells change; a
notebook's outputs are left as they are.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))

from citations import convert, labels  # noqa: E402


def rewrite(path: Path, known: dict[str, str]) -> bool:
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".ipynb":
        # pages at the root link to the bibliography beside them
        new = convert(text, known, "bibliography.md" if path.parent == ROOT else "../bibliography.md")
    else:
        nb = json.loads(text)
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                source = convert("".join(cell["source"]), known)
                lines = source.splitlines(keepends=True)
                cell["source"] = lines
        new = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False


def main(argv: list[str]) -> None:
    known = labels(str(ROOT / "references.bib"))
    paths = [Path(a).resolve() for a in argv] or [
        *sorted((ROOT / "chapters").glob("*.ipynb")),
        *sorted(ROOT.glob("*.md")),
    ]
    for path in paths:
        if rewrite(path, known):
            print(f"rewrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
