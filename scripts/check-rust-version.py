#!/usr/bin/env python3
"""`rust-version` in Cargo.toml must be the version the lock file actually needs: the newest
`rust-version` any locked package (build, normal or dev) declares, or the crate's own needs if
higher. Exits 1, naming the package that sets the floor, when Cargo.toml says otherwise."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


def main() -> int:
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked"],
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout
    )
    ours = next(p for p in meta["packages"] if p["name"] == "lookout")
    declared = ours.get("rust_version")
    if not declared:
        print("Cargo.toml has no rust-version", file=sys.stderr)
        return 1
    # Only packages the build can actually use: the resolved graph, not every package listed.
    used = {n["id"] for n in meta["resolve"]["nodes"]}
    floor = max(
        ((version(p["rust_version"]), f'{p["name"]} {p["version"]}')
         for p in meta["packages"] if p.get("rust_version") and p["id"] in used
         and p["name"] != "lookout"),
        default=((1, 0), "nothing"),
    )
    need = ".".join(str(x) for x in floor[0])
    if version(declared)[:2] != floor[0][:2]:
        print(
            f"Cargo.toml says rust-version = {declared}, but the lock file needs {need} "
            f"(set by {floor[1]}). Set rust-version = \"{need}\".",
            file=sys.stderr,
        )
        return 1
    print(f"check-rust-version: rust-version {declared} is what the lock file needs ({floor[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
