"""A longer fuzz run than CI does: mutated fixtures and generated calls, for a time budget.

Not a test. Every input must end in a Document or a DocparseError subclass; anything else is
a bug and is saved under bench/fuzz-crashes/ with its traceback. Prints a summary table.

    .venv/bin/python bench/fuzz.py --seconds 600
"""

from __future__ import annotations

import argparse
import collections
import random
import time
import traceback
from pathlib import Path

import docparse
from docparse.accounting import account
from docparse.options import Limits, ParseOptions
from docparse.pipeline import build_document, source_for
from docparse.read.text import read_string

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures").glob("*/input.*")) + sorted((ROOT / "fixtures" / "hostile").glob("*.pdf"))
CRASHES = Path(__file__).resolve().parent / "fuzz-crashes"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = [(path.name, path.read_bytes()) for path in SEEDS]
    outcomes: collections.Counter[str] = collections.Counter()
    unbalanced = crashes = 0
    slowest = 0.0
    deadline = time.monotonic() + args.seconds
    runs = 0
    while time.monotonic() < deadline:
        runs += 1
        if runs % 2:
            name, base = rng.choice(seeds)
            data = mutate(base, rng)
            label = f"mutated {Path(name).suffix or name}"
        else:
            text = generated_call(rng)
            data, label = text.encode("utf-8"), "generated call"
            reading = read_string(text, options=OPTIONS)
            if any(b.text.strip() or b.rows for b in reading.blocks):
                document = build_document(reading, source_for(data, None, reading), OPTIONS)
                if not account(reading, document).balanced:
                    unbalanced += 1
        started = time.monotonic()
        try:
            docparse.parse(data, options=OPTIONS)
            outcomes[f"{label}: parsed"] += 1
        except docparse.DocparseError as exc:
            outcomes[f"{label}: {type(exc).__name__}"] += 1
        except Exception:
            crashes += 1
            CRASHES.mkdir(exist_ok=True)
            (CRASHES / f"crash-{runs}.bin").write_bytes(data)
            (CRASHES / f"crash-{runs}.txt").write_text(traceback.format_exc(), encoding="utf-8")
        slowest = max(slowest, time.monotonic() - started)
    print(
        f"{runs} inputs in {args.seconds:.0f} s (seed {args.seed}); crashes {crashes}; "
        f"unbalanced accounting {unbalanced}; slowest parse {slowest:.2f} s"
    )
    print("| outcome | count |\n| --- | ---: |")
    for outcome, count in sorted(outcomes.items()):
        print(f"| {outcome} | {count} |")


if __name__ == "__main__":
    main()
