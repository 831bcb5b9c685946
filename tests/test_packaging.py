"""The package installs: the sdist carries what its tests need, the wheel works in a fresh venv."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, SEED

pytest.importorskip("build", reason="the packaging test needs `build` (pip install -e '.[test]')")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder with the sdist and the wheel built from it (as `python -m build` does)."""
    out = tmp_path_factory.mktemp("dist")
    # No build isolation: the test extra installs setuptools and build, so no network is needed.
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def test_sdist_carries_tests_fixtures_docs_and_changelog(dist: Path) -> None:
    (sdist,) = dist.glob("docparse_calls-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    tracked = {"LICENSE", "README.md", "CHANGELOG.md", ".ci/run", ".pre-commit-hooks.yaml", "docs/rules.md"}
    tracked |= {p.relative_to(ROOT).as_posix() for p in FIXTURES.rglob("*") if p.is_file()}
    tracked |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("*.py")}
    tracked |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("*.txt")}
    assert tracked - names == set()
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)


def test_wheel_metadata(dist: Path) -> None:
    (wheel,) = dist.glob("docparse_calls-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        info = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(archive.read(info))
        entry_points = archive.read(info.replace("METADATA", "entry_points.txt")).decode()
        licences = [n for n in archive.namelist() if n.endswith("licenses/LICENSE")]
    assert metadata["Name"] == "docparse-calls"
    assert metadata["License-Expression"] == "MIT"
    assert licences and "docparse contributors" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Programming Language :: Python :: 3.11" in metadata.get_all("Classifier", [])
    assert any(url.startswith("Homepage, https://") for url in metadata.get_all("Project-URL", []))
    assert "docparse = docparse.cli:main" in entry_points


def test_wheel_installs_and_runs_in_a_fresh_venv(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("docparse_calls-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)]
    result = subprocess.run(install, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    # The dependencies come from this environment's site-packages (no network); docparse itself
    # only from the wheel: an editable install is a .pth file, which PYTHONPATH does not read.
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    script = env_dir / ("Scripts/docparse.exe" if os.name == "nt" else "bin/docparse")
    where = subprocess.run(
        [str(python), "-c", "import docparse; print(docparse.__file__, docparse.__version__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,  # not the source tree, which `python -c` would import first
        timeout=120,
        check=False,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.split()[0]).is_relative_to(env_dir)
    converted = subprocess.run(
        [str(script), "convert", str(SEED), "-f", "md"],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert converted.returncode == 0, converted.stderr
    assert converted.stdout.decode("utf-8") == (FIXTURES / "seed" / "expected.md").read_text(encoding="utf-8")
