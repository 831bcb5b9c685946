"""Benchmark: time and peak memory of docparse on hostile inputs, each in its own process.

Not a test (the machines are shared and noisy): it writes a table to standard output; the
numbers go in bench/RESULTS.md. Run: `.venv/bin/python bench/bench_hostile.py [--pythonpath DIR]`.
A parsed input is also counted from the source (`docparse.read.sourcecount`): letters lost show
in the outcome.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(document: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def cases(tmp: Path) -> dict[str, Path]:
    """Write the hostile inputs to `tmp` and return them by name."""
    made: dict[str, bytes] = {}
    rng = random.Random(7)
    made["single-line-50MB.txt"] = ("研究方向深度学习框架" * 1_700_000).encode("utf-8")
    made["nul-and-invalid-utf8.txt"] = b"1. \xe5\xbc\x80\x00\x00\xff\xfe" * 10_000
    made["random-bytes.pdf"] = bytes(rng.randrange(256) for _ in range(1 << 20))
    seed_pdf = (FIXTURES / "seed-pdf-libreoffice" / "input.pdf").read_bytes()
    made["truncated-half.pdf"] = seed_pdf[: len(seed_pdf) // 2]
    paragraph = b"<w:p/>"
    made["3M-paragraphs.docx"] = _docx(
        b'<?xml version="1.0"?><w:document '
        + W.encode()
        + b"><w:body>"
        + paragraph * 3_000_000
        + b"</w:body></w:document>"
    )
    made["inflates-to-500MB.docx"] = _docx(
        b'<?xml version="1.0"?><w:document '
        + W.encode()
        + b"><w:body><w:p><w:r><w:t>"
        + b"A" * 500_000_000
        + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    entities = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    made["billion-laughs.docx"] = _docx(
        f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>".encode()
    )
    made["xxe.docx"] = _docx(
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>".encode()
    )
    for path in sorted((FIXTURES / "hostile").glob("*.pdf")):
        made[path.name] = path.read_bytes()
    made.update(lossy())
    out = {}
    for name, data in made.items():
        target = tmp / name
        target.write_bytes(data)
        out[name] = target
    return out


PROBE = """
import json, sys, time
import docparse
from docparse.read.sourcecount import account_source
docparse.parse, docparse.DocparseError  # the public names load on first use: not inside the clock
started = time.perf_counter()
try:
    document = docparse.parse(sys.argv[1])
    outcome = "parsed"
except docparse.DocparseError as exc:
    document, outcome = None, type(exc).__name__
seconds = time.perf_counter() - started
if document is not None:
    data = open(sys.argv[1], "rb").read()
    counted = account_source(data, document, name=sys.argv[1])
    if counted.missing:
        outcome = f"parsed, {counted.missing.total()} of {counted.source_total} letters lost"
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so it would report the parent's peak.
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_kb / 1024}))
"""


def lossy() -> dict[str, bytes]:
    """Return the inputs issue 12 found losing text inside a reader (bench/nothing_lost.py's shapes)."""
    line = "深度学习框架研究 deep learning framework research 2026"
    made = {
        "20-nested-quotes.md": "\n".join("> " * 20 + f"{line} {i}" for i in range(2000)).encode(),
        "10-nested-lists.md": "\n".join("    " * (i % 12) + f"- {line} {i}" for i in range(2000)).encode(),
    }
    sys.path.append(str(ROOT))
    from tests.read.docx_factory import make_docx, p, r

    note = p(r("审阅意见 reviewer note"))
    paras = "".join(p(r(f"{line} {i}"), r(extra=f'<w:commentReference w:id="{i}"/>')) for i in range(200))
    notes = "".join(f'<w:comment w:id="{i}">{note}</w:comment>' for i in range(200))
    made["200-comments.docx"] = make_docx(paras, comments=notes)
    page = ("<html><body>" + f"<p>{line}</p>" * 200 + "</body></html>").encode()
    made["altchunk-html.docx"] = make_docx(p(r(line)) + '<w:altChunk r:id="rIdA"/>', chunks={"rIdA": ("a.htm", page)})
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pythonpath", help="measure the docparse found on this path instead (the numbers before)")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=args.pythonpath) if args.pythonpath else None
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for name, path in cases(Path(tmp)).items():
            started = time.perf_counter()
            command = [sys.executable, "-c", PROBE, str(path)]
            # cwd: not the checkout, which `-c` would put first on sys.path (before --pythonpath).
            result = subprocess.run(command, capture_output=True, timeout=600, env=env, cwd=tmp)
            wall = time.perf_counter() - started
            try:
                data = json.loads(result.stdout)
            except json.JSONDecodeError:
                data = {"outcome": "CRASH: " + result.stderr.decode()[-200:], "seconds": wall, "peak_mb": 0}
            rows.append((name, path.stat().st_size, data["outcome"], data["seconds"], data["peak_mb"]))
    print("| input | size | outcome | parse s | peak RSS MB |")
    print("| --- | ---: | --- | ---: | ---: |")
    for name, size, outcome, seconds, peak in rows:
        print(f"| {name} | {size:,} | {outcome} | {seconds:.2f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
