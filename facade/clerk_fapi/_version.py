"""The version of the clerk-fapi distribution, read by the build backend."""

__version__ = "0.1.0"
