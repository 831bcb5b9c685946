"""Read stage, PDF: bytes → `Reading`. The stages, one module each (see `reader`):

`source` opens the file and walks its pages under a `budget` (`grid` finds a page's ruled
tables, `tables` joins those cut by page breaks); `lines` groups a page's
characters into lines (`text` classifies characters); `furniture` takes out running headers,
footers, footnotes and watermarks; `paragraphs` joins lines into blocks (`joins` decides what
goes between two lines). `reader` runs them in that order.
"""

from docparse.read.pdf.reader import read_pdf

__all__ = ["read_pdf"]
