"""The model and the rules: no Qt, no printing."""
