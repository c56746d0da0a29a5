"""The claim archive: documents, mentions and claims kept in SQLite across runs.

One file (stdlib sqlite3, WAL). Each `add` is one transaction: a crash or Ctrl-C leaves the archive as
it was. A document whose content hash is stored already is skipped; a changed one replaces its claims.
Claims are indexed by their subject set, so `check --against` loads only the claims that can meet the
new ones, whatever the archive's size. A file that is not a claimcheck archive is never modified.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from checker.errors import ClaimcheckError
from checker.models import Claim, Document, Mention

APPLICATION_ID = 0x43434B31  # "CCK1": marks the file as a claimcheck archive
MIGRATIONS: list[str] = [
    # version 1
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        title TEXT,
        source TEXT,
        date TEXT,
        date_origin TEXT,
        body_start INTEGER NOT NULL,
        hash TEXT NOT NULL,
        text BLOB NOT NULL,
        mentions BLOB NOT NULL,
        added_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        subject_key TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX claims_by_subjects ON claims(subject_key);
    CREATE INDEX claims_by_document ON claims(document);
    """,
]
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(ClaimcheckError):
    """An archive that cannot be opened, is corrupt, or belongs to another program."""


def subject_key(claim: Claim) -> str:
    return "\x1f".join(sorted(claim.subjects))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class AddResult:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    claims: int = 0


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        _refuse_foreign(path)
        try:
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 30000")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: cannot open the archive: {error}") from None

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        if self._version() == len(MIGRATIONS):
            return
        try:
            self.db.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
        except sqlite3.OperationalError:
            pass  # another process holds the file; it will switch it, or rollback journaling is still correct
        with self._transaction():  # one migrator at a time; look again once the lock is ours
            version = self._version()
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _version(self) -> int:
        application_id, version, tables = _header(self.db)
        if application_id != APPLICATION_ID and tables:
            raise StoreError(f"{self.path}: not a claimcheck archive (left untouched)")
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path}: archive schema {version} is newer than this claimcheck ({len(MIGRATIONS)})")
        return version

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def add(self, items: Iterable[tuple[Document, list[Mention], list[Claim]]]) -> AddResult:
        """Store analysed documents in one transaction; unchanged ones are skipped."""
        result = AddResult()
        try:
            with self._transaction():
                for document, mentions, claims in items:
                    digest = content_hash(document.text)
                    row = self.db.execute("SELECT hash FROM documents WHERE id = ?", (document.id,)).fetchone()
                    if row and row[0] == digest:
                        result.unchanged += 1
                        continue
                    if row:
                        self.db.execute("DELETE FROM documents WHERE id = ?", (document.id,))
                        result.replaced += 1
                    else:
                        result.added += 1
                    self._insert(document, mentions, claims)
                    result.claims += len(claims)
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: could not write the archive ({error}); nothing was changed") from None
        return result

    def _insert(self, document: Document, mentions: list[Mention], claims: list[Claim]) -> None:
        self.db.execute(
            "INSERT INTO documents (id, path, title, source, date, date_origin, body_start, hash, text, mentions)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.id,
                document.path,
                document.title,
                document.source,
                document.date.isoformat() if document.date else None,
                document.date_origin,
                document.body_start,
                content_hash(document.text),
                zlib.compress(document.text.encode("utf-8")),
                zlib.compress(json.dumps([m.model_dump(mode="json") for m in mentions]).encode("utf-8")),
            ),
        )
        self.db.executemany(
            "INSERT INTO claims (id, document, type, subject_key, data) VALUES (?, ?, ?, ?, ?)",
            [(c.id, c.document, c.type, subject_key(c), c.model_dump_json()) for c in claims],
        )

    def related(self, keys: set[str], exclude: set[str]) -> tuple[list[Document], list[Claim]]:
        """Archived claims that share a subject set with `keys`, and their documents; `exclude` are doc ids."""
        claims: list[Claim] = []
        for key in sorted(key for key in keys if key):  # claims about no subject meet nothing elsewhere
            for (data,) in self.db.execute("SELECT data FROM claims WHERE subject_key = ?", (key,)):
                claim = Claim.model_validate_json(data)
                if claim.document not in exclude:
                    claims.append(claim)
        documents = [self.document(doc_id) for doc_id in sorted({claim.document for claim in claims})]
        return documents, claims

    def all_claims(self) -> list[Claim]:
        return [Claim.model_validate_json(data) for (data,) in self.db.execute("SELECT data FROM claims ORDER BY id")]

    def document(self, doc_id: str) -> Document:
        row = self.db.execute(
            "SELECT id, path, title, source, date, date_origin, body_start, text FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no document '{doc_id}' in the archive")
        return Document(
            id=row[0], path=row[1], title=row[2], source=row[3], date=row[4], date_origin=row[5],
            body_start=row[6], text=zlib.decompress(row[7]).decode("utf-8"),
        )  # fmt: skip

    def list_documents(self) -> list[tuple[str, str, str | None, int]]:
        return self.db.execute(
            "SELECT d.id, d.path, d.date, count(c.id) FROM documents d LEFT JOIN claims c ON c.document = d.id"
            " GROUP BY d.id ORDER BY d.id"
        ).fetchall()

    def stats(self) -> dict[str, object]:
        documents = self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        claims = self.db.execute("SELECT count(*) FROM claims").fetchone()[0]
        by_type = dict(self.db.execute("SELECT type, count(*) FROM claims GROUP BY type ORDER BY type").fetchall())
        return {"documents": documents, "claims": claims, "claims_by_type": by_type, "schema": len(MIGRATIONS)}

    def remove(self, doc_id: str) -> bool:
        with self._transaction():
            return self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount > 0


def _header(db: sqlite3.Connection) -> tuple[int, int, int]:
    """Application id, schema version and table count in one statement, so from one snapshot: a
    concurrent first `add` must not be seen half-way (tables created, id not yet set)."""
    row = db.execute(
        "SELECT a.application_id, v.user_version, (SELECT count(*) FROM sqlite_master)"
        " FROM pragma_application_id() AS a, pragma_user_version() AS v"
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def _refuse_foreign(path: Path) -> None:
    """Check the file header before SQLite touches it: a foreign or corrupt file is left as it is."""
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"{path}: cannot read the archive: {error.strerror or error}") from None
    if header and header != SQLITE_HEADER:
        raise StoreError(f"{path}: not a claimcheck archive (not an SQLite file; left untouched)")
    if not header:
        return
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            application_id, _, tables = _header(probe)  # reads the schema page: a corrupt file fails here
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: the archive is corrupt or unreadable ({error}); left untouched") from None
    if tables and application_id != APPLICATION_ID:
        raise StoreError(f"{path}: not a claimcheck archive (another program's SQLite file; left untouched)")
