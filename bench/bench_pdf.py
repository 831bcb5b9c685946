"""Benchmark the PDF reader: seconds per page and peak RSS, next to bare pdfplumber `extract_text()`.

Not a test: timings depend on the machine. Every measurement runs in its own subprocess (so peak
RSS is that run's alone); docparse and bare extraction alternate, and the best CPU time of
`--runs` is kept. Inputs: the PDF fixtures, the Horizon form from the shared corpus (when present) and the
reference call rendered long with reportlab (`--repeat` copies of its body) at bench time in a
temporary folder, once short and once 300+ pages, to see whether memory stays flat.

Run: .venv/bin/python bench/bench_pdf.py [--runs 3] [--write]
`--write` replaces the "## PDF" section of bench/RESULTS.md with the table.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from whole import generated_pdf

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = [
    ROOT / "fixtures" / "seed-pdf-reportlab" / "input.pdf",
    ROOT / "fixtures" / "seed-pdf-libreoffice" / "input.pdf",
    CORPUS / "en_horizon_he_csa_application_form.pdf",
]
SHORT_REPEAT = 2
LONG_REPEAT = 55


def child(mode: str, path: Path) -> None:
    """Read `path` one way and print pages, seconds and peak RSS as JSON (runs in a subprocess)."""
    sys.path.insert(0, str(ROOT))
    import pdfplumber

    from docparse.options import Limits, ParseOptions
    from docparse.read.pdf import read_pdf

    data = path.read_bytes()
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    if mode == "docparse":
        reading = read_pdf(data, options=ParseOptions(limits=Limits(max_seconds=3600)), name=path.name)
        pages = reading.pages or 0
    else:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = 0
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    # CPU time, not wall time: the machine is shared, and CPU time moves less with the load.
    seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"pages": pages, "seconds": seconds, "rss_kb": peak, "base_rss_kb": base_rss}))


def measure(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def run(runs: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [path for path in FIXTURES if path.is_file()]
        inputs += [generated_pdf(Path(tmp), SHORT_REPEAT), generated_pdf(Path(tmp), LONG_REPEAT)]
        for path in inputs:
            best: dict[str, dict[str, float]] = {}
            for _ in range(runs):
                for mode in ("docparse", "bare"):
                    result = measure(mode, path)
                    kept = best.get(mode)
                    if kept is None or result["seconds"] < kept["seconds"]:
                        result["rss_kb"] = max(result["rss_kb"], kept["rss_kb"] if kept else 0)
                        best[mode] = result
            doc, bare = best["docparse"], best["bare"]
            name = path.name if "generated-call" in path.name else path.parent.name
            if path.parent == CORPUS:
                name = path.name
            rows.append(
                {
                    "input": name,
                    "pages": int(doc["pages"]),
                    "docparse_ms_page": 1000 * doc["seconds"] / max(doc["pages"], 1),
                    "bare_ms_page": 1000 * bare["seconds"] / max(bare["pages"], 1),
                    "ratio": doc["seconds"] / bare["seconds"],
                    "docparse_rss_mb": doc["rss_kb"] / 1024,
                    "bare_rss_mb": bare["rss_kb"] / 1024,
                    "base_rss_mb": doc["base_rss_kb"] / 1024,
                }
            )
            print(rows[-1], flush=True)
    return rows


def table(rows: list[dict[str, object]], runs: int) -> str:
    lines = [
        "## PDF",
        "",
        f"`bench/bench_pdf.py --runs {runs}` on {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {time.strftime('%Y-%m-%d')}. CPU time, best of {runs} runs per input and reader, "
        "each run in its own process, the two readers alternating; peak RSS is the process's (Python, pdfplumber "
        "and the input included; the "
        "process holds about `base` MB after imports). `bare` is pdfplumber `page.extract_text()` over the "
        "same pages, then `page.close()`.",
        "",
        "| input | pages | docparse ms/page | bare ms/page | docparse / bare | docparse peak RSS MB "
        "| bare peak RSS MB | base MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['input']} | {row['pages']} | {row['docparse_ms_page']:.1f} | {row['bare_ms_page']:.1f} | "
            f"{row['ratio']:.2f} | {row['docparse_rss_mb']:.0f} | {row['bare_rss_mb']:.0f} | {row['base_rss_mb']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def write_section(section: str, heading: str = "## PDF") -> None:
    """Replace (or add) the `heading` section of RESULTS.md, leaving the other sections alone."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    start = text.find(heading + "\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        notes_end = end if end >= 0 else len(text)
        old = text[start:notes_end]
        # Keep the hand-written notes that follow the table (everything after "### Notes").
        notes = old[old.find("### Notes") :] if "### Notes" in old else ""
        new = section + ("\n" + notes.rstrip("\n") + "\n" if notes else "")
        text = text[:start] + new + (text[end + 1 :] if end >= 0 else "")
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    rows = run(args.runs)
    section = table(rows, args.runs)
    print(section)
    if args.write:
        write_section(section)


if __name__ == "__main__":
    main()
