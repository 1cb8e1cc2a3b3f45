"""What the district window works on: the hub database, the district keys and settings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...district import hub
from ...store.db import Database
from ...sync import keys


class LoginFailed(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class DistrictSession:
    """The open hub: database, unlocked district keys, the district's code and name."""

    home: Path
    db: Database
    keys: keys.DistrictKeys
    code: str
    name: str

    def close(self) -> None:
        self.db.dispose()


def config(home: Path) -> dict[str, Any]:
    path = home / "district.json"
    if not path.exists():
        raise LoginFailed(f"{home} 尚未初始化：请先运行 afc-district init")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def open_session(home: Path, passphrase: str, db_url: str | None = None) -> DistrictSession:
    """Unlock the district keys with the passphrase and open the hub database."""
    cfg = config(home)
    try:
        dkeys = keys.load_district_keys(home / "keys", passphrase.encode())
    except keys.KeyFileError as exc:
        raise LoginFailed(exc.message) from exc
    target = db_url or str(home / hub.HUB_DB_NAME)
    try:
        if str(target).startswith(("postgresql://", "postgresql+")):
            db = hub.open_hub(target)
        else:  # a SQLite hub is encrypted under the same passphrase
            db = hub.open_hub(target, passphrase.encode())
    except hub.HubError as exc:
        raise LoginFailed(exc.message) from exc
    return DistrictSession(home, db, dkeys, str(cfg.get("code", "")), str(cfg.get("name", "")))
