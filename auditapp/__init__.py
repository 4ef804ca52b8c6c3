"""AuditApp: offline GCP audit workbench for CRO audits."""

import time as _time

__version__ = "0.1.0"

# The earliest moment the app itself can note; the start-up clock falls back to it where the
# operating system cannot tell when the process started (see auditapp.process_clock).
IMPORTED_AT = _time.perf_counter()
