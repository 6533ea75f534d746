"""Spreadsheets: CSV that Excel opens with æ, ø and å intact (UTF-8 with a byte order mark)."""

from __future__ import annotations

import csv
import io


def csv_bytes(header: list[str], rows: list[list[str]], separator: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
