"""A cover title set over two lines of one display size is one title, in a DOCX as in a PDF."""

from __future__ import annotations

import docparse

from .read.docx_factory import make_docx, p, r

BIG = '<w:sz w:val="41"/>'
BODY = '<w:sz w:val="24"/>'


def _body() -> str:
    return "".join(p(r(f"The shared task is described in paragraph {n}.", rpr=BODY)) for n in range(1, 5))


def test_title_lines_one_empty_paragraph_apart_are_one_title() -> None:
    body = p(r("EvaHan 2023", rpr=BIG)) + p() + p(r("Guidelines", rpr=BIG)) + p(r("Version v1.0", rpr=BODY)) + _body()
    assert docparse.parse(make_docx(body)).title == "EvaHan 2023 Guidelines"


def test_lines_further_apart_or_of_another_size_stay_apart() -> None:
    body = p(r("EvaHan 2023", rpr=BIG)) + p() + p() + p() + p(r("Guidelines", rpr=BIG)) + _body()
    assert docparse.parse(make_docx(body)).title == "EvaHan 2023"
    body = p(r("EvaHan 2023", rpr=BIG)) + p(r("Guidelines", rpr='<w:sz w:val="30"/>')) + _body()
    assert docparse.parse(make_docx(body)).title == "EvaHan 2023"
