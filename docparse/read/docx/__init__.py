"""Read stage, DOCX: bytes → `Reading`. `reader` opens the package (through `docparse.read.zipguard`,
every part parsed by `docparse.read.xmlsafe`) and reads its parts in order; `body` walks the
stories (body, cells, text boxes, headers, notes) into blocks; `styles` resolves the style
chains and `numbering` renders Word's automatic numbering from ``numbering.xml``; `ooxml` names
the WordprocessingML tags."""

from docparse.read.docx.reader import read_docx

__all__ = ["read_docx"]
