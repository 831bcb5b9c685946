"""`python -m docparse`: the command-line tool."""

from docparse.cli import main

raise SystemExit(main())
