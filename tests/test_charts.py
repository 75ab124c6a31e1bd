"""--plot FILE on timeline, trends and quantities --group-by: real PNG, SVG and PDF files, or a one-line hint."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import wire
from conftest import SEEDS, run_cli, run_proc

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return wire.write(tmp_path_factory.mktemp("charts"))


def svg_marks(path) -> int:
    """The drawn shapes of an SVG file, after checking its root is <svg>."""
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return sum(1 for el in root.iter() if el.tag.endswith(("path", "use", "rect")))


def test_timeline_svg_and_png(corpus, tmp_path):
    svg, png = tmp_path / "t.svg", tmp_path / "t.png"
    code, out, err = run_cli("timeline", str(corpus), "--plot", str(svg), "--json")
    assert code == 0 and out.startswith("[") and f"chart written to {svg}" in err
    assert svg_marks(svg) > 10
    assert run_cli("timeline", str(SEEDS), "--plot", str(png), "--format", "csv")[0] == 0
    assert png.read_bytes()[:8] == PNG


def test_trends_png_and_pdf(corpus, tmp_path):
    png, pdf = tmp_path / "trends.png", tmp_path / "trends.pdf"
    assert run_cli("trends", str(corpus), "--by", "day", "--plot", str(png), "--json")[0] == 0
    assert png.read_bytes()[:8] == PNG and png.stat().st_size > 5000
    assert run_cli("trends", str(corpus), "--plot", str(pdf), "--json")[0] == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_quantity_bars(tmp_path):
    svg = tmp_path / "q.svg"
    code, _, err = run_cli("quantities", str(SEEDS), "--group-by", "category", "--plot", str(svg), "--json")
    assert code == 0 and "chart written" in err
    assert svg_marks(svg) > 10
    code, _, err = run_cli("quantities", str(SEEDS), "--plot", str(svg))
    assert code == 2 and "--group-by" in err


def test_chart_file_must_be_png_svg_or_pdf(corpus):
    code, _, err = run_cli("trends", str(corpus), "--plot", "chart.gif")
    assert code == 2 and ".png, .svg, .pdf" in " ".join(err.replace("\u2502", " ").split())


def test_without_matplotlib_one_line_hint(corpus, tmp_path):
    """A folder on PYTHONPATH whose `matplotlib` cannot be imported stands for an install without the extra."""
    fake = tmp_path / "nompl" / "matplotlib"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('matplotlib is not installed')\n")
    res = run_proc("trends", str(corpus), "--plot", str(tmp_path / "t.png"), "--json",
                   env={"PYTHONPATH": str(fake.parent)})
    assert res.returncode == 1
    lines = [ln for ln in res.stderr.splitlines() if "matplotlib" in ln]
    assert lines == ["kcli: --plot needs matplotlib: pip install 'karabakh-cli[plot]' (or make install)"]
    assert not (tmp_path / "t.png").exists()
