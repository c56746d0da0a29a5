"""claimcheck: cross-check the figures and facts that news articles state about the same subject.

`checker.extract(text, reference_date=...)` is the extraction API; it is imported on first use so that
`import checker` (and `claimcheck --version`) stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "extract":
        import checker.extract

        return checker.extract
    raise AttributeError(name)
