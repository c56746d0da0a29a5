"""claimcheck: cross-check the figures and facts that news articles state about the same subject."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from checker.extract import extract as extract


def __getattr__(name: str) -> Any:
    """Expose `checker.extract` without paying its import cost on `import checker`."""
    if name == "extract":
        from checker.extract import extract

        return extract
    raise AttributeError(name)
