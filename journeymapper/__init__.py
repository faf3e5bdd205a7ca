"""journeymapper: an editor for customer, user and business journey maps."""

__version__ = "0.1.0"
