"""Report model and renderers (PDF, DOCX) and signatures: no Qt."""
