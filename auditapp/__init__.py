"""AuditApp: offline GCP audit workbench for CRO audits."""

__version__ = "0.1.0"
