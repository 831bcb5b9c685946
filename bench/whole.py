"""Shared by the whole-process benchmarks: run commands in fresh processes, alternating, and keep CPU and peak RSS.

Every measurement is one child process; its CPU time (user + system) and peak RSS are the
kernel's figures for that child (`os.wait4`), so interpreter start-up and imports count, as they
do for a user. The contestants of one input run in turn (a, b, c, a, b, c, ...) so that a change
in the machine's load falls on all of them; the best and the median of the runs are kept.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
CORPUS = ROOT.parent / "shared" / "corpus"
PYTHON = sys.executable
# Children run with their bytecode cached, as an installed package does (pip compiles it): a shell
# with PYTHONDONTWRITEBYTECODE set would otherwise make every run compile docparse's sources
# again (~0.07 s) while the bare libraries' site-packages bytecode is there. The cache goes to a
# folder of its own (filled by the warm-up round), so no checkout gets `__pycache__` folders.
CHILD_ENV = {"PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "docparse-bench-pycache")}


Row = tuple[str, str, dict[str, "Runs"]]
"""One input's line of a table: its label, its size and each contestant's runs."""


@dataclass
class Runs:
    """The CPU seconds and peak RSS (MiB) of every run of one contestant on one input."""

    cpu: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.cpu)

    @property
    def median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak(self) -> float:
        return max(self.rss)


def run_once(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run `command` in a fresh process (output discarded) → (CPU seconds, peak RSS MiB); raise if it fails."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    # A neutral working directory: `python -m docparse` puts it first on sys.path, so run from a
    # checkout every contestant would import that checkout's docparse, whatever its venv.
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**environment, **CHILD_ENV, **(env or {})},
        cwd=tempfile.gettempdir(),
    )
    assert process.stderr is not None
    error = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command} exited {process.returncode}: {error.decode(errors='replace')[-500:]}")
    # ru_maxrss is in KiB on Linux.
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def alternate(contestants: dict[str, list[str]], runs: int) -> dict[str, Runs]:
    """Run every contestant's command `runs` times, in turn, after one untimed warm-up round (disk cache)."""
    for command in contestants.values():
        run_once(command)
    results = {name: Runs() for name in contestants}
    for _ in range(runs):
        for name, command in contestants.items():
            cpu, rss = run_once(command)
            results[name].cpu.append(cpu)
            results[name].rss.append(rss)
    return results


def python_of(venv: str | None) -> str:
    """Return the interpreter of the virtual environment `venv` (a project checkout's .venv), or this one."""
    return str(Path(venv) / "bin" / "python") if venv else PYTHON


def convert_command(python: str, path: Path, *extra: str) -> list[str]:
    """Return the command line of `docparse convert PATH` to standard output (JSON unless `extra` says)."""
    # -P: `-m` would put the working directory first on sys.path, and run from a checkout every
    # `--before` environment would import that checkout's docparse instead of its own.
    return [python, "-P", "-m", "docparse", "convert", str(path), "-o", "-", "--timeout", "3600", *extra]


def generated_pdf(folder: Path, repeat: int) -> Path:
    """Render the reference call with its body repeated `repeat` times (1 + 7 × `repeat` pages); return its path."""
    out = folder / f"generated-call-x{repeat}.pdf"
    if out.exists():
        return out
    spec = importlib.util.spec_from_file_location(
        "make_seed_pdf_reportlab", ROOT / "fixtures" / "generate" / "make_seed_pdf_reportlab.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.build_pdf(out, repeat=repeat)
    return out


def machine(load_before: float) -> str:
    """Return one line naming the machine and its load before and after the run."""
    return (
        f"Machine: {platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, shared; load average (1 min) {load_before:.1f} before and "
        f"{os.getloadavg()[0]:.1f} after the run; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}."
    )


def write_section(title: str, body: str) -> None:
    """Replace (or append) the section `## title` of bench/RESULTS.md with `body`, leaving the others alone."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    section = f"## {title}\n\n{body.strip()}\n\n"
    if pattern.search(current):
        updated = pattern.sub(lambda _m: section, current)
    else:
        updated = current.rstrip() + "\n\n" + section
    RESULTS.write_text(updated.rstrip() + "\n", encoding="utf-8")


def table(rows: list[Row], reference: str, size_header: str = "pages") -> str:
    """Return a Markdown table: per input and contestant, best / median CPU s, peak RSS, median ratio to `reference`."""
    names = list(rows[0][2])
    header = [f"input | {size_header}"]
    for name in names:
        header.append(f"{name} CPU s best / median | {name} peak MiB")
    header += [f"{name} / {reference} (median)" for name in names if name != reference]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (1 + 2 * len(names) + len(names) - 1)]
    for label, size, results in rows:
        cells = [label, size]
        for name in names:
            runs = results[name]
            cells += [f"{runs.best:.2f} / {runs.median:.2f}", f"{runs.peak:.0f}"]
        ref = results[reference].median
        cells += [f"{results[name].median / ref:.2f}" for name in names if name != reference]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def arguments(doc: str, runs: int = 5) -> argparse.ArgumentParser:
    """Return a parser with the options every whole-process benchmark takes (--runs, --before, --write)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--before", help="virtual environment of the checkout to compare with")
    parser.add_argument("--write", action="store_true", help="replace this benchmark's section of bench/RESULTS.md")
    return parser


def against_bare(inputs: list[tuple[str, str, Path]], bare: str, runs: int, before: str | None) -> list[Row]:
    """Time `docparse convert` of each input (label, size, path) against the script `bare` run on the same path."""
    rows: list[Row] = []
    for label, size, path in inputs:
        contestants = {"bare": [PYTHON, "-c", bare, str(path)]}
        if before:
            contestants["before"] = convert_command(python_of(before), path)
        contestants["docparse"] = convert_command(PYTHON, path)
        results = alternate(contestants, runs)
        rows.append((label, size, results))
        print(label, {name: (round(r.best, 2), round(r.median, 2)) for name, r in results.items()}, flush=True)
    return rows


def report(title: str, command: str, method: str, body: str, load: float, write: bool) -> None:
    """Print the section `title` (the command that made it, its method, the table, the machine); write it if asked."""
    text = f"`{command}`: {method}\n\n{body}\n\n{machine(load)}"
    print(text)
    if write:
        write_section(title, text)


WHOLE_METHOD = (
    "whole processes (start-up and imports included), CPU time user + system and peak RSS from `os.wait4`, "
    "{runs} runs alternating after a warm-up round, bytecode cached as for an installed package."
)
