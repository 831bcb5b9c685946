"""Source-side accounting on every input at hand: fixtures, hostile PDFs, corpora, lossy shapes.

Not a test (the suite skips the larger corpus PDFs for time). For each input: the letters and
digits of the source (`docparse.read.sourcecount`, read without the readers) and how many of
them the outline and its dropped record do not hold. The generated inputs are the shapes issue
12 found losing text (Markdown nested past markdown-it's limit, link definitions, DOCX comments,
imports, hidden runs, text where Word shows none). Prints a Markdown table.

    .venv/bin/python bench/nothing_lost.py
    PYTHONPATH=OTHER_CHECKOUT .venv/bin/python bench/nothing_lost.py   # another docparse (before)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after PYTHONPATH: another checkout's docparse can be measured

import docparse  # noqa: E402
from docparse.read.sourcecount import account_source, letters, source_texts  # noqa: E402
from tests.read.docx_factory import make_docx, p, r  # noqa: E402

SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")
FOLDERS = (ROOT / "fixtures", ROOT.parent / "shared" / "corpus", ROOT.parent / "corpus-extra")


def inputs() -> list[Path]:
    """Return the fixtures' inputs, the hostile PDFs and the corpus documents that exist here."""
    found = sorted((ROOT / "fixtures").glob("*/input.*")) + sorted((ROOT / "fixtures" / "hostile").glob("*.pdf"))
    for folder in FOLDERS[1:]:
        if folder.is_dir():
            found += sorted(path for path in folder.iterdir() if path.suffix in SUFFIXES)
    return found


def generated() -> dict[str, bytes]:
    """Return the inputs built to make a reader lose text, by name."""
    line = "深度学习框架研究 deep learning framework research 2026"
    made = {
        "20-nested-quotes.md": "\n".join("> " * 20 + f"{line} {i}" for i in range(200)),
        "10-nested-lists.md": "\n".join("    " * (i % 12) + f"- {line} {i}" for i in range(200)),
        "300-nested-quotes.md": "\n".join("> " * 300 + f"{line} {i}" for i in range(50)),
        "link-definitions.md": '# Call\n\nSee [home][1].\n\n[1]: https://example.org/call "Call home"\n[x]: /unused\n',
    }
    texts = {name: text.encode("utf-8") for name, text in made.items()}
    para = p(r(f"1. {line}"), r(extra='<w:commentReference w:id="1"/>'))
    texts["comments.docx"] = make_docx(
        para, comments=f'<w:comment w:id="1">{p(r("审阅意见 reviewer note"))}</w:comment>'
    )
    html = f"<html><body><p>{line} imported</p></body></html>".encode()
    chunk = para + '<w:altChunk r:id="rIdA"/><w:altChunk r:id="rIdB"/>'
    chunks = {"rIdA": ("afchunk.htm", html), "rIdB": ("afchunk.rtf", rb"{\rtf1 text}")}
    texts["altchunk.docx"] = make_docx(chunk, chunks=chunks)
    texts["hidden-run.docx"] = make_docx(p(r(line), r("隐藏 hidden", rpr="<w:vanish/>")))
    texts["text-outside-runs.docx"] = make_docx(para + r("stray run") + "<w:t>stray text</w:t>")
    return texts


def main() -> int:
    print("| input | source letters | missing | outcome | seconds |\n| --- | ---: | ---: | --- | ---: |")
    lost = 0
    cases = [(f"{path.parent.name}/{path.name}", path.read_bytes()) for path in inputs()]
    cases += [(f"generated/{name}", data) for name, data in generated().items()]
    for label, data in cases:
        name = label.rsplit("/", 1)[-1]
        started = time.process_time()
        try:
            document = docparse.parse(data, name=name)
        except docparse.DocparseError as exc:
            print(f"| {label} | {account_source_total(data, name)} | | {type(exc).__name__} | |")
            continue
        result = account_source(data, document, name=name)
        lost += result.missing.total()
        seconds = time.process_time() - started
        missing = "".join(sorted(result.missing.elements()))[:40]
        print(
            f"| {label} | {result.source_total} | {result.missing.total()} "
            f"| parsed{' ' + missing if missing else ''} | {seconds:.1f} |"
        )
    return 1 if lost else 0


def account_source_total(data: bytes, name: str) -> str:
    """Return how many letters and digits a refused input holds ("" when it cannot be read at all)."""
    try:
        return str(sum(letters(source_texts(data, name=name)).values()))
    except Exception:  # a damaged file the plain extraction cannot read either
        return ""


if __name__ == "__main__":
    raise SystemExit(main())
