"""papi-extract: Vietnamese PAPI improvement plans to a validated dataset."""

from __future__ import annotations

__version__ = "0.1.0"

from papi_extract.pipeline import parse_bytes, parse_path, parse_text  # noqa: E402

__all__ = ["__version__", "parse_bytes", "parse_path", "parse_text"]
