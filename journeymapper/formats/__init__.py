"""File formats beside the model: JSON map files (and, later, PDF export)."""
