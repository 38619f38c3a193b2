"""Where states say they stand: the latest stated view each holds of each other, as of a date.

A stance lasts until it is restated: Japan calling Russia a threat in 2022 still describes
Japan's view in 2023 unless a later text says otherwise. So the stance in force at a date is
the latest one on or before it, however old.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from seismo.analytics.dyads import has_table
from seismo.store.rows import fetch_dicts


def latest_stances(
    con: Any,
    at: dt.date | None = None,
    modalities: Sequence[str] | None = ("asserted",),
) -> list[dict[str, Any]]:
    """The stance in force for each (holder, subject) pair of actor keys on `at`.

    Rows: holder, subject (keys), stance, date (the stance's date, or its document's
    publication date when the text gives none), doc_id, sentence. With `at` None, the latest
    stance ever stated, undated ones included.
    """
    if not has_table(con, "stances"):
        return []
    by_publication = has_table(con, "documents")
    stated_on = "COALESCE(s.stance_date, d.published)" if by_publication else "s.stance_date"
    join = "LEFT JOIN documents d USING (content_hash)" if by_publication else ""
    clauses = ["s.holder_key IS NOT NULL", "s.subject_key IS NOT NULL"]
    params: list[Any] = []
    if modalities:
        clauses.append(f"s.modality IN ({', '.join('?' for _ in modalities)})")
        params += list(modalities)
    if at is not None:
        clauses.append(f"{stated_on} <= ?")
        params.append(at)
    sql = f"""
        SELECT s.holder_key AS holder, s.subject_key AS subject, s.stance,
               strftime({stated_on}, '%Y-%m-%d') AS date, s.doc_id, s.sentence
        FROM stances s {join}
        WHERE {" AND ".join(clauses)}
        QUALIFY row_number() OVER (
            PARTITION BY s.holder_key, s.subject_key
            ORDER BY {stated_on} DESC NULLS LAST, s.sentence_index DESC, s.stance_id
        ) = 1
        ORDER BY holder, subject
    """
    return fetch_dicts(con.execute(sql, params))
