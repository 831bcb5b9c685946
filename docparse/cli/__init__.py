"""The `docparse` command line: argument parsing and output only, no parsing logic.

`arguments` is the grammar (every subcommand and its options; light, so that `--version`,
`--help` and usage errors cost no model or pipeline); one module per front-end runs it, imported
only when its command runs:

- `convert`: calls → JSON, YAML or Markdown, one file or a tree, `--jobs` at a time;
- `check` (with `config`, its settings, and `formatters`, its output): the lint;
- `schema`: the JSON Schema of the output;
- `explain`: `docparse explain FILE`, why each block became what it is (`docparse.explanation`);
- `rule`: `docparse rule DP301`; `rule_docs` writes docs/rules.md from the same table;
- `common`: exit codes, bounded reads, atomic writes, shared by all of them.

The rules themselves live in `docparse/check/` and never import from here.

Exit codes: 0 success, 1 a document could not be parsed (or, for ``check``, findings at or
above the fail level), 2 usage or I/O error (a full disk, a closed standard output), 130
interrupted (Ctrl-C), 143 terminated (SIGTERM). Every failure is one line on standard error.
"""

from docparse.cli.main import main

__all__ = ["main"]
