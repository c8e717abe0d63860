"""Fetch the site's pinned JavaScript from the npm registry into vendor/_dist/.

Why: students on school networks that block CDNs must still get widgets and
maths, so the site serves its own copies. Each tarball is checked against the
sha512 integrity recorded in vendor/packages.json before anything is copied;
a mismatch stops the build. Tarballs are cached in vendor/_cache/.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "vendor"
CACHE = VENDOR / "_cache"
DIST = VENDOR / "_dist"


def integrity_of(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def tarball(pkg: dict) -> Path:
    """Return the cached tarball for ``pkg``, fetching it with ``npm pack`` if needed."""
    CACHE.mkdir(parents=True, exist_ok=True)
    spec = f"{pkg['name']}@{pkg['version']}"
    stem = pkg["name"].lstrip("@").replace("/", "-")
    path = CACHE / f"{stem}-{pkg['version']}.tgz"
    if not path.exists():
        subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", str(CACHE)], check=True, stdout=subprocess.DEVNULL
        )
    if integrity_of(path) != pkg["integrity"]:
        path.unlink()
        sys.exit(f"vendor: {spec} does not match its recorded integrity; refusing to use it")
    return path


def wanted(member: str, patterns: list[str]) -> bool:
    rel = member.removeprefix("package/")
    return any(fnmatch.fnmatch(rel, p) or (p.endswith("/**") and rel.startswith(p[:-2])) for p in patterns)


def main() -> None:
    spec = json.loads((VENDOR / "packages.json").read_text())
    stamp = DIST / ".stamp"
    if stamp.exists() and stamp.read_text() == json.dumps(spec, sort_keys=True):
        return
    shutil.rmtree(DIST, ignore_errors=True)
    for pkg in spec["packages"]:
        out = DIST / ("vendor" if pkg.get("site", True) else "tools") / pkg["name"]
        with tarfile.open(tarball(pkg)) as tar:
            members = [m for m in tar.getmembers() if m.isfile() and wanted(m.name, pkg["files"])]
            if not members:
                sys.exit(f"vendor: no files of {pkg['name']} match {pkg['files']}")
            for m in members:
                target = out / m.name.removeprefix("package/")
                target.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(m) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        print(f"vendor: {pkg['name']}@{pkg['version']} ({len(members)} files, {pkg['license']})")
    stamp.write_text(json.dumps(spec, sort_keys=True))


if __name__ == "__main__":
    main()
