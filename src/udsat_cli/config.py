"""udsat's settings file (TOML): $UDSAT_CONFIG, else config.toml in the user config directory.

    [smtp]
    host = "smtp.kommune.dk"
    port = 587
    security = "starttls"        # "none", "starttls" or "ssl"
    user = "udsat@kommune.dk"
    password_env = "UDSAT_SMTP_PASSWORD"   # the name of the variable that holds the password
    sender = "Udsatterådet <udsat@kommune.dk>"

The password itself never sits in the file or on a command line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from udsat_cli.errors import InputError, UdsatError

if TYPE_CHECKING:
    from udsat_cli.limits import WordFile

SECURITY = ("none", "starttls", "ssl")


class ConfigError(UdsatError):
    exit_code = 78  # EX_CONFIG


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    security: str
    user: str | None
    password: str | None
    sender: str

    def __repr__(self) -> str:  # never print a password, not even in a traceback
        return f"Smtp(host={self.host!r}, port={self.port}, user={self.user!r}, password=***)"


def config_path() -> Path:
    if path := os.environ.get("UDSAT_CONFIG"):
        return Path(path).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("udsat", appauthor=False)) / "config.toml"


def _read(path: Path) -> dict:
    """The settings as TOML, or one Danish sentence on what is wrong with the file."""
    import errno
    import re
    import tomllib

    from udsat_cli.limits import CONFIG, TooLarge, read_bytes

    try:
        data = read_bytes(path, CONFIG, what="indstillingsfiler")
    except TooLarge:
        raise ConfigError(
            f"Indstillingsfilen {path} er for stor til at være en indstillingsfil."
        ) from None
    except FileNotFoundError:
        raise ConfigError(
            f"Der er ingen indstillingsfil ({path}); opret den med en [smtp]-sektion "
            "for at sende mails."
        ) from None
    except IsADirectoryError:
        raise ConfigError(f"Indstillingsfilen {path} er en mappe, ikke en fil.") from None
    except OSError as exc:
        why = "du har ikke adgang til den" if exc.errno == errno.EACCES else "den kan ikke læses"
        raise ConfigError(f"Indstillingsfilen {path} kan ikke bruges: {why}.") from None
    try:  # with or without the byte order mark Windows Notepad puts first
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"Indstillingsfilen {path} er ikke tekst i UTF-8.") from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        where = f" i linje {m[1]}, kolonne {m[2]}" if m else ""
        raise ConfigError(
            f"Indstillingsfilen {path} er ikke gyldig TOML{where}; se eksemplet i README."
        ) from None
    except RecursionError:
        raise ConfigError(f"Indstillingsfilen {path} er indlejret for dybt.") from None


def smtp() -> Smtp:
    path = config_path()
    settings = _read(path)
    section = settings.get("smtp")
    if not isinstance(section, dict) or not section.get("host") or not section.get("sender"):
        raise ConfigError(f"Indstillingsfilen {path} mangler [smtp] med host og sender.")
    security = str(section.get("security", "starttls"))
    if security not in SECURITY:
        raise ConfigError(f"[smtp] security skal være en af: {', '.join(SECURITY)}.")
    default_port = {"none": 25, "starttls": 587, "ssl": 465}[security]
    port = section.get("port", default_port)
    # 1.5, true and "587" are no port (int() would have read the first two as port 1)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ConfigError("[smtp] port skal være et helt tal mellem 1 og 65535, fx port = 587.")
    password = None
    if name := section.get("password_env"):
        password = os.environ.get(str(name))
        if password is None:
            raise ConfigError(f"Miljøvariablen {name} (password_env) er ikke sat.")
    if "password" in section:
        raise ConfigError(
            "Skriv ikke adgangskoden i filen; brug password_env med en miljøvariabel."
        )
    for key in ("host", "user", "sender"):
        value = section.get(key)
        if value is not None and (not isinstance(value, str) or any(ord(c) < 32 for c in value)):
            raise ConfigError(f"[smtp] {key} skal være tekst på én linje.")
    return Smtp(
        host=str(section["host"]), port=port, security=security,
        user=str(section["user"]) if section.get("user") else None, password=password,
        sender=sender_address(str(section["sender"])),
    )  # fmt: skip


def sender_address(text: str) -> str:
    """The sender as »Navn <adresse>«, checked as exactly one address."""
    from email.headerregistry import Address

    from udsat_cli.addresses import named_address

    found = named_address(text)
    if found is None:
        raise ConfigError(f"[smtp] sender »{text}« er ikke én e-mailadresse.")
    return str(Address(display_name=found[0], addr_spec=found[1]))


def document_template(given: str | None) -> WordFile | None:
    """The Word template: the one named on the command line, else ``[documents] template`` in
    the settings (a missing settings file means none), read through the door (at most 20 MB,
    checked as a zip before anything is unpacked). Read it before a write transaction begins."""
    if given:
        return _template(Path(given).expanduser())
    path = config_path()
    if not path.exists():
        return None
    section = _read(path).get("documents")
    name = section.get("template") if isinstance(section, dict) else None
    if name is not None and not isinstance(name, str):
        raise ConfigError("[documents] template skal være stien til en .docx-fil.")
    return _template(Path(name).expanduser()) if name else None


def _template(path: Path) -> WordFile:
    from udsat_cli.limits import MINUTES, read_docx

    if not path.exists():
        raise InputError(f"Skabelonen {path} findes ikke.")
    return read_docx(path, MINUTES, what="Word-skabeloner", unpacked="en skabelon")
