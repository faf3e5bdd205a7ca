"""A wheel, what ``pip install .`` installs, carries the bundled fonts where fonts.py looks for them,
and the application icon where app_icon.py looks for it.

The fonts and the icon stay in the repository's resources/, outside the package, so only a real
build shows whether pyproject.toml puts them into it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import journeymapper
from journeymapper import app_icon
from journeymapper.formats.pdf import fonts

from support import REPO

LICENCE_FILE = "LICENSE-DejaVu.txt"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """A wheel built, as pip builds one, from a copy of the repository.

    The copy keeps build/ and *.egg-info out of the checkout. pip builds in an isolated environment,
    with setuptools from the package index: the virtual environment's own may be older than the one
    pyproject.toml's metadata needs.
    """
    source = tmp_path_factory.mktemp("source")
    shutil.copytree(
        REPO,
        source,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "__pycache__"),
    )
    out = tmp_path_factory.mktemp("wheel")
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)]
    subprocess.run(build, check=True, timeout=300)
    (built,) = out.glob("journeymapper-*.whl")
    with zipfile.ZipFile(built) as archive:
        yield archive


def test_the_wheel_has_the_bundled_fonts_where_fonts_py_looks(wheel):
    # Where fonts.py looks, as a path inside site-packages: the name the wheel must give the files.
    site = Path(journeymapper.__file__).parent.parent
    folder = Path(str(fonts.PACKAGED)).relative_to(site).as_posix()
    for name in (fonts.REGULAR_FILE, fonts.BOLD_FILE, LICENCE_FILE):
        assert f"{folder}/{name}" in wheel.namelist()
        assert wheel.read(f"{folder}/{name}") == (REPO / "resources" / "fonts" / name).read_bytes()


def test_the_wheel_has_the_application_icon_where_app_icon_py_looks(wheel):
    site = Path(journeymapper.__file__).parent.parent
    name = f"{Path(str(app_icon.PACKAGED)).relative_to(site).as_posix()}/{app_icon.ICON_FILE.name}"
    assert wheel.read(name) == (REPO / "resources" / "icons" / app_icon.ICON_FILE.name).read_bytes()


def test_the_wheel_has_every_module(wheel):
    # pyproject.toml lists the packages by hand (package discovery cannot see the fonts' mapping).
    modules = {path.relative_to(REPO).as_posix() for path in (REPO / "journeymapper").rglob("*.py")}
    assert modules - set(wheel.namelist()) == set()


def test_the_wheel_has_the_version_kept_in_the_package_and_the_licences(wheel):
    metadata = next(name for name in wheel.namelist() if name.endswith(".dist-info/METADATA"))
    fields = wheel.read(metadata).decode().splitlines()
    assert f"Version: {journeymapper.__version__}" in fields
    licences = {Path(name).name for name in wheel.namelist() if ".dist-info/licenses/" in name}
    assert {"LICENSE", LICENCE_FILE} <= licences
