"""Stores of realistic shape for the benchmark, made with the project's migrations and bulk SQL.

Many councils, ten meetings a year going back decades, 5-20 actions a meeting with 1-3 owners and
every status (mostly closed in the old years, mostly open in the last), meeting-anchored and dated
deadlines, history events. Deterministic for a size, so a cached store can be reused.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

FIRST = (
    "Anne",
    "Bent",
    "Carina",
    "Dorthe",
    "Erik",
    "Frida",
    "Gitte",
    "Hans",
    "Ida",
    "Jens",
    "Karen",
    "Lars",
    "Mette",
    "Niels",
    "Ole",
    "Pia",
    "Rasmus",
    "Susanne",
    "Torben",
    "Ulla",
)
LAST = (
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
)
TASKS = (
    "Tage kontakt til forvaltningen om",
    "Skrive udkast til høringssvar om",
    "Undersøge mulighederne for",
    "Invitere oplægsholder om",
    "Følge op på",
    "Lægge referat på hjemmesiden om",
    "Formulere spørgsmål til udvalget om",
)
TOPICS = (
    "socialt frikort",
    "bisidderordningen",
    "morgenmad for skoleelever",
    "tandpleje",
    "værestedets åbningstider",
    "budget 2027",
    "boligsociale tiltag",
    "ensomhed",
)
DECISIONS = (
    "Rådet drøftede {topic} og besluttede at skrive til udvalget.",
    "Rådet tog orienteringen om {topic} til efterretning.",
    "Formanden følger op på {topic} til næste møde.",
    "Rådet bakker op om forvaltningens forslag om {topic}, men ønsker en tidsplan.",
)
PER_COUNCIL = 3750  # 30 years x 10 meetings x 12.5 actions
BENCH_TODAY = date(2026, 6, 15)
# Raise it when the stores' shape changes: cached stores are then remade. 2: the council's own
# part of the search index (m019), each held meeting's issued agenda and stored roll (m015).
GENERATOR_VERSION = 2
ABSENT = ("syg", "ferie", None, "arbejde")


def council_name(number: int) -> str:
    return f"Udsatterådet {number:04d}"


def owner_of_first_council() -> str:
    """A member of council 1 who owns actions (for ``actions --owner``)."""
    return _members(random.Random(1))[0]


def _members(rng: random.Random) -> list[str]:
    names = [f"{f} {m} {last}" for f in FIRST for m in ("Bo", "Marie", "Dam") for last in LAST]
    return rng.sample(names, 12)


def _status(rng: random.Random, age_days: int) -> str:
    weights = (3, 1, 80, 1, 15) if age_days > 365 else (40, 20, 30, 5, 5)
    return rng.choices(("open", "in_progress", "done", "postponed", "dropped"), weights)[0]


def generate(path: Path, n_actions: int, today: date = BENCH_TODAY) -> None:
    from udsat_cli.store import fulltext
    from udsat_cli.store.access import open_store
    from udsat_cli.store.location import Location

    tmp = path.with_suffix(".partial")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    with open_store(Location(path=tmp), mode="write", create=True):
        pass  # an empty store, migrated to this version
    conn = sqlite3.connect(tmp)
    fulltext.register(conn)  # the search index's triggers key each word by its council
    conn.executescript("PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF;")
    councils = max(1, -(-n_actions // PER_COUNCIL))
    action_id = event_id = item_id = meeting_id = person_id = 0
    for c in range(1, councils + 1):
        rng = random.Random(c)
        budget = n_actions // councils + (1 if c <= n_actions % councils else 0)
        conn.execute(
            "INSERT INTO council (id, name, created_at) VALUES (?, ?, ?)",
            (c, council_name(c), "1996-01-01 09:00:00.000000"),
        )
        people = []
        for name in _members(rng):
            person_id += 1
            people.append(person_id)
            conn.execute(
                "INSERT INTO person (id, council_id, full_name, role, created_at) "
                "VALUES (?, ?, ?, 'medlem', '1996-01-01 09:00:00.000000')",
                (person_id, c, name),
            )
        past = max(1, round(budget / 12.5))
        days = [today - timedelta(days=round(k * 36.5) + c % 9) for k in range(past, 0, -1)]
        days += [today + timedelta(days=d) for d in (14 + c % 9, 50, 86)]
        actions, owners, events, items, roll = [], [], [], [], []
        for held in days:
            meeting_id += 1
            was_held = held <= today
            conn.execute(
                "INSERT INTO meeting (id, council_id, date, start_time, end_time, place, "
                "cancelled, created_at, agenda_issued_at, roll_taken_at) "
                "VALUES (?, ?, ?, '16:00', '18:00', 'Rådhuset', 0, ?, ?, ?)",
                (
                    meeting_id,
                    c,
                    held.isoformat(),
                    f"{held} 09:00:00.000000",
                    f"{held - timedelta(days=7)} 12:00:00.000000" if was_held else None,
                    f"{held} 16:00:00.000000" if was_held else None,
                ),
            )
            if not was_held:
                continue
            # A held meeting's roll is stored with it (m015): every member, a few with afbud.
            for pid in people:
                if rng.random() < 0.15:
                    roll.append((meeting_id, pid, "absent", rng.choice(ABSENT)))
                else:
                    roll.append((meeting_id, pid, "present", None))
            if budget <= 0:
                continue
            first_item = item_id + 1
            for number in range(1, 5):
                item_id += 1
                topic = rng.choice(TOPICS)
                decision = rng.choice(DECISIONS).format(topic=topic)
                items.append((item_id, meeting_id, number, topic.capitalize(), decision))
            for _ in range(min(budget, rng.randint(5, 20))):
                budget -= 1
                action_id += 1
                status = _status(rng, (today - held).days)
                kind, due, n = rng.choices(
                    (("nth_meeting_after", None, 1), ("date", "d", None), (None, None, None)),
                    (4, 4, 2),
                )[0]
                if due:
                    due = (held + timedelta(days=rng.randint(7, 60))).isoformat()
                if status == "postponed":
                    kind, n = "date", None
                    due = (today + timedelta(days=rng.randint(-30, 120))).isoformat()
                created = f"{held} 18:00:00.000000"
                closed = created if status in ("done", "dropped") else None
                actions.append(
                    (
                        action_id,
                        c,
                        f"{rng.choice(TASKS)} {rng.choice(TOPICS)}",
                        meeting_id,
                        rng.randint(first_item, item_id),
                        status,
                        kind,
                        due,
                        n,
                        kind and ("næste møde" if n else due),
                        created,
                        closed,
                    )
                )
                for position, pid in enumerate(rng.sample(people, rng.randint(1, 3))):
                    owners.append((action_id, pid, position))
                event_id += 1
                events.append(
                    (event_id, action_id, created, meeting_id, "created", None, "open", None)
                )
                if status != "open":
                    event_id += 1
                    note = "Drøftet på mødet" if rng.random() < 0.5 else None
                    events.append(
                        (event_id, action_id, created, meeting_id, "status", "open", status, note)
                    )
        conn.executemany(
            "INSERT INTO agenda_item (id, meeting_id, number, title, decision) "
            "VALUES (?, ?, ?, ?, ?)",
            items,
        )
        conn.executemany(
            "INSERT INTO attendance (meeting_id, person_id, status, reason) VALUES (?, ?, ?, ?)",
            roll,
        )
        conn.executemany(
            "INSERT INTO action (id, council_id, title, meeting_id, item_id, status, due_kind, "
            "due_date, due_n, due_text, created_at, closed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            actions,
        )
        conn.executemany(
            "INSERT INTO action_owner (action_id, person_id, position) VALUES (?, ?, ?)", owners
        )
        conn.executemany(
            "INSERT INTO action_event (id, action_id, at, meeting_id, kind, old, new, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            events,
        )
    conn.commit()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    tmp.rename(path)


def export_taskwarrior(store: Path, folder: Path) -> None:
    """The same actions as Taskwarrior 2.x data files (pending.data and completed.data)."""
    import uuid

    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT a.id, a.title, a.status, COALESCE(a.due_date, m.date), a.council_id "
        "FROM action a JOIN meeting m ON m.id = a.meeting_id"
    )
    states = {
        "open": "pending",
        "in_progress": "pending",
        "postponed": "pending",
        "done": "completed",
        "dropped": "deleted",
    }
    with (
        open(folder / "pending.data", "w") as pending,
        open(folder / "completed.data", "w") as done,
    ):
        for aid, title, status, due, council in rows:
            stamp = int(date.fromisoformat(due).strftime("%s")) if due else None
            fields = [
                f'description:"{title}"',
                f'entry:"{stamp or 946684800}"',
                f'project:"c{council}"',
                f'status:"{states[status]}"',
                f'uuid:"{uuid.UUID(int=aid)}"',
            ]
            if stamp and states[status] == "pending":
                fields.insert(1, f'due:"{stamp}"')
            if states[status] != "pending":
                fields.insert(1, f'end:"{stamp or 946684800}"')
            (pending if states[status] == "pending" else done).write("[" + " ".join(fields) + "]\n")
    conn.close()
    for name in ("undo.data", "backlog.data"):
        (folder / name).touch()


if __name__ == "__main__":
    import sys

    generate(Path(sys.argv[2]), int(sys.argv[1]))
