"""Read stage, DOCX: bytes → `Reading`. `reader` walks the package's body (opened by
`docparse.read.zipguard`, parsed by `docparse.read.xmlsafe`); `numbering` renders Word's
automatic numbering from ``numbering.xml``."""

from docparse.read.docx.reader import read_docx

__all__ = ["read_docx"]
