"""Benchmark OCR accuracy: how much of the reference call's golden outline scans of its PDF renditions give.

Not a test: OCR output moves with the onnxruntime and rapidocr versions. Each PDF rendition of
the reference call (`fixtures/seed-pdf-*/input.pdf`) is rendered at `DPI` by pypdfium2, degraded
as a scanner degrades it (Gaussian blur, a slight rotation, JPEG compression; fixed per rendition
so runs compare), wrapped into an image-only PDF with Pillow and parsed by docparse (`--ocr auto`
OCRs every page). Its outline (`docparse.outline_data`) is scored against the outline of the text
(`fixtures/seed/input.txt`), node by node:

- checks: the document's label, title and TOC title; each preamble block; each TOC entry; each
  section, topic and track heading (number, label, title, role, identifier, marker); each of their
  description blocks, fields and notes; each direction (number, label, title, body, children);
- a check passes when the scan gives a node equal to the golden one in every field, matched in
  document order (`difflib` on the two node sequences), so a TOC line read as a section costs the
  entry it should be and adds an `extra`.

Each parse runs in its own process (CPU seconds of all threads, peak RSS).

Run: .venv/bin/python bench/bench_ocr_outline.py [--only NAME ...] [--clean] [--show] [--replay DIR]
`--clean` scans without blur, rotation and noise as well; `--show` prints the failed checks.
`--replay DIR` records the OCR engine's raw outputs in DIR on the first run and replays them on
later ones (`bench/ocr_replay.py`): a change after the engine is scored in seconds, not minutes
(CPU and memory are then not the engine's: measure those without `--replay`).
`--write` replaces the "## OCR outline" section of bench/RESULTS.md with the table.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_pdf import write_section  # run as a script: bench/ is on sys.path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "input.txt"
RENDITIONS = sorted(ROOT.glob("fixtures/seed-pdf-*/input.pdf"))
DPI = 150
BLUR = (0.6, 1.0)
ROTATE = (0.5, 1.0)
JPEG_QUALITY = 50


def scan(source: Path, target: Path, *, degrade: bool, seed: int) -> None:
    """Write an image-only PDF of `source`: pages rendered at `DPI`, blurred, rotated and JPEG'd when `degrade`."""
    import pypdfium2
    from PIL import Image, ImageFilter

    chance = random.Random(seed)
    document = pypdfium2.PdfDocument(source)
    images: list[Image.Image] = []
    try:
        for i in range(len(document)):
            image = document[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            if degrade:
                image = image.filter(ImageFilter.GaussianBlur(chance.uniform(*BLUR)))
                angle = chance.uniform(*ROTATE) * chance.choice((-1, 1))
                image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
                buffer = io.BytesIO()
                image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
                image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
            images.append(image)
    finally:
        document.close()
    images[0].save(target, format="PDF", save_all=True, append_images=images[1:], resolution=float(DPI))


HEADING_KEYS = ("id", "number", "label", "role", "identifier", "title", "directions_marker", "marker_in_description")


def nodes(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Return the outline's checkable nodes in document order: (kind, canonical JSON of the node)."""

    def canon(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    out: list[tuple[str, str]] = [("document", canon([data.get(k) for k in ("label", "title", "toc_title")]))]
    out.extend(("preamble", canon(block)) for block in data.get("preamble", []))
    out.extend(("toc", canon(entry)) for entry in data.get("toc", []))

    def unit(kind: str, node: dict[str, Any]) -> None:
        head = {key: node.get(key) for key in HEADING_KEYS if key in node}
        out.append((kind, canon(head)))
        for part in ("description", "fields", "notes", "unplaced"):
            out.extend((part, canon(x)) for x in node.get(part) or [])
        out.extend(("direction", canon(x)) for x in node.get("directions") or [])
        for child in node.get("sections") or []:
            unit("section", child)
        for child in node.get("topics") or []:
            unit("topic", child)
        for child in node.get("tracks") or []:
            unit("track", child)

    for section in data.get("sections", []):
        unit("section", section)
    return out


def score(golden: list[tuple[str, str]], found: list[tuple[str, str]]) -> tuple[int, int, list[str]]:
    """Return (checks passed, extra nodes, the failed golden checks) of `found` against `golden`."""
    matcher = difflib.SequenceMatcher(None, golden, found, autojunk=False)
    passed = sum(block.size for block in matcher.get_matching_blocks())
    failed: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        failed.extend(f"- {kind}: {text}" for kind, text in golden[i1:i2])
        failed.extend(f"+ {kind}: {text}" for kind, text in found[j1:j2])
    return passed, len(found) - passed, failed


def child(path: Path, replay: Path | None = None) -> None:
    """Parse `path` (OCR auto) and print its outline data, CPU seconds and peak RSS as JSON (in a subprocess)."""
    sys.path.insert(0, str(ROOT))
    import docparse

    if replay is not None:
        from ocr_replay import install

        install(replay)

    started = time.process_time()
    wall = time.monotonic()
    options = docparse.ParseOptions(limits=docparse.Limits(max_seconds=3600))
    document = docparse.parse(path, options=options)
    seconds = time.process_time() - started
    print(
        json.dumps(
            {
                "outline": docparse.outline_data(document),
                "pages": document.source.pages or 0,
                "seconds": seconds,
                "wall": time.monotonic() - wall,
                "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            },
            ensure_ascii=False,
        )
    )


def measure(path: Path, replay: Path | None = None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(path)] + (["--replay", str(replay)] if replay else [])
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def run(
    only: list[str], clean: bool, show: bool, keep: Path | None, replay: Path | None = None
) -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT))
    import docparse

    golden = nodes(docparse.outline_data(docparse.parse(SEED)))
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n, source in enumerate(RENDITIONS):
            name = source.parent.name.removeprefix("seed-pdf-")
            if only and name not in only:
                continue
            for degrade in (True, False) if clean else (True,):
                target = folder / f"{name}-{'scan' if degrade else 'clean'}.pdf"
                if not target.exists():
                    scan(source, target, degrade=degrade, seed=n)
                result = measure(target, replay)
                passed, extra, failed = score(golden, nodes(result["outline"]))
                row = {
                    "rendition": name,
                    "scan": "blurred" if degrade else "clean",
                    "passed": passed,
                    "checks": len(golden),
                    "extra": extra,
                    "pages": result["pages"],
                    "s_page": result["seconds"] / max(result["pages"], 1),
                    "wall_page": result["wall"] / max(result["pages"], 1),
                    "rss_mb": result["rss_kb"] / 1024,
                }
                rows.append(row)
                print(
                    f"{name:12} {row['scan']:8} {passed}/{len(golden)} extra {extra}  "
                    f"{row['s_page']:.2f} CPU-s/page  {row['rss_mb']:.0f} MB",
                    flush=True,
                )
                if show:
                    print("\n".join("    " + line for line in failed), flush=True)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "## OCR outline",
        "",
        f"`bench/bench_ocr_outline.py` on {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end, "
        f"{time.strftime('%Y-%m-%d')}. Seed PDF renditions rendered at {DPI} dpi, blurred (radius "
        f"{BLUR[0]}-{BLUR[1]}), rotated ±{ROTATE[0]}-{ROTATE[1]}°, JPEG q{JPEG_QUALITY}, as image-only PDFs; checks "
        "passed against the text's outline (node equal in every field), extra nodes; CPU seconds of the whole "
        "parse (all threads) and peak RSS of its process.",
        "",
        "| rendition | scan | checks passed | extra nodes | CPU s/page | wall s/page | peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['rendition']} | {row['scan']} | {row['passed']}/{row['checks']} | {row['extra']} | "
            f"{row['s_page']:.2f} | {row['wall_page']:.2f} | {row['rss_mb']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=Path)
    parser.add_argument("--only", nargs="*", default=[], help="renditions by name (reportlab, fpdf2, ...)")
    parser.add_argument("--clean", action="store_true", help="also scan without blur, rotation and noise")
    parser.add_argument("--show", action="store_true", help="print the failed checks")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the scanned PDFs in this folder")
    parser.add_argument("--replay", type=Path, help="record the engine's outputs here, replay them on later runs")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.replay)
        return
    if args.write and args.replay:
        parser.error("--write measures the engine: run it without --replay")
    rows = run(args.only, args.clean, args.show, args.keep, args.replay)
    section = table(rows)
    print(section)
    if args.write:
        write_section(section, "## OCR outline")


if __name__ == "__main__":
    main()
