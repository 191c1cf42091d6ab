"""Netra: keeping Indonesia's civil servants politically neutral during elections."""

__version__ = "0.1.0"
