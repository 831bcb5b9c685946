"""Benchmark: issue 27's attacks (bench/hostile3.py), each a whole `docparse` process; outcome, CPU s, peak RSS.

Not a test (machines are shared and noisy): it prints a Markdown table for bench/RESULTS.md.
Run `.venv/bin/python bench/bench_hostile3.py [--pythonpath DIR] [--only NAME]`; DIR (a checkout
of main) gives the "before" column. Every case runs with `--timeout 10` and is killed after 60 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile3
import hostile_pdf

Case = Callable[[Path], tuple[list[str], str]]
"""Build the inputs under a folder; return the docparse arguments and a check of the outcome."""


def _tree(tmp: Path) -> tuple[list[str], str]:
    hostile3.escaping_tree(tmp, tmp / "outside")
    return ["convert", "calls", "-o", "out"], "tree"


def _tree_no_loop(tmp: Path) -> tuple[list[str], str]:
    hostile3.escaping_tree(tmp, tmp / "outside", loops=False)
    return ["convert", "calls", "-o", "out", "-v"], "tree"


def _check_tree(tmp: Path) -> tuple[list[str], str]:
    hostile3.escaping_tree(tmp, tmp / "outside", loops=False)
    return ["check", "calls"], "tree"


def _page(make: Callable[[], bytes], marker: str) -> Case:
    def case(tmp: Path) -> tuple[list[str], str]:
        (tmp / "page.html").write_bytes(make())
        return ["convert", "page.html", "-o", "out.json"], f"marker:{marker}"

    return case


_STREAM = """
import os, threading, docparse
data = ("1. Topic heading\\n\\n" + "Some call text for the topic, line after line.\\n" * 4000).encode()
r, w = os.pipe()
def feed():
    try:
        os.write(w, data)
    except BrokenPipeError:
        pass
    os.close(w)
threading.Thread(target=feed).start()
size = docparse.parse(os.fdopen(r, "rb", buffering=0)).source.size
print(f"kept {size:,} of {len(data):,} bytes", file=__import__("sys").stderr)
"""


_SIGNALS = """
import random, signal, subprocess, sys, time
from pathlib import Path
rng = random.Random(27)
left = 0
for run in range(24):
    out = Path(f"out{run}")
    p = subprocess.Popen([sys.executable, "-m", "docparse", "convert", "calls", "-o", str(out), "--jobs", "2", "-q"])
    time.sleep(rng.uniform(0.8, 3.0))
    p.send_signal(rng.choice([signal.SIGTERM, signal.SIGINT]))
    p.wait()
    time.sleep(0.5)
    left += any(out.rglob("*.tmp"))
print(f"{left} of 24 runs left .tmp files", file=sys.stderr)
"""

_KILL_WORKER = """
import signal, subprocess, sys, time, os
from pathlib import Path
p = subprocess.Popen([sys.executable, "-m", "docparse", "convert", "calls", "-o", "out", "--jobs", "2"],
                     stderr=subprocess.PIPE, text=True)
workers = []
while len(workers) < 2 and p.poll() is None:
    workers = [int(x) for t in Path(f"/proc/{p.pid}/task").iterdir() for x in (t / "children").read_text().split()]
    time.sleep(0.05)
time.sleep(1.0)
os.kill(workers[0], signal.SIGKILL)  # what the OOM killer does
err = p.communicate()[1]
print(err.strip().splitlines()[-1], file=sys.stderr)
"""


def _signals(tmp: Path) -> tuple[list[str], str]:
    hostile3.batch(tmp, count=16, lines=6_000)
    return ["python", "-c", _SIGNALS], ""


def _kill_worker(tmp: Path) -> tuple[list[str], str]:
    hostile3.batch(tmp, count=16, lines=3_000)
    return ["python", "-c", _KILL_WORKER], ""


def _load(make: Callable[[], bytes], suffix: str) -> Case:
    def case(tmp: Path) -> tuple[list[str], str]:
        (tmp / f"export{suffix}").write_bytes(make())
        code = (
            "import sys, docparse\n"
            "try:\n"
            f"    docparse.load('export{suffix}')\n"
            "except docparse.DocparseError as exc:\n"
            "    print(f'{type(exc).__name__}: {exc}', file=sys.stderr)\n"
        )
        return ["python", "-c", code], ""

    return case


def _file(make: Callable[[], bytes], name: str) -> Case:
    def case(tmp: Path) -> tuple[list[str], str]:
        (tmp / name).write_bytes(make())
        return ["convert", name, "-o", "out.json"], ""

    return case


def _ocr(make: Callable[[], bytes]) -> Case:
    def case(tmp: Path) -> tuple[list[str], str]:
        (tmp / "call.pdf").write_bytes(make())
        return ["convert", "call.pdf", "-o", "out.json", "--ocr", "always"], ""

    return case


def _deep_pyproject(tmp: Path) -> tuple[list[str], str]:
    (tmp / "pyproject.toml").write_text(hostile3.deep_pyproject(), encoding="utf-8")
    (tmp / "call.txt").write_text(hostile3.CALL, encoding="utf-8")
    return ["check", "call.txt"], ""


def _stream(tmp: Path) -> tuple[list[str], str]:
    return ["python", "-c", _STREAM], ""


def _earlier(name: str) -> Case:
    """An input of the earlier rounds (bench/bench_hostile.py, fixtures/hostile), converted as the others."""

    def case(tmp: Path) -> tuple[list[str], str]:
        import bench_hostile

        for made in bench_hostile.cases(tmp).values():
            if made.name != name:
                made.unlink()
        return ["convert", name, "-o", "out.json"], ""

    return case


EARLIER = [
    "single-line-50MB.txt",
    "nul-and-invalid-utf8.txt",
    "random-bytes.pdf",
    "truncated-half.pdf",
    "3M-paragraphs.docx",
    "inflates-to-500MB.docx",
    "billion-laughs.docx",
    "xxe.docx",
    *sorted(p.name for p in (Path(__file__).resolve().parent.parent / "fixtures" / "hostile").glob("*.pdf")),
]


CASES: dict[str, Case] = {
    "convert DIR: links out, loops, hostile names": _tree,
    "convert -v DIR: links out, hostile names, no loop": _tree_no_loop,
    "check DIR: links out, hostile names, no loop": _check_tree,
    **{
        f"HTML, {kind} of 11 MB": _page(lambda kind=kind: hostile3.huge_node_page(kind), "After the node.")  # type: ignore[misc]
        for kind in ("script", "comment", "attribute", "text")
    },
    "HTML, dl nested in dd": _page(hostile3.nested_definitions, "twice:Inner value"),
    "HTML, meta charset unicode_escape": _page(lambda: hostile3.codec_charset("unicode_escape"), "\\\\new"),
    "HTML, meta charset zlib": _page(lambda: hostile3.codec_charset("zlib"), "\\\\new"),
    "parse(os.fdopen(pipe, 'rb', buffering=0)), 189 KB": _stream,
    "load: YAML alias tree, 10 levels of 10 (1.1 KB)": _load(hostile3.yaml_alias_tree, ".yaml"),
    "load: JSON 100k deep": _load(hostile3.deep_json, ".json"),
    "load: YAML 100k deep": _load(hostile3.deep_yaml, ".yaml"),
    "load: JSON, a 100k-digit integer": _load(hostile3.long_number, ".json"),
    "DOCX, w:sz of 400 digits": _file(hostile3.docx_huge_size, "call.docx"),
    "check with a 5000-deep pyproject.toml": _deep_pyproject,
    "DOCX core properties: dc:title 240 deep over 100k rdf:li (2.9 KB)": _file(hostile3.docx_nested_core, "call.docx"),
    "DOCX, one paragraph of 60k runs each ending in w:br": _file(hostile3.docx_paragraph_breaks, "call.docx"),
    "DOCX, one paragraph of 80k hidden runs": _file(hostile3.docx_hidden_runs, "call.docx"),
    "Markdown, one paragraph of 100k lines `*a`": _file(hostile3.markdown_paragraph_lines, "call.md"),
    **{
        f"PDF, Flate chain ({kind}) to 400 MB": _file(lambda kind=kind: hostile3.pdf_flate_chain(kind), "call.pdf")  # type: ignore[misc]
        for kind in ("parms", "hex", "twice")
    },
    "PDF, Info /Title a DAG of 2^40 paths (2 KB)": _file(hostile3.pdf_info_dag, "call.pdf"),
    "PDF, a page whose only text is a 4x3 ruled table": _file(hostile3.pdf_table_only, "call.pdf"),
    "PDF, FreeText annotations and filled form fields": _file(hostile3.pdf_annotations, "call.pdf"),
    "PDF, object stream inflating to 1.2 GB (1.2 MB)": _file(hostile3.pdf_object_stream, "call.pdf"),
    "PDF, xref stream inflating to 1.2 GB (1.2 MB)": _file(hostile3.pdf_xref_stream, "call.pdf"),
    "PDF, ToUnicode CMap of 12M tokens in one block (140 KB)": _file(hostile3.pdf_tounicode, "call.pdf"),
    "PDF, LZW never cleared, 200 KB of noise (150 KB)": _file(hostile3.pdf_lzw, "call.pdf"),
    "PDF, 300x300 ruled grid (4 KB)": _file(hostile3.pdf_ruled_grid, "call.pdf"),
    "PDF, image page 612x1 units, --ocr always": _ocr(lambda: hostile3.pdf_image_page(612, 1)),
    "PDF, image page 200,000 units a side, --ocr always": _ocr(lambda: hostile3.pdf_image_page(200_000, 200_000)),
    "DOCX, 1,600 altChunks of a DOCX of 1,600 altChunks (2.56M imports, 1.8 KB)": _file(
        hostile3.docx_alt_chunks, "call.docx"
    ),
    "DOCX, one header part named by 250 relationships (200 KB)": _file(hostile3.docx_shared_header, "call.docx"),
    "Markdown, a table of 49,000 columns and 40 rows": _file(hostile3.markdown_wide_table, "call.md"),
    **{
        f"Markdown, 90k openers ({kind})": _file(lambda kind=kind: hostile3.markdown_brackets(kind), "call.md")  # type: ignore[misc]
        for kind in ("brackets", "images", "lines", "emphasis")
    },
    "HTML, 1.5M inline spans in one paragraph (21 MB)": _file(hostile3.html_inline_spans, "call.html"),
    "convert --jobs 2, SIGTERM/SIGINT at a random time, 24 runs": _signals,
    "convert --jobs 2 of 16 files, one worker SIGKILLed": _kill_worker,
    **{f"earlier round: {name}": _earlier(name) for name in EARLIER},
    "earlier round: nested forms 10x9 (4.2 KB PDF)": _file(hostile_pdf.nested_forms, "call.pdf"),
    "earlier round: Flate to 600 MB of `q Q`": _file(lambda: hostile_pdf.inflating(600_000_000), "call.pdf"),
    "earlier round: 2M `(A) Tj`": _file(lambda: hostile_pdf.many_glyphs(2_000_000), "call.pdf"),
}


def _verdict(kind: str, tmp: Path, stderr: str) -> str:
    """Return what the case did beyond its exit code: a secret written, a line forged."""
    notes = []
    if kind == "tree":
        written = b"".join(p.read_bytes() for p in (tmp / "out").rglob("*") if p.is_file())
        if b"SECRET-OUTSIDE" in written:
            notes.append("file from outside converted")
        if any(line.startswith("docparse: all good") for line in stderr.splitlines()):
            notes.append("forged line")
    if kind.startswith("marker:"):
        marker = kind.removeprefix("marker:")
        out = tmp / "out.json"
        written = out.read_text("utf-8") if out.exists() else ""
        if marker.startswith("twice:"):
            if written.count(marker.removeprefix("twice:")) > 1:
                notes.append("text read twice")
        elif out.exists() and marker not in written:
            notes.append(f"{marker!r} lost")
    if "Traceback" in stderr:
        notes.append("traceback")
    return ", ".join(notes)


def _address_space() -> None:
    # 4 GB of address space at most: an attack that would take the machine's memory fails instead.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def run(name: str, pythonpath: str | None) -> str:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        # Built in a process of its own: a child forked from a parent that held a 11 MB page
        # would start with the parent's peak RSS (Linux keeps it across exec).
        made = subprocess.run(
            [sys.executable, __file__, "--make", name, folder], capture_output=True, text=True, check=True
        )
        args, kind = json.loads(made.stdout)
        env = dict(os.environ)
        if pythonpath:
            env["PYTHONPATH"] = pythonpath
        if args[0] == "python":
            command = [sys.executable, *args[1:]]
        else:
            command = [sys.executable, "-m", "docparse", *args, "--timeout", "10"]
        started = time.monotonic()
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen(
                command, cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=errors, preexec_fn=_address_space
            )
            timer = threading.Timer(300 if args[0] == "python" else 60, process.kill)
            timer.start()
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            killed = not timer.is_alive()
            timer.cancel()
            errors.seek(0)
            stderr = errors.read().decode("utf-8", "replace")
        wall = time.monotonic() - started
        lines = stderr.strip().splitlines()
        last = lines[-1][:80].replace("|", "/") if lines else ""
        extra = _verdict(kind, tmp, stderr)
        outcome = f"rc {process.returncode}, {len(lines)} line(s): `{last}`" + (f"; **{extra}**" if extra else "")
        if killed:
            outcome = "**killed (60 s; 300 s for a script)**"
        cpu = usage.ru_utime + usage.ru_stime
        return f"| {name} | {outcome} | {cpu:.1f} | {usage.ru_maxrss // 1024} | {wall:.1f} |"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pythonpath")
    parser.add_argument("--only")
    parser.add_argument("--make", nargs=2, metavar=("CASE", "DIR"))
    options = parser.parse_args()
    if options.make:
        print(json.dumps(CASES[options.make[0]](Path(options.make[1]))))
        return 0
    print("| attack | outcome | CPU s | MB | wall s |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name in CASES:
        if options.only and options.only not in name:
            continue
        print(run(name, options.pythonpath), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
