"""Benchmark OCR: seconds per page and peak RSS of a parse with OCR, next to the same call's text layer.

Not a test: timings depend on the machine. Every measurement runs in its own subprocess (so peak
RSS is that run's alone) and the best CPU time of `--runs` is kept. CPU time counts all threads
(onnxruntime runs the models on every core). Rows:

- `text layer`: the reportlab rendition of the reference call parsed as usual (`--ocr auto` finds
  a text layer and OCRs nothing);
- `ocr always`: the same PDF with every page OCR'd from its rendering;
- `image-only`: `fixtures/ocr/seed-image-only.pdf` (no text layer; `auto` OCRs every page);
- the intern programme PDF from the shared corpus (fonts without a Unicode map), when present.

Run: .venv/bin/python bench/bench_ocr.py [--runs 2] [--write]
`--write` replaces the "## OCR" section of bench/RESULTS.md with the table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench_pdf import write_section  # run as a script: bench/ is on sys.path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
CORPUS = ROOT.parent / "shared" / "corpus"
REPORTLAB = ROOT / "fixtures" / "seed-pdf-reportlab" / "input.pdf"
CASES = [
    ("text layer", REPORTLAB, "auto"),
    ("ocr always", REPORTLAB, "always"),
    ("image-only", ROOT / "fixtures" / "ocr" / "seed-image-only.pdf", "auto"),
    ("intern programme (no Unicode map)", CORPUS / "zh_paddle_contributor_remote_intern_program.pdf", "auto"),
]


def child(mode: str, path: Path) -> None:
    """Parse `path` with `--ocr mode` and print pages, CPU seconds and peak RSS as JSON (in a subprocess)."""
    sys.path.insert(0, str(ROOT))
    import docparse

    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    wall = time.monotonic()
    options = docparse.ParseOptions(ocr=mode, limits=docparse.Limits(max_seconds=3600))  # type: ignore[arg-type]
    document = docparse.parse(path, options=options)
    seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ocred = sum(1 for d in document.diagnostics if d.code == "DP107")
    print(
        json.dumps(
            {
                "pages": document.source.pages or 0,
                "ocred": ocred,
                "seconds": seconds,
                "wall": time.monotonic() - wall,
                "rss_kb": peak,
                "base_rss_kb": base_rss,
            }
        )
    )


def measure(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def run(runs: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for name, path, mode in CASES:
        if not path.is_file():
            continue
        best: dict[str, float] | None = None
        for _ in range(runs):
            result = measure(mode, path)
            if best is None or result["seconds"] < best["seconds"]:
                result["rss_kb"] = max(result["rss_kb"], best["rss_kb"] if best else 0)
                best = result
        assert best is not None
        rows.append(
            {
                "input": name,
                "mode": mode,
                "pages": int(best["pages"]),
                "ocred": int(best["ocred"]),
                "s_page": best["seconds"] / max(best["pages"], 1),
                "wall_page": best["wall"] / max(best["pages"], 1),
                "rss_mb": best["rss_kb"] / 1024,
                "base_mb": best["base_rss_kb"] / 1024,
            }
        )
        print(rows[-1], flush=True)
    return rows


def table(rows: list[dict[str, object]], runs: int) -> str:
    load = os.getloadavg()[0]
    lines = [
        "## OCR",
        "",
        f"`bench/bench_ocr.py --runs {runs}` on {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs, load average {load:.1f} at the end, "
        f"{time.strftime('%Y-%m-%d')}. CPU seconds of the whole parse (all threads), best of {runs} runs, each in "
        "its own process; wall seconds of that run; peak RSS of the process (`base` after imports).",
        "",
        "| input | --ocr | pages | pages OCR'd | CPU s/page | wall s/page | peak RSS MB | base MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['input']} | {row['mode']} | {row['pages']} | {row['ocred']} | {row['s_page']:.2f} | "
            f"{row['wall_page']:.2f} | {row['rss_mb']:.0f} | {row['base_mb']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"))
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    rows = run(args.runs)
    section = table(rows, args.runs)
    print(section)
    if args.write:
        write_section(section, "## OCR")


if __name__ == "__main__":
    main()
