"""Benchmark: does time and memory grow linearly with the size of an adversarial input?

Each input is generated at a base size and doubled four times; every size is converted by its
own `python -m docparse convert` process, and that process's CPU time (user + system) and peak
resident memory are read from the kernel (`os.wait4`, the per-child form of
`getrusage(RUSAGE_CHILDREN)`: the latter's peak is the largest child so far, not this one).
CPU time rather than wall time, because the machines are shared; the load average is printed
with the table. Linear growth shows as a ratio near 2 between consecutive sizes.

Not a test. Run: `.venv/bin/python bench/bench_scaling.py [--only NAME] [--steps 5] [--timeout 120]`;
`--pythonpath DIR` measures another checkout (the numbers before a change). The results go in
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import signal
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile_pdf

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def docx(body: str, numbering: str | None = None) -> bytes:
    """Return a minimal DOCX whose ``w:body`` holds `body` (and a numbering part, if given)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr(
            "word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
        )
        if numbering is not None:
            archive.writestr("word/numbering.xml", f'<?xml version="1.0"?><w:numbering {W}>{numbering}</w:numbering>')
            archive.writestr(
                "word/_rels/document.xml.rels",
                '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                'numbering" Target="numbering.xml"/></Relationships>',
            )
    return buffer.getvalue()


def wrapped_lines(n: int) -> bytes:
    """`n` lines of running text with no blank line between them: one paragraph of continuations."""
    return b"1. Title\n" + b"".join(b"word text %05d\n" % i for i in range(n))


def cut_paragraphs(n: int) -> bytes:
    """`n` paragraphs with a blank line between, none ending a sentence: each rejoined to the last."""
    return b"1. Title\n\n" + b"".join(b"word text number %05d\n\n" % i for i in range(n))


def headings(n: int) -> bytes:
    """`n` Markdown headings, each with a line of text."""
    return b"".join(b"## %d. Heading\n\ntext\n\n" % i for i in range(n))


def docx_runs(n: int) -> bytes:
    """One DOCX paragraph of `n` runs of 5 KB each in one style (merged into one span).

    The letters are random so the part compresses as text does (the zip guard refuses a bomb).
    """
    rng = random.Random(n)
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(4000)]
    runs = "".join(
        f'<w:r><w:t xml:space="preserve">{" ".join(rng.choices(words, k=850))[:5000]} </w:t></w:r>' for i in range(n)
    )
    return docx(f"<w:p>{runs}</w:p>")


def docx_paragraphs(n: int) -> bytes:
    """`n` short DOCX paragraphs (the reader's per-paragraph cost)."""
    return docx("".join(f"<w:p><w:r><w:t>{i}. Paragraph</w:t></w:r></w:p>" for i in range(n)))


PLAIN = "Paragraph %d of a long call, with some ordinary words in it"


def plain_text(n: int) -> bytes:
    """`n` paragraphs with no heading and no end punctuation (the outline stage's per-block queries)."""
    return "\n\n".join(PLAIN % i for i in range(n)).encode()


def plain_markdown(n: int) -> bytes:
    """`n` bold-led paragraphs with no heading: the bold-line rules ask about the open node each time."""
    return "\n\n".join(f"**{PLAIN % i}**" for i in range(n)).encode()


def plain_docx(n: int) -> bytes:
    """`n` DOCX paragraphs with no heading and no end punctuation (quadratic in 0.3.0: 12.9 s at 20,000)."""
    return docx("".join(f"<w:p><w:r><w:t>{PLAIN % i}</w:t></w:r></w:p>" for i in range(n)))


def plain_html(n: int) -> bytes:
    """`n` HTML paragraphs with no heading."""
    return ("<html><body>" + "".join(f"<p>{PLAIN % i}</p>" for i in range(n)) + "</body></html>").encode()


def plain_pdf(n: int) -> bytes:
    """`n` PDF lines of running text with no heading, 50 a page."""
    return hostile_pdf.text_lines([PLAIN % i for i in range(n)])


def numbering_label(n: int) -> bytes:
    """A numbering level whose ``lvlText`` repeats ``%1`` `n` times, on 50 numbered paragraphs."""
    numbering = (
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{"%1" * n}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    para = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
    return docx(para * 50, numbering)


def bracket_lines(n: int) -> bytes:
    """One Markdown paragraph of `n` lines of `[` (issue 27): read as plain lines, joined as one paragraph."""
    return b"1. Title\n\n" + b"[\n" * n + b"\nEnd.\n"


def short_lines(n: int) -> bytes:
    """One Markdown paragraph of `n` one-word lines: the joining of a paragraph that grows line by line."""
    return b"1. Title\n\n" + b"word\n" * n + b"\nEnd.\n"


def symbol_kinds(n: int) -> bytes:
    """`n` kinds of private-use symbols, each four times, in paragraphs of 80: the count of letters
    once counted each kind of other character over the whole text (quadratic: 1.4 s at 32,000 kinds)."""
    text = "".join(chr(0xF0000 + i % n) for i in range(4 * n))
    return "\n\n".join(text[i : i + 80] for i in range(0, len(text), 80)).encode()


# name → (generator, base size, file suffix)
CASES: dict[str, tuple[Callable[[int], bytes], int, str]] = {
    "text-wrapped-lines": (wrapped_lines, 500, ".txt"),
    "text-cut-paragraphs": (cut_paragraphs, 500, ".txt"),
    "md-headings": (headings, 6250, ".md"),
    "docx-5KB-runs": (docx_runs, 200, ".docx"),
    "docx-paragraphs": (docx_paragraphs, 12500, ".docx"),
    "docx-lvlText-%1": (numbering_label, 25000, ".docx"),
    "text-plain-paragraphs": (plain_text, 2500, ".txt"),
    "md-bold-paragraphs": (plain_markdown, 2500, ".md"),
    "docx-plain-paragraphs": (plain_docx, 2500, ".docx"),
    "html-plain-paragraphs": (plain_html, 2500, ".html"),
    "pdf-plain-lines": (plain_pdf, 500, ".pdf"),
    "pdf-(A)-Tj": (hostile_pdf.many_glyphs, 10000, ".pdf"),
    "md-[-lines": (bracket_lines, 11250, ".md"),
    "md-short-lines": (short_lines, 11250, ".md"),
    "text-symbol-kinds": (symbol_kinds, 4000, ".txt"),
}


def measure(path: Path, timeout: float, pythonpath: str | None) -> tuple[str, float, float, str]:
    """Return (outcome, CPU seconds, peak RSS in MB, first stderr line) of converting `path`."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    output = path.with_suffix(".out.json")
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            # A file of its own, not /dev/null: convert refuses to overwrite, and writes by rename.
            [sys.executable, "-m", "docparse", "convert", str(path), "-o", str(output)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
            cwd=path.parent,  # not the checkout: `python -m` puts the working folder first on sys.path
        )
        deadline = time.monotonic() + timeout
        killed = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline and not killed:
                os.kill(process.pid, signal.SIGKILL)
                killed = True
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        first = err.read().decode("utf-8", "replace").strip().splitlines()[:1]
    output.unlink(missing_ok=True)
    cpu = usage.ru_utime + usage.ru_stime
    outcome = f"killed >{timeout:g}s" if killed else f"exit {process.returncode}"
    return outcome, cpu, usage.ru_maxrss / 1024, first[0][:90] if first else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(CASES), help="run only these cases")
    parser.add_argument("--steps", type=int, default=5, help="sizes: the base and this many minus one doublings")
    parser.add_argument("--timeout", type=float, default=120.0, help="kill a conversion after this many seconds")
    parser.add_argument("--pythonpath", help="measure the docparse found on this path instead")
    args = parser.parse_args()
    load = os.getloadavg()
    python = sys.version.split()[0]
    print(f"# load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, {os.cpu_count()} CPUs, Python {python}")
    print("| input | n | bytes | outcome | CPU s | ×prev | peak RSS MB | stderr |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (make, base, suffix) in CASES.items():
            if args.only and name not in args.only:
                continue
            previous: float | None = None
            for step in range(args.steps):
                n = base << step
                path = Path(tmp) / f"{name}-{n}{suffix}"
                path.write_bytes(make(n))
                outcome, cpu, rss, line = measure(path, args.timeout, args.pythonpath)
                ratio = f"{cpu / previous:.2f}" if previous else ""
                print(
                    f"| {name} | {n} | {path.stat().st_size} | {outcome} | {cpu:.2f} | {ratio} | {rss:.0f} | {line} |"
                )
                sys.stdout.flush()
                path.unlink()
                previous = cpu
                if outcome.startswith("killed"):
                    break  # the next size would only take longer
    load = os.getloadavg()
    print(f"# load average after {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
