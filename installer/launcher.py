"""Entry point of the frozen application (PyInstaller): the same main() as `auditapp`."""

import sys

from auditapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
