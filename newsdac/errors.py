"""The one exception type the project raises for problems a user can fix."""


class NewsdacError(Exception):
    """A user-facing error; the CLI prints its message on one line and exits 2."""


def where(file: str | None = None, line: int | None = None, article: str | None = None,
          field: str | None = None) -> str:
    """Format a location prefix such as ``data.jsonl:3: article nd-0001: field text``."""
    def shown(value: str) -> str:
        return value if value.isprintable() else repr(value)

    parts = []
    if file is not None:
        parts.append(f"{file}:{line}" if line is not None else str(file))
    if article is not None:
        parts.append(f"article {shown(article)}")
    if field is not None:
        parts.append(f"field {shown(field)}")
    return ": ".join(parts)
