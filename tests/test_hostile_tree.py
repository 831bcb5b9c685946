"""Issue 27, batch inputs that try to leave their tree: links out, loops, hostile names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from docparse.files import Skipped, escape_name, iter_calls

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import hostile3


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "docparse", *args], cwd=cwd, capture_output=True, timeout=120, check=False
    )


def test_the_walk_stays_inside_its_tree_and_names_what_it_left(tmp_path: Path) -> None:
    calls = hostile3.escaping_tree(tmp_path, tmp_path / "outside")
    left: list[Skipped] = []
    found = sorted(p.relative_to(calls).as_posix() for p in iter_calls(calls, skipped=left))
    gbk = os.fsdecode("申报指南".encode("gbk")) + ".txt"
    assert found == sorted(["call.txt", "forged\ndocparse: all good.txt", gbk, "sub/same.txt"])
    reasons = {s.path.relative_to(calls).as_posix(): s.reason for s in left}
    assert set(reasons) == {"passwd.txt", "home", "sub/up", "self.txt"}
    assert reasons["passwd.txt"].startswith("a link out of")
    assert "loop" in reasons["sub/up"]


def test_convert_dir_writes_nothing_from_outside_and_forges_no_line(tmp_path: Path) -> None:
    hostile3.escaping_tree(tmp_path, tmp_path / "outside")
    done = _run("convert", "calls", "-o", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.decode().splitlines()
    assert not any(line.startswith("docparse: all good") for line in lines)
    assert all(line.startswith("docparse: ") for line in lines)
    assert "docparse: calls/passwd.txt: skipped: a link out of calls" in done.stderr.decode()
    assert "docparse: calls/sub/up: skipped: a link loop" in done.stderr.decode()
    assert lines[-1] == "docparse: 8 file(s): 4 converted, 4 skipped, 0 failed"
    outputs = sorted((tmp_path / "out").rglob("*.json"))
    assert len(outputs) == 4
    assert not any(b"SECRET-OUTSIDE" in p.read_bytes() for p in outputs)
    gbk = tmp_path / "out" / (os.fsdecode("申报指南".encode("gbk")) + ".json")
    name = json.loads(gbk.read_bytes())["source"]["name"]
    # The bytes that are not UTF-8 as \xNN; a GBK pair that happens to be UTF-8 is read as such.
    assert name.startswith("\\xc9") and name.endswith("\\xc4\\xcf.txt") and name.isprintable()


def test_check_dir_reports_each_link_left_as_dp109(tmp_path: Path) -> None:
    hostile3.escaping_tree(tmp_path, tmp_path / "outside")
    done = _run("check", "calls", "--select", "DP109", cwd=tmp_path)
    out = done.stdout.decode()
    assert done.returncode == 1
    assert sorted(line.split(":", 1)[0] for line in out.splitlines()) == [
        "calls/home",
        "calls/passwd.txt",
        "calls/self.txt",
        "calls/sub/up",
    ]
    assert "SECRET" not in out


def test_escape_name_keeps_a_name_on_one_line() -> None:
    assert escape_name("a\nb\x1b[0m\u202e.txt") == "a\\nb\\x1b[0m\\u202e.txt"
    assert escape_name(os.fsdecode(b"\xd6\xd0.txt")) == "\\xd6\\xd0.txt"
    assert escape_name("研究 指南.pdf") == "研究 指南.pdf"
