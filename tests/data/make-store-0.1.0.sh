#!/usr/bin/env bash
# How tests/data/store-0.1.0.db was made: by udsat as of commit 17db281 (the first release, #2),
# so test_migrations.py can prove that a store from then migrates with every row intact.
# Run from the repository root with the project's venv; it overwrites the fixture.
set -euo pipefail
root=$(pwd)
old=$(mktemp -d)
git worktree add -q "$old" 17db281
trap 'git worktree remove --force "$old"' EXIT
store="$root/tests/data/store-0.1.0.db"
rm -f "$store" "$store-wal" "$store-shm"
udsat() { (cd "$old" && UDSAT_DB="$store" PYTHONPATH=src "$root/.venv/bin/python" -m udsat_cli "$@" >/dev/null); }
udsat --today 2019-03-01 init --council "Udsatterådet Albertslund"
udsat member add "Helge Bo Jensen" --short "Helge Bo" --role formand
udsat member add "Jette Nyboe" --role næstformand --email jette@example.dk
udsat member add "Allan Høyer"
udsat member add "Søren Mogensen"
udsat member add "Carina Kofoed" --role sekretær
udsat meeting add "4. marts 2019 kl. 16.00-18.00"
udsat meeting add "1. april 2019 kl. 16.00-18.00" --place "Mødelokale 129, Blok A"
udsat meeting add "6. maj 2019 kl. 16.00-18.00"
udsat --today 2019-03-05 add-action "Tage kontakt til AP" --owner Jette --due "næste møde" \
    --meeting 4/3-2019 --note "Om en artikel om frikortet"
udsat --today 2019-03-05 add-action "Få et punkt på dagsordenen til næste SUS" --owner Helge \
    --owner Allan --due 1/5-2019 --meeting 4/3-2019
udsat --today 2019-03-05 add-action "Tage ansvaret for bisidderordningen" --owner Søren \
    --meeting 4/3-2019
udsat --today 2019-04-02 update 1 --status in_progress --note "Mail sendt til redaktionen"
udsat --today 2019-04-02 postpone 3 --to "6. maj 2019" --note "Udsat til efter sommerferien"
udsat --today 2019-04-02 done 2 --note "Punktet kom på"
udsat --today 2019-04-02 add-action "Spørge ØU om lokaler" --owner "Helge Bo" --due "16/4-2019"
udsat --today 2019-04-02 drop 4 --note "Lokalet er fundet"
# A fixture in rollback-journal mode: reading it leaves no -wal/-shm files beside it.
python3 -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode = DELETE')" "$store"
