"""Benchmark docparse on engines: the bare library, `convert --jobs 2`, Dask and Ray on 2 workers.

Not a test: timings depend on the machine and on what else runs on it, so the load average is
printed with the result. The folder holds 10 copies of each of the six seed fixtures (text,
Markdown-free text, two DOCX, a PDF, HTML; 60 calls) plus one corrupt PDF. Every mode runs in a
fresh process (imports, cluster start and shutdown included, as a user pays them). For each
the whole process tree is measured: CPU seconds (user + system, of the process and every child
it waited for), and peak RSS summed over the tree, sampled every 0.1 s with psutil (the number
of processes at that peak is shown). The outputs of every mode are checked equal to the bare
run's. `--corpus` also times the bare library on the real calls of ../shared/corpus (per-file
CPU), which is what 100,000 calls cost.

Run: .venv/bin/python bench/bench_scale.py [--corpus] [--write]
`--write` replaces the "## At scale" section of bench/RESULTS.md with the result.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = sorted((ROOT / "fixtures").glob("seed*/input.*"))
CORRUPT = ROOT / "fixtures" / "hostile" / "pdf-truncated.pdf"
COPIES = 10
PY = sys.executable

BARE = """
import sys, time
from pathlib import Path
from docparse.cli.convert import plan, convert_job, Job
planned = plan([sys.argv[1]], sys.argv[2])
for job in planned:
    if isinstance(job, Job):
        convert_job(job)
"""
START = {
    "dask": (
        "from dask.distributed import Client, LocalCluster\n"
        "with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c,"
        " Client(c) as cl:\n    cl.submit(sum, [1]).result()\n"
    ),
    "ray": (
        "import ray\nray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)\n"
        "ray.get(ray.remote(sum).remote([1]))\nray.shutdown()\n"
    ),
}


@dataclass
class Run:
    name: str
    wall: float
    cpu: float
    peak_rss: int
    processes: int


def measure(name: str, command: list[str]) -> Run:
    """Run `command` as a child and return its wall time, CPU of its tree and its peak tree RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    proc = psutil.Process(child.pid)
    peak, count, cpu_seen = 0, 0, {}
    while child.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        total = 0
        for p in tree:
            try:
                total += p.memory_info().rss
                times = p.cpu_times()
                cpu_seen[p.pid] = times.user + times.system
            except psutil.NoSuchProcess:
                pass
        if total > peak:
            peak, count = total, len(tree)
        time.sleep(0.1)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # Processes a child started but did not wait for (Ray's daemons) are not in RUSAGE_CHILDREN:
    # the sampled CPU of the tree (last seen per process) is the floor.
    return Run(name, wall, max(waited, sum(cpu_seen.values())), peak, count)


def make_folder(folder: Path) -> None:
    for copy in range(COPIES):
        for seed in SEEDS:
            target = folder / f"batch-{copy:02d}" / seed.parent.name / seed.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(seed, target)
    shutil.copy(CORRUPT, folder / "broken.pdf")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.json")}


def corpus_cpu() -> list[tuple[str, float]]:
    """Return (file, CPU seconds of docparse.convert_one) for each real call in the corpus, in one process."""
    script = (
        "import json, sys, time, docparse\n"
        "out = []\n"
        "for path in sys.argv[1:]:\n"
        "    t = time.process_time(); docparse.convert_one(path); out.append((path, time.process_time() - t))\n"
        "print(json.dumps(out))\n"
    )
    files = sorted(str(p) for p in CORPUS.iterdir() if p.suffix in {".pdf", ".txt", ".docx", ".html"})
    result = subprocess.run([PY, "-c", script, *files], capture_output=True, text=True, check=True, cwd=ROOT)
    return [(Path(f).name, s) for f, s in json.loads(result.stdout)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="also time the real calls of ../shared/corpus")
    parser.add_argument("--write", action="store_true", help="write the result into bench/RESULTS.md")
    args = parser.parse_args()
    load = os.getloadavg()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as temp:
        calls = Path(temp) / "calls"
        make_folder(calls)
        files = sum(1 for _ in calls.rglob("*.*"))
        outs = {name: Path(temp) / name for name in ("bare", "jobs2", "dask", "ray")}
        commands = {
            "bare": [PY, "-c", BARE, str(calls), str(outs["bare"])],
            "jobs2": [PY, "-m", "docparse", "convert", str(calls), "-o", str(outs["jobs2"]), "--jobs", "2", "-q"],
            "dask": [PY, "examples/dask_convert.py", str(calls), str(outs["dask"]), "--workers", "2"],
            "ray": [PY, "examples/ray_convert.py", str(calls), str(outs["ray"]), "--cpus", "2"],
        }
        runs.append(measure("python (interpreter only)", [PY, "-c", "pass"]))
        runs.append(measure("import docparse", [PY, "-c", "import docparse"]))
        for engine, code in START.items():
            runs.append(measure(f"{engine}: start + stop, no work", [PY, "-c", code]))
        for name, command in commands.items():
            runs.append(measure(name, command))
        reference = tree(outs["bare"])
        same = {name: tree(out) == reference for name, out in outs.items()}
        ray_pq = Path(temp) / "ray-pq"
        runs.append(measure("ray --parquet", [*commands["ray"][:3], str(ray_pq), "--cpus", "2", "--parquet"]))
        dask_pq = Path(temp) / "dask-pq"
        runs.append(measure("dask --parquet", [*commands["dask"][:3], str(dask_pq), "--workers", "2", "--parquet"]))
    corpus = corpus_cpu() if args.corpus and CORPUS.is_dir() else []
    text = report(runs, files, same, corpus, load)
    print(text)
    if args.write:
        write_section(text)
    return 0


def report(
    runs: list[Run], files: int, same: dict[str, bool], corpus: list[tuple[str, float]], load: tuple[float, ...]
) -> str:
    lines = [
        "## At scale",
        "",
        f"`bench/bench_scale.py` on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, load average {load[0]:.1f} at the start (other jobs were running: wall times "
        f"are inflated, CPU seconds much less so). {files} files: 10 copies of each seed fixture and a corrupt PDF; "
        "2 workers for every parallel mode. CPU and peak RSS are of the whole process tree.",
        "",
        "| mode | wall s | CPU s | peak RSS MB (processes) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for run in runs:
        lines.append(f"| {run.name} | {run.wall:.1f} | {run.cpu:.1f} | {run.peak_rss / 2**20:.0f} ({run.processes}) |")
    lines += [
        "",
        "Outputs equal to the bare run's: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in same.items()),
    ]
    if corpus:
        lines += ["", "Bare library, CPU seconds per real call (../shared/corpus):", ""]
        lines += [f"- {name}: {seconds:.2f} s" for name, seconds in corpus]
    return "\n".join(lines) + "\n"


def write_section(text: str) -> None:
    body = RESULTS.read_text(encoding="utf-8")
    head, _, rest = body.partition("## At scale")
    tail = rest.split("\n## ", 1)[1] if "\n## " in rest else ""
    RESULTS.write_text(head.rstrip("\n") + "\n\n" + text + ("\n## " + tail if tail else ""), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
