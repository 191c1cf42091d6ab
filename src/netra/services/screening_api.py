"""What one /api/screen request computes: raw records in, one result (or error) per record out, in order.

A plain function of plain data, so a worker process can run it (netra.web.screening_pool) and nothing but JSON
crosses the process boundary.
"""

from __future__ import annotations

MAX_ITEMS = 1000
MAX_TEXT = 10_000  # characters of one item's text: a long news article; a post is a few hundred

_databases: dict[str, object] = {}  # one connection pool per database, per process


def _screener(database_url: str):
    """The screener built from the reference data in force (services.reference_data, rebuilt when it changes),
    read through this process's own connection to the server's database."""
    from netra.services import reference_data
    from netra.storage.database import Database

    if database_url not in _databases:
        _databases[database_url] = Database(database_url)
    return reference_data.screener(_databases[database_url])


def screen_records(records: list, database_url: str) -> list[dict]:
    from netra.screening import Item, ItemError

    results: list[dict] = []
    valid: list[tuple[int, Item]] = []
    for i, raw in enumerate(records[:MAX_ITEMS]):
        item_id = str(raw.get("id", ""))[:200] if isinstance(raw, dict) else ""
        text = raw.get("text") if isinstance(raw, dict) else None
        if isinstance(text, str) and len(text) > MAX_TEXT:
            results.append({"id": item_id, "error": f"text longer than {MAX_TEXT} characters"})
            continue
        try:
            valid.append((i, Item.from_dict(raw)))
            results.append({})
        except (ItemError, TypeError, ValueError) as exc:
            results.append({"id": item_id, "error": str(exc)})
    for (i, _), result in zip(valid, _screener(database_url).screen_many(item for _, item in valid)):
        results[i] = result.to_dict()
    return results


def warm_up(database_url: str) -> None:
    """Load the screener (rulebook, model, candidates) before the first request needs it."""
    screen_records([{"id": "warm-up", "text": "Sebagai guru PNS saya mengajak memilih paslon nomor urut 1."}],
                   database_url)
