"""Files, folders and stdin -> Document, with the title, source and date each article carries.

A document's date comes, in order of trust, from `--date`, YAML front matter, a first line
` date YYYY-MM-DD`, or a dateline near the top ("2023-05-17 23:40", "BEIJING, July 4, 2024 /PRNewswire/").
Undated documents are dated later from their own mentions (see checker.dating).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path

import regex

from checker.errors import InputError
from checker.ingest.datelines import find_datelines
from checker.models import Document

SUFFIXES = (".txt", ".md", ".markdown")
_DATE_LINE = regex.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S)
# '---' then 'key: value' lines and no closing '---': front matter, not a rule across the top of an article
_UNCLOSED_FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n[ \t]*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?\n)")
_ISO_DATELINE = regex.compile(r"^[ \t]*(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*$", regex.M)
_DATELINE_WINDOW = 1500


def load_documents(
    paths: Iterable[str], date_override: dt.date | None = None
) -> tuple[list[Document], list[InputError]]:
    """Read every path; unreadable ones become errors without stopping the others."""
    documents: list[Document] = []
    errors: list[InputError] = []
    seen_ids: set[str] = set()
    for path in _expand(paths, errors):
        try:
            text = _read_text(path)
        except InputError as error:
            errors.append(error)
            continue
        try:
            document = parse_document(text, path=str(path), date_override=date_override)
        except InputError as error:
            errors.append(error)
            continue
        document.id = _unique_id(document.id, seen_ids)
        documents.append(document)
    return documents, errors


def _expand(paths: Iterable[str], errors: list[InputError]) -> Iterable[Path]:
    for raw in paths:
        if raw == "-":
            yield Path("-")
            continue
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.exists():
            yield path
        else:
            errors.append(InputError(f"{raw}: no such file or directory"))


def _read_text(path: Path) -> str:
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"{path}:{line}:{column}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    return text.removeprefix("\ufeff") if text.startswith("\ufeff") else text


def _unique_id(base: str, seen: set[str]) -> str:
    candidate, n = base, 2
    while candidate in seen:
        candidate, n = f"{base}-{n}", n + 1
    seen.add(candidate)
    return candidate


def parse_document(text: str, *, path: str, date_override: dt.date | None = None) -> Document:
    """Build a Document from a file's text; spans later index into exactly this text."""
    title = source = None
    currencies: dict[str, str] = {}
    date: dt.date | None = None
    origin: str | None = None
    body_start = 0
    front = _FRONT_MATTER.match(text)
    if front is None and _UNCLOSED_FRONT_MATTER.match(text):
        raise InputError(f"{path}:1:1: front matter is never closed: no '---' line after it")
    if front:
        meta = _front_matter(front.group(1), path)
        title = _as_text(meta.get("title"))
        source = _as_text(meta.get("source"))
        date = _front_date(meta.get("date"), front.group(1), path)
        origin = "front-matter" if date else None
        body_start = front.end()
        currencies = _front_currencies(meta, front.group(1), path)
    elif match := _DATE_LINE.match(text):
        date, origin = _parse_iso(match.group(1)), "date-line"
        if date is None:
            raise InputError(f"{path}:1:{match.start(1) + 1}: the date line's {match.group(1)} is no day")
        body_start = match.end()
    dateline_day = None
    if date is None:
        date = _dateline(text[:_DATELINE_WINDOW])
        origin = "dateline" if date else None
        if date is None and (yearless := next(find_datelines(text, 0, _DATELINE_WINDOW), None)):
            dateline_day = (yearless.month, yearless.day)
    if date_override is not None:
        date, origin = date_override, "override"
    stem = "stdin" if path == "-" else Path(path).stem
    return Document(
        id=stem,
        path=path,
        title=title or _first_title_line(text, front.end() if front else 0),
        source=source,
        date=date,
        date_origin=origin,
        text=text,
        body_start=body_start,
        dateline_day=dateline_day,
        currencies=currencies,
    )


def _front_matter(block: str, path: str) -> dict[str, object]:
    import yaml

    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as error:
        try:  # 'title: Modi in Abu Dhabi: ties deepen', as people write headlines: read with the value quoted
            meta = yaml.safe_load(quoted) if (quoted := _quote_colons(block)) else None
        except yaml.YAMLError:
            meta = None
        except (ValueError, TypeError) as impossible:  # the headline read, then "date: 2024-13-45"
            raise _impossible(block, path, impossible) from None
        if not isinstance(meta, dict):
            mark = getattr(error, "problem_mark", None)
            where = f"{path}:{mark.line + 2}:{mark.column + 1}" if mark else path
            raise InputError(f"{where}: front matter is not valid YAML") from None
    except (ValueError, TypeError) as error:  # PyYAML builds dates itself: "date: 2024-13-45"
        raise _impossible(block, path, error) from None
    return meta if isinstance(meta, dict) else {}


_YAML_DATE = regex.compile(r"^[ \t]*[\w-]+[ \t]*:[ \t]*['\"]?(\d{4}-\d\d?-\d\d?)", regex.M)


def _impossible(block: str, path: str, error: Exception) -> InputError:
    """The error for a value PyYAML could not build, at the first date the calendar does not have."""
    where = path
    for found in _YAML_DATE.finditer(block):
        year, month, day = map(int, found.group(1).split("-"))
        try:
            dt.date(year, month, day)
        except ValueError:
            where = _block_place(block, path, found.start(1))
            break
    return InputError(f"{where}: front matter has an impossible value: {error}")


_PLAIN_LINE = regex.compile(r"(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>.*?)[ \t]*")


def _quote_colons(block: str) -> str | None:
    """The front matter with each plain value that holds ': ' quoted, or None when none does."""
    lines, changed = [], False
    for line in block.splitlines():
        match = _PLAIN_LINE.fullmatch(line)
        value = match.group("value") if match else ""
        if match and ": " in value and value[0] not in "'\"[{|>&*!%@`#":
            line, changed = f"{match.group('key')}: {json.dumps(value, ensure_ascii=False)}", True
        lines.append(line)
    return "\n".join(lines) if changed else None


def _as_text(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


# A desk's own dollar, yen or rupee for one article: a Canadian paper's bare "$" is the Canadian dollar
_CURRENCY_KEYS = ("dollar", "yen", "rupee")
_ISO_4217 = regex.compile(r"[A-Z]{3}")


def _front_currencies(meta: dict[str, object], block: str, path: str) -> dict[str, str]:
    """The front matter's `dollar`, `yen` and `rupee`: what the article's bare '$', '¥' and 'Rs' stand for."""
    currencies = {}
    for key in _CURRENCY_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not _ISO_4217.fullmatch(value.strip()):
            where = _value_place(block, path, key)
            raise InputError(f"{where}: front matter {key} {value!r} is no currency code; write one such as CAD")
        currencies[key] = value.strip()
    return currencies


# How people write a day in front matter besides ISO: '2024-07-04 09:30', 'July 4, 2024', 'Sept. 5, 2024',
# '4 July 2024'. Orders of day and month that depend on the country ('04/07/2024') are not guessed.
_WRITTEN_DATES = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


def _front_date(value: object, block: str, path: str) -> dt.date | None:
    """The front matter's `date`; one given that is no day is an error, never a silently undated article."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        written = value.strip()
        if (date := _parse_iso(written[:10])) is not None:
            return date
        for form in _WRITTEN_DATES:
            try:
                return dt.datetime.strptime(regex.sub(r"\bSept\b", "Sep", written), form).date()
            except ValueError:
                continue
        from email.utils import parsedate_to_datetime  # only here: feeds' dates are rare in front matter

        try:  # 'Thu, 04 Jul 2024 09:30:00 GMT', as feeds date their items
            return parsedate_to_datetime(written).date()
        except (TypeError, ValueError, IndexError):
            pass
    where = _value_place(block, path, "date")
    raise InputError(f"{where}: front matter date {value!r} is no day; write it as YYYY-MM-DD")


def _value_place(block: str, path: str, key: str) -> str:
    """file:line:column of a front-matter key's value, else the file."""
    found = regex.search(rf"^[ \t]*{regex.escape(key)}[ \t]*:[ \t]*", block, regex.M)
    return path if found is None else _block_place(block, path, found.end())


def _block_place(block: str, path: str, offset: int) -> str:
    """file:line:column of an offset into the front matter, which starts on the file's second line."""
    line_start = block.rfind("\n", 0, offset) + 1
    return f"{path}:{block.count(chr(10), 0, offset) + 2}:{offset - line_start + 1}"


def _parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _dateline(head: str) -> dt.date | None:
    """The first dateline near the top: an ISO date alone on its line, or a wire-service dateline."""
    candidates: list[tuple[int, dt.date]] = []
    if iso := _ISO_DATELINE.search(head):
        if (date := _parse_iso(iso.group(1))) is not None:
            candidates.append((iso.start(), date))
    if wire := next((found for found in find_datelines(head) if found.year is not None), None):
        try:
            candidates.append((wire.span[0], dt.date(wire.year, wire.month, wire.day)))  # type: ignore[arg-type]
        except ValueError:
            pass
    return min(candidates)[1] if candidates else None


def _first_title_line(text: str, start: int) -> str | None:
    """A short first line that reads like a headline (no breadcrumbs, no date line, no full stop)."""
    for line in text[start : start + 2000].splitlines():
        line = line.strip().lstrip("#").strip()
        if not line:
            continue
        if _DATE_LINE.match(line) or _ISO_DATELINE.match(line) or regex.search(r"\s>\s", line):
            continue
        if len(line.split()) <= 20 and not line.endswith("."):
            return line
        return None
    return None
