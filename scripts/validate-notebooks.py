#!/usr/bin/python3
"""Validates notebooks against the nbformat 4 schema (Debian's python3-nbformat).

    /usr/bin/python3 scripts/validate-notebooks.py notebooks-export target/notebook-check

Every .ipynb under each folder is read and validated; a folder named on the command line must hold at least one.
"""
import pathlib
import sys

import nbformat


def main():
    failures = 0
    for folder in sys.argv[1:]:
        notebooks = sorted(pathlib.Path(folder).rglob("*.ipynb"))
        if not notebooks:
            print(f"error: no notebooks in {folder}")
            failures += 1
        for path in notebooks:
            try:
                nbformat.validate(nbformat.read(str(path), as_version=4))
                print(f"valid: {path}")
            except Exception as e:  # nbformat raises several kinds
                print(f"INVALID: {path}: {e}")
                failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
