"""Errors raised by claimmap.

`BadInput` is the one the command line turns into exit status 2: it names the file
and, where there is one, the line. Everything in `layers` raises it (or a subclass)
for input a person can fix.
"""

from __future__ import annotations

__all__ = ["ClaimmapError", "BadInput", "GazetteerError", "PlaceNotFound"]


class ClaimmapError(Exception):
    """Base class of claimmap's own errors."""


class BadInput(ClaimmapError, ValueError):
    """Input a person can fix: names the file, the line (1-based) and the field.

    >>> str(BadInput("claims file is not YAML", path="a.yaml", line=3))
    'a.yaml:3: claims file is not YAML'
    """

    def __init__(self, message: str, *, path: str | None = None,
                 line: int | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        field = f" (field {self.field!r})" if self.field else ""
        return f"{where}: {self.message}{field}"


class GazetteerError(ClaimmapError):
    """The gazetteer could not be built or read."""


class PlaceNotFound(BadInput, LookupError):
    """A name the gazetteer does not know; `suggestions` holds the nearest spellings."""

    def __init__(self, name: str, suggestions: list[str] | tuple[str, ...] = ()):
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no place called {name!r} in the gazetteer{hint}", path=None)
        self.name = name
        self.suggestions = list(suggestions)

    def __str__(self) -> str:
        return self.message
