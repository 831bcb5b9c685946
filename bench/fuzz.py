"""A longer fuzz run than CI does: mutated fixtures and generated calls, for a time budget.

Not a test. A quarter of the inputs are fixtures with bytes flipped, cut or repeated; a quarter are
DOCX fixtures whose XML trees are mutated (bench/docx_mutations.py: byte flips never get past
the zip CRC); a quarter are calls generated from fragments; a quarter are the attack families of
issue 27 (bench/hostile3.py, at small sizes), as made or with bytes mutated. Every input must end in a Document or
a DocparseError subclass within HANG_SECONDS; anything else is a bug, saved under
bench/fuzz-crashes/ with its traceback. Every Document is checked from the source
(`docparse.read.sourcecount`): an input whose letters are not all held is saved under
bench/fuzz-losses/. Prints a summary table and the slowest inputs.

    .venv/bin/python bench/fuzz.py --seconds 600
"""

from __future__ import annotations

import argparse
import collections
import collections.abc
import random
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile3
from docx_mutations import mutate_docx

import docparse
from docparse.options import Limits, ParseOptions
from docparse.read.sourcecount import account_source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures").glob("*/input.*")) + sorted((ROOT / "fixtures" / "hostile").glob("*.pdf"))
CRASHES = Path(__file__).resolve().parent / "fuzz-crashes"
LOSSES = Path(__file__).resolve().parent / "fuzz-losses"
# A parse that runs this long has ignored max_seconds: a hang.
HANG_SECONDS = 60
# Small limits keep one mutated input from eating the budget.
OPTIONS = ParseOptions(limits=Limits(max_seconds=10, max_pages=50))

FRAGMENTS = [
    "1. 开放课题",
    "1.1 机器学习",
    "2.3 深度学习",
    "建议研究方向：",
    "Research directions:",
    "1) **优化算法研究**：研究收敛性。",
    "(2) 可解释性",
    "① 模型压缩。",
    "（一）人工智能",
    "一、总体要求",
    "第一章 基础研究",
    "■ 深度学习在 Web 端的应用研究",
    "- Blockchain platforms:",
    "* 技术标签：深度学习",
    "**详细描述：**",
    "[返回目录](#)",
    "申报主题目录",
    "1.1 机器学习.....3",
    "附件一:",
    "### No.236：任务",
    "| a | b |\n| - | - |\n| 1 | 2 |",
    "Specific areas of research include the following:",
    "本项目期望研究基础理论，着重方法",
    "的效果和效率。",
]


HOSTILE: dict[str, collections.abc.Callable[[], bytes]] = {
    "table-only page.pdf": lambda: hostile3.pdf_table_only(3, 3),
    "annotations.pdf": lambda: hostile3.pdf_annotations(2, 2),
    "object stream.pdf": lambda: hostile3.pdf_object_stream(2_000_000),
    "xref stream.pdf": lambda: hostile3.pdf_xref_stream(2_000_000),
    "ToUnicode CMap.pdf": lambda: hostile3.pdf_tounicode(200_000),
    "LZW.pdf": lambda: hostile3.pdf_lzw(5_000),
    "ruled grid.pdf": lambda: hostile3.pdf_ruled_grid(110, step=5),
    "strip page.pdf": lambda: hostile3.pdf_image_page(612, 1),
    "altChunks.docx": lambda: hostile3.docx_alt_chunks(20, 20),
    "shared header.docx": lambda: hostile3.docx_shared_header(50, words=200),
    "wide table.md": lambda: hostile3.markdown_wide_table(1_300, 40),
    "brackets.md": lambda: hostile3.markdown_brackets("brackets", 5_000),
    "inline spans.html": lambda: hostile3.html_inline_spans(20_000),
}
"""Issue 27's attack families (bench/hostile3.py), at sizes that parse in about a second."""


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Return `data` truncated, with bytes flipped, a chunk repeated or junk inserted."""
    choice = rng.randrange(4)
    if not data:
        return bytes(rng.randrange(256) for _ in range(64))
    if choice == 0:
        return data[: rng.randrange(len(data))]
    if choice == 1:
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if choice == 2:
        start = rng.randrange(len(data))
        chunk = data[start : start + rng.randint(1, 4096)]
        return data[:start] + chunk * rng.randint(2, 50) + data[start:]
    at = rng.randrange(len(data))
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 512))) + data[at:]


def generated_call(rng: random.Random) -> str:
    parts = [rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 40))]
    return "".join(part + rng.choice(["\n", "\n\n", "\r\n\r\n"]) for part in parts)


class Hang(Exception):
    """One input ran past HANG_SECONDS, whatever its own limits said."""


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang


def _save(folder: Path, run: int, data: bytes, note: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"input-{run}.bin").write_bytes(data)
    (folder / f"input-{run}.txt").write_text(note, encoding="utf-8")


def next_input(run: int, rng: random.Random, seeds: list[tuple[str, bytes]]) -> tuple[bytes, str, str]:
    """Return the input of run `run`, its kind (for the table) and what was done to it."""
    kind = run % 4
    if kind == 3:
        name = rng.choice(sorted(HOSTILE))
        data = HOSTILE[name]()
        if rng.random() < 0.5:
            return data, f"issue 27 {name}", "as made"
        return mutate(data, rng), f"issue 27 {name}", "mutated bytes"
    if kind == 0:
        name, base = rng.choice([seed for seed in seeds if seed[0].endswith(".docx")])
        data, done = mutate_docx(base, rng)
        return data, "DOCX structure", done
    if kind == 1:
        name, base = rng.choice(seeds)
        return mutate(base, rng), f"mutated bytes {Path(name).suffix or name}", name
    return generated_call(rng).encode("utf-8"), "generated call", ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = [(path.name, path.read_bytes()) for path in SEEDS]
    outcomes: collections.Counter[str] = collections.Counter()
    crashes = hangs = losses = checked = 0
    slowest: list[tuple[float, str, str]] = []
    signal.signal(signal.SIGALRM, _alarm)
    deadline = time.monotonic() + args.seconds
    runs = 0
    while time.monotonic() < deadline:
        runs += 1
        data, label, done = next_input(runs, rng, seeds)
        started = time.process_time()
        signal.alarm(HANG_SECONDS)
        try:
            document = docparse.parse(data, options=OPTIONS)
            outcomes[f"{label}: parsed"] += 1
            result = account_source(data, document)
            checked += 1
            if not result.complete:
                losses += 1
                _save(LOSSES, runs, data, f"{label} {done}\nmissing {dict(result.missing)!r}\n")
        except Hang:
            hangs += 1
            outcomes[f"{label}: hang"] += 1
            _save(CRASHES, runs, data, f"{label} {done}\nran past {HANG_SECONDS} s\n")
        except docparse.DocparseError as exc:
            outcomes[f"{label}: {type(exc).__name__}"] += 1
        except Exception:
            crashes += 1
            outcomes[f"{label}: crash"] += 1
            _save(CRASHES, runs, data, f"{label} {done}\n{traceback.format_exc()}")
        finally:
            signal.alarm(0)
        slowest = sorted([*slowest, (time.process_time() - started, label, done)], reverse=True)[:5]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{runs} inputs in {args.seconds:.0f} s (seed {args.seed}); crashes {crashes}; hangs {hangs}; "
        f"source losses {losses} of {checked} parsed; peak RSS {peak:.0f} MB"
    )
    print("\n| outcome | count |\n| --- | ---: |")
    for outcome, count in sorted(outcomes.items()):
        print(f"| {outcome} | {count} |")
    print("\n| slowest (CPU s) | input |\n| ---: | --- |")
    for seconds, label, done in slowest:
        print(f"| {seconds:.2f} | {label} {done} |")


if __name__ == "__main__":
    main()
