"""Benchmark: docparse's DOCX reader against python-docx's own paragraph text, on the same files.

Input: the autonum seed fixture and a generated DOCX of about 20,000 paragraphs (Word-like run
properties, headings, numbered items, bold titles, a table every 500 paragraphs). For each file,
time ``read_docx`` and ``docx.Document(...)`` + ``[p.text for p in doc.paragraphs]`` several times
(interleaved, CPU time, best and median of the repetitions), print a table with the ratio, and write it under
the "DOCX" heading of ``bench/RESULTS.md`` (other sections of that file are kept as they are).

Run from the project root: ``.venv/bin/python bench/bench_docx.py [--repeat N] [--no-write]``.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import platform
import re
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docparse.options import ParseOptions  # noqa: E402
from docparse.read.docx import read_docx  # noqa: E402

FIXTURE = ROOT / "fixtures" / "seed-docx-autonum" / "input.docx"
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "DOCX"
TARGET_RATIO = 1.3

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RPR = '<w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/><w:sz w:val="24"/>'
SEED = Path("/work/shared/seed/000_7466b275f5352be9.txt")
# Real text (the reference call's lines, cycled) so the part compresses like a real document.
_LINES = (
    [line.strip("-* ") for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 30]
    if SEED.exists()
    else []
)
SENTENCES = _LINES or [
    "研究深度学习模型的可解释性问题，更清晰定位数据、特征和网络结构对效果的影响，并指导模型设计和训练可视化工作"
]


def _run(text: str, bold: bool = False) -> str:
    props = RPR + ("<w:b/>" if bold else "")
    return f'<w:r w:rsidR="00A1B2C3"><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _paragraph(i: int) -> str:
    if i % 100 == 0:
        return f'<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr>{_run(f"第{i // 100}部分 研究主题")}</w:p>'
    if i % 10 == 1:
        return f'<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr>{_run(f"{i // 10}.1 机器学习基础理论")}</w:p>'
    if i % 3 == 0:
        num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        sentence = SENTENCES[i % len(SENTENCES)]
        runs = _run(sentence[:12], bold=True) + _run(f"（{i}）" + sentence[12:])
        return f'<w:p w:rsidR="00A1B2C3"><w:pPr><w:pStyle w:val="a3"/>{num}</w:pPr>{runs}</w:p>'
    sentence = SENTENCES[(i * 7) % len(SENTENCES)]
    return f'<w:p w:rsidR="00A1B2C3"><w:pPr><w:ind w:firstLine="480"/></w:pPr>{_run(sentence)}{_run(str(i))}</w:p>'


def _table() -> str:
    cell = f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p>{_run("单元格")}</w:p></w:tc>'
    return f"<w:tbl><w:tblPr/>{('<w:tr>' + cell * 4 + '</w:tr>') * 5}</w:tbl>"


def generated_docx(paragraphs: int = 20_000) -> bytes:
    """Return a Word-like DOCX with `paragraphs` body paragraphs (and a table every 500)."""
    body = "".join(_paragraph(i) + (_table() if i % 500 == 499 else "") for i in range(paragraphs))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )
    styles = (
        f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault>'
        "</w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/></w:style>'
        "</w:styles>"
    )
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.numbering+xml"/></Types>'
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/numbering" Target="numbering.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("word/_rels/document.xml.rels", document_rels)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", styles)
        archive.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


def run_docparse(data: bytes) -> int:
    """Read `data` with docparse → number of blocks."""
    return len(read_docx(data, options=ParseOptions()).blocks)


def run_python_docx(data: bytes) -> int:
    """Open `data` with python-docx and take every body paragraph's text → number of paragraphs with text."""
    document = docx.Document(io.BytesIO(data))
    return sum(1 for paragraph in document.paragraphs if paragraph.text)


def _time(function: Callable[[bytes], int], data: bytes) -> float:
    # CPU time of this process: both readers are single-threaded and in memory, and on a shared
    # machine wall time mostly measures the neighbours.
    gc.collect()
    start = time.process_time()
    function(data)
    return time.process_time() - start


def measure(data: bytes, repeat: int) -> dict[str, list[float]]:
    """Return the run times of both readers on `data`, interleaved, after one warm-up each."""
    times: dict[str, list[float]] = {"docparse": [], "python-docx": []}
    run_docparse(data)
    run_python_docx(data)
    for _ in range(repeat):
        times["docparse"].append(_time(run_docparse, data))
        times["python-docx"].append(_time(run_python_docx, data))
    return times


def table(rows: list[tuple[str, int, int, dict[str, list[float]]]], repeat: int) -> str:
    """Return the results as a Markdown table."""
    lines = [
        "| file | size | paragraphs | docparse best / median (ms) | python-docx best / median (ms) | ratio (median) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, size, paragraphs, times in rows:
        ours, theirs = times["docparse"], times["python-docx"]
        ratio = statistics.median(ours) / statistics.median(theirs)
        ours_ms = f"{min(ours) * 1000:.1f} / {statistics.median(ours) * 1000:.1f}"
        theirs_ms = f"{min(theirs) * 1000:.1f} / {statistics.median(theirs) * 1000:.1f}"
        lines.append(f"| {name} | {size / 1024:.0f} KB | {paragraphs} | {ours_ms} | {theirs_ms} | {ratio:.2f}x |")
    return "\n".join(lines)


def write_section(text: str) -> None:
    """Replace (or append) the "DOCX" section of bench/RESULTS.md with `text`."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^## {SECTION}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    section = f"## {SECTION}\n\n{text.strip()}\n\n"
    updated = (
        pattern.sub(lambda _m: section, current) if pattern.search(current) else current.rstrip() + "\n\n" + section
    )
    RESULTS.write_text(updated.rstrip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7, help="timed repetitions per reader and file")
    parser.add_argument("--paragraphs", type=int, default=20_000, help="paragraphs in the generated file")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update bench/RESULTS.md")
    args = parser.parse_args(argv)
    files = [("seed-docx-autonum fixture", FIXTURE.read_bytes())]
    files.append((f"generated, {args.paragraphs} paragraphs", generated_docx(args.paragraphs)))
    rows = []
    for name, data in files:
        times = measure(data, args.repeat)
        paragraphs = len(docx.Document(io.BytesIO(data)).paragraphs)
        rows.append((name, len(data), paragraphs, times))
    result = table(rows, args.repeat)
    ratios = [statistics.median(t["docparse"]) / statistics.median(t["python-docx"]) for *_, t in rows]
    verdict = "meets" if max(ratios) <= TARGET_RATIO else "misses"
    text = (
        "`read_docx` (blocks with labels, headings, spans, tables, notes, furniture) against python-docx's\n"
        "`Document()` + `[p.text for p in doc.paragraphs]` on the same bytes; "
        f"{args.repeat} interleaved runs after a warm-up, CPU time (`time.process_time`).\n\n"
        f"{result}\n\n"
        f"Target: ratio ≤ {TARGET_RATIO}x; this run {verdict} it (worst {max(ratios):.2f}x).\n"
        f"Machine: Python {platform.python_version()}, {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end of the run; "
        f"python-docx {docx.__version__}. Medians move by ±20% between runs on a shared machine.\n"
        "Reproduce: `.venv/bin/python bench/bench_docx.py`."
    )
    print(text)
    if not args.no_write:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
