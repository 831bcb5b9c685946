"""Benchmark: issue 27's attacks (bench/hostile3.py), each a whole `docparse` process; outcome, CPU s, peak RSS.

Not a test (machines are shared and noisy): it prints a Markdown table for bench/RESULTS.md.
Run `.venv/bin/python bench/bench_hostile3.py [--pythonpath DIR] [--only NAME]`; DIR (a checkout
of main) gives the "before" column. Every case runs with `--timeout 10` and is killed after 60 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile3

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


CASES: dict[str, Case] = {
    "convert DIR: links out, loops, hostile names": _tree,
    "convert -v DIR: links out, hostile names, no loop": _tree_no_loop,
    "check DIR: links out, hostile names, no loop": _check_tree,
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
        if "Traceback" in stderr:
            notes.append("traceback")
    return ", ".join(notes)


def run(name: str, case: Case, pythonpath: str | None) -> str:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        args, kind = case(tmp)
        env = dict(os.environ)
        if pythonpath:
            env["PYTHONPATH"] = pythonpath
        command = [sys.executable, "-m", "docparse", *args, "--timeout", "10"]
        started = time.monotonic()
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen(command, cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=errors)
            timer = threading.Timer(60, process.kill)
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
            outcome = "**killed after 60 s**"
        cpu = usage.ru_utime + usage.ru_stime
        return f"| {name} | {outcome} | {cpu:.1f} | {usage.ru_maxrss // 1024} | {wall:.1f} |"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pythonpath")
    parser.add_argument("--only")
    options = parser.parse_args()
    print("| attack | outcome | CPU s | MB | wall s |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, case in CASES.items():
        if options.only and options.only not in name:
            continue
        print(run(name, case, options.pythonpath), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
