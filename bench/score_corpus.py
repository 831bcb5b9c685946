"""Score docparse on a corpus of real calls: one line per document, then the totals.

    python bench/score_corpus.py [CORPUS_DIR] [--expect EXPECT.json] [--out DIR] [--only NAME ...]

CORPUS_DIR defaults to ../shared/corpus; each name in EXPECT.json (default CORPUS_DIR/expect.json)
is a file in CORPUS_DIR. Each file is converted in this process (`docparse.to_json`) and scored
by ../shared/tools/score_outline.py, as tests/test_corpus_score.py does; `--out` keeps the JSON
exports and the scorer's reports (which checks failed) for reading.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import docparse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=SHARED / "corpus")
    parser.add_argument("--expect", type=Path)
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_outline.py")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args(argv)
    expect = args.expect or args.corpus / "expect.json"
    names = sorted(json.loads(expect.read_text(encoding="utf-8")))
    if args.only:
        names = [n for n in names if n in args.only]
    out = args.out or Path(tempfile.mkdtemp(prefix="docparse-score-"))
    out.mkdir(parents=True, exist_ok=True)
    passed = total = whole = 0
    for name in names:
        exported = out / f"{name}.json"
        try:
            exported.write_text(docparse.to_json(docparse.parse(args.corpus / name)), encoding="utf-8")
        except docparse.DocparseError as error:
            exported.write_text("{}", encoding="utf-8")
            print(f"{name}: docparse failed: {error}", file=sys.stderr)
        run = subprocess.run(
            [sys.executable, str(args.scorer), str(expect), name, str(exported)],
            capture_output=True,
            text=True,
            check=False,
        )
        (out / f"{name}.score").write_text(run.stdout + run.stderr, encoding="utf-8")
        last = (run.stdout.strip().splitlines() or [f"{name}: 0/0 checks"])[-1]
        print(last)
        found = re.search(r"(\d+)/(\d+) checks", last)
        if found:
            got, of = int(found.group(1)), int(found.group(2))
            passed, total, whole = passed + got, total + of, whole + (got == of)
    share = 100 * passed / total if total else 0.0
    print(f"TOTAL: {passed}/{total} checks ({share:.1f}%), {whole}/{len(names)} documents whole; reports in {out}")
    return 0 if passed == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
