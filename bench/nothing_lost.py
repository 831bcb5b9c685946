"""Source-side accounting on every input at hand: fixtures, hostile PDFs, both corpora.

Not a test (the suite skips the larger corpus PDFs for time). For each input: the letters and
digits of the source (`docparse.read.sourcecount`, read without the readers) and how many of
them the outline and its dropped record do not hold. Prints a Markdown table.

    .venv/bin/python bench/nothing_lost.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docparse  # noqa: E402
from docparse.read.sourcecount import account_source  # noqa: E402

SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")
FOLDERS = (ROOT / "fixtures", ROOT.parent / "shared" / "corpus", ROOT.parent / "corpus-extra")


def inputs() -> list[Path]:
    """Return the fixtures' inputs, the hostile PDFs and the corpus documents that exist here."""
    found = sorted((ROOT / "fixtures").glob("*/input.*")) + sorted((ROOT / "fixtures" / "hostile").glob("*.pdf"))
    for folder in FOLDERS[1:]:
        if folder.is_dir():
            found += sorted(path for path in folder.iterdir() if path.suffix in SUFFIXES)
    return found


def main() -> int:
    print("| input | source letters | missing | outcome | seconds |\n| --- | ---: | ---: | --- | ---: |")
    lost = 0
    for path in inputs():
        data = path.read_bytes()
        started = time.process_time()
        try:
            document = docparse.parse(data, name=path.name)
        except docparse.DocparseError as exc:
            print(f"| {path.parent.name}/{path.name} | | | {type(exc).__name__} | |")
            continue
        result = account_source(data, document, name=path.name)
        lost += result.missing.total()
        seconds = time.process_time() - started
        missing = "".join(sorted(result.missing.elements()))[:40]
        print(
            f"| {path.parent.name}/{path.name} | {result.source_total} | {result.missing.total()} "
            f"| parsed{' ' + missing if missing else ''} | {seconds:.1f} |"
        )
    return 1 if lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
