"""The register's full-text search in SQL (SQLite FTS5 trigram index ``person_search``).

Raw SQL lives under ``store/``; services ask for a condition and never spell the query.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, String, column, text

from .models import Person


def trigram_match(phrase: str) -> ColumnElement[bool]:
    """People whose search text contains ``phrase`` (three characters or more), from the
    trigram index; rows are keyed through ``person_search_map`` (VACUUM may renumber rowids)."""
    quoted = '"' + phrase.replace('"', '""') + '"'
    sub = text(
        "SELECT m.person_id FROM person_search JOIN person_search_map m "
        "ON m.rowid = person_search.rowid WHERE person_search MATCH :q"
    ).bindparams(q=quoted)
    return Person.id.in_(sub.columns(column("person_id", String)))
