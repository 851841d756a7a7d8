"""`python -m annotator`: the same as the `annotator` command."""

import sys

from annotator.cli import main

if __name__ == "__main__":
    sys.exit(main())
