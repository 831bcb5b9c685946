"""Bench: score table extractors against tables written down by hand (bench/tables/truth.json).

Per table the checks are: the row count, the column count, the header row(s) and each cell's text
(whitespace-insensitive: all whitespace removed after NFKC, so `個 別 申 請` = `個別申請`, and no
space is expected between CJK characters). Positions a merged cell covers are `null` in the truth
and not checked. An extracted table is matched to a truth table by page (PDF) and by the overlap of
their characters; a truth table nothing overlaps scores none of its checks.

Extractors: `docparse` (the model's Table nodes), and where installed `pdfplumber`
(`extract_tables()`), `camelot-lattice`, `camelot-stream` and `pymupdf` (`find_tables()`), all on
the same pages. Run (see bench/tables/README.md):

    .bench-venv/bin/python bench/tables/score_tables.py [--root /work] [--extractor NAME ...] [--detail]
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
Grid = list[list[str]]
Found = list[tuple[int | None, Grid]]  # (page or None, rows) per extracted table

EXTRACTORS = ("docparse", "pdfplumber", "camelot-lattice", "camelot-stream", "pymupdf")


def norm(text: str | None) -> str:
    """Cell text → comparable form: NFKC, every whitespace character removed."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def grid(rows: Iterable[Iterable[Any]]) -> Grid:
    """Rows of cells (None for an empty or merged cell) → rows of strings."""
    return [["" if cell is None else str(cell) for cell in row] for row in rows]


def overlap(truth: Grid, found: Grid) -> float:
    """Two grids → the Dice overlap of their characters (0 to 1)."""
    a = Counter("".join(norm(c) for row in truth for c in row))
    b = Counter("".join(norm(c) for row in found for c in row))
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def checks(entry: dict[str, Any], found: Grid | None) -> tuple[int, int, list[str]]:
    """A truth table and its matched extraction → (right, total, what went wrong)."""
    rows: list[list[str | None]] = entry["rows"]
    width = max(len(r) for r in rows)
    cells = [(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row) if text is not None]
    header = entry.get("header_rows", 1)
    total = 2 + (1 if header else 0) + len(cells)
    if found is None:
        return 0, total, ["no table matched"]
    right, wrong = 0, []
    got_width = max((len(r) for r in found), default=0)
    if len(found) == len(rows):
        right += 1
    else:
        wrong.append(f"rows {len(found)} (want {len(rows)})")
    if got_width == width:
        right += 1
    else:
        wrong.append(f"columns {got_width} (want {width})")

    def at(r: int, c: int) -> str:
        return found[r][c] if r < len(found) and c < len(found[r]) else ""

    if header:
        want = [norm(t) for r in range(header) for t in rows[r] if t is not None]
        got = [norm(at(r, c)) for r in range(header) for c, t in enumerate(rows[r]) if t is not None]
        if want == got:
            right += 1
        else:
            wrong.append("header")
    for r, c, text in cells:
        if norm(at(r, c)) == norm(text):
            right += 1
        elif len(wrong) < 12:
            wrong.append(f"cell {r},{c}: {at(r, c)[:40]!r} (want {text[:40]!r})")
    return right, total, wrong


def match(entry: dict[str, Any], found: Found) -> Grid | None:
    """A truth table and the tables found in its document → the best overlapping one on its pages."""
    pages = set(entry["pages"])
    best, score = None, 0.2  # below a fifth of shared characters it is another table
    for page, rows in found:
        if pages and page is not None and page not in pages:
            continue
        s = overlap(entry["rows"], rows)
        if s > score:
            best, score = rows, s
    return best


# --- extractors: document path, pages → tables found -------------------------------------------


def run_docparse(path: Path, pages: set[int]) -> Found:
    import docparse

    document = docparse.parse(path)
    out: Found = []
    for table in document.iter_tables():
        regions = table.provenance.regions
        grid_rows = grid(table.rows)
        if regions:
            for page in sorted({r.page for r in regions}):
                out.append((page, grid_rows))
        else:
            out.append((None, grid_rows))
    return out


def run_pdfplumber(path: Path, pages: set[int]) -> Found:
    import pdfplumber

    out: Found = []
    with pdfplumber.open(path) as pdf:
        for n in sorted(pages):
            out += [(n, grid(t)) for t in pdf.pages[n - 1].extract_tables()]
    return out


def _camelot(flavor: str) -> Callable[[Path, set[int]], Found]:
    def run(path: Path, pages: set[int]) -> Found:
        import camelot

        out: Found = []
        for n in sorted(pages):
            for t in camelot.read_pdf(str(path), pages=str(n), flavor=flavor):
                out.append((n, grid(t.df.values.tolist())))
        return out

    return run


def run_pymupdf(path: Path, pages: set[int]) -> Found:
    import pymupdf

    out: Found = []
    with pymupdf.open(path) as doc:
        for n in sorted(pages):
            out += [(n, grid(t.extract())) for t in doc[n - 1].find_tables().tables]
    return out


RUNNERS: dict[str, Callable[[Path, set[int]], Found]] = {
    "docparse": run_docparse,
    "pdfplumber": run_pdfplumber,
    "camelot-lattice": _camelot("lattice"),
    "camelot-stream": _camelot("stream"),
    "pymupdf": run_pymupdf,
}


def score(name: str, truth: list[dict[str, Any]], root: Path, detail: bool) -> dict[str, Any]:
    """One extractor over every truth table whose document is present → its figures."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for entry in truth:
        by_file.setdefault(entry["file"], []).append(entry)
    result: dict[str, Any] = {"right": 0, "total": 0, "pdf_right": 0, "pdf_total": 0, "tables": {}, "skipped": []}
    for file, entries in by_file.items():
        path = root / file
        if not path.exists():
            result["skipped"] += [e["id"] for e in entries]
            continue
        pdf = path.suffix.lower() == ".pdf"
        if name != "docparse" and not pdf:
            continue
        pages = {p for e in entries for p in e["pages"]}
        try:
            found = RUNNERS[name](path, pages)
        except Exception as exc:  # a bare library failing on a page scores nothing, as a user sees it
            found = []
            print(f"  {name} failed on {file}: {type(exc).__name__}: {exc}")
        for entry in entries:
            right, total, wrong = checks(entry, match(entry, found))
            result["right"] += right
            result["total"] += total
            if pdf:
                result["pdf_right"] += right
                result["pdf_total"] += total
            result["tables"][entry["id"]] = (right, total)
            if detail and wrong:
                print(f"  {name} {entry['id']} {right}/{total}: " + "; ".join(wrong))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/work"), help="folder the truth's file paths start from")
    parser.add_argument("--truth", type=Path, default=HERE / "truth.json")
    parser.add_argument("--extractor", action="append", choices=EXTRACTORS, help="default: every one installed")
    parser.add_argument("--detail", action="store_true", help="print each table's failed checks")
    parser.add_argument("--json", type=Path, help="write the per-table figures here")
    args = parser.parse_args(argv)
    truth = json.loads(args.truth.read_text(encoding="utf-8"))["tables"]
    names = args.extractor or [n for n in EXTRACTORS if _installed(n)]
    report = {}
    for name in names:
        r = score(name, truth, args.root, args.detail)
        report[name] = r
        pct = 100 * r["right"] / r["total"] if r["total"] else 0.0
        ppct = 100 * r["pdf_right"] / r["pdf_total"] if r["pdf_total"] else 0.0
        print(
            f"{name:16} all {r['right']}/{r['total']} ({pct:.1f}%)  PDF {r['pdf_right']}/{r['pdf_total']} ({ppct:.1f}%)"
            f"  tables {len(r['tables'])}, skipped {len(r['skipped'])}"
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


def _installed(name: str) -> bool:
    module = {"docparse": "docparse", "pdfplumber": "pdfplumber", "pymupdf": "pymupdf"}.get(name, "camelot")
    try:
        __import__(module)
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
