"""udsat's settings file (TOML): $UDSAT_CONFIG, else config.toml in the user config directory.

    [smtp]
    host = "smtp.kommune.dk"
    port = 587
    security = "starttls"        # "none", "starttls" or "ssl"
    user = "udsat@kommune.dk"
    password_env = "UDSAT_SMTP_PASSWORD"   # the name of the variable that holds the password
    sender = "Udsatterådet <udsat@kommune.dk>"

    [imap]                       # the council's mailbox, read by udsat inbox
    host = "imap.kommune.dk"
    port = 993
    security = "ssl"             # "none", "starttls" or "ssl"
    user = "udsat@kommune.dk"
    password_file = "~/.config/udsat/imap.password"   # or password_env, as for [smtp]
    mailbox = "INBOX"            # where replies arrive
    done_folder = "udsat/behandlet"   # where read replies are moved

The password itself never sits in the file or on a command line: the file names the environment
variable (``password_env``) or the file (``password_file``, readable by its owner only) that
holds it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from udsat_cli.errors import InputError, UdsatError
from udsat_cli.paths import expand_user

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


@dataclass(frozen=True)
class Imap:
    host: str
    port: int
    security: str
    user: str
    password: str
    mailbox: str
    done_folder: str

    def __repr__(self) -> str:  # never print a password, not even in a traceback
        return f"Imap(host={self.host!r}, port={self.port}, user={self.user!r}, password=***)"


def config_path() -> Path:
    if path := os.environ.get("UDSAT_CONFIG"):
        return expand_user(path)
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
            f"Indstillingsfilen {path} er ikke gyldig TOML{where}; se eksemplet i "
            "docs/opfoelgning-og-paamindelser.md."
        ) from None
    except RecursionError:
        raise ConfigError(f"Indstillingsfilen {path} er indlejret for dybt.") from None


def _password(section: dict, name: str) -> str | None:
    """The password from the variable ``password_env`` names, or the file ``password_file``
    names; never from the settings file itself."""
    if "password" in section:
        raise ConfigError(
            "Skriv ikke adgangskoden i filen; brug password_env med en miljøvariabel "
            "(eller password_file med en fil)."
        )
    if env := section.get("password_env"):
        password = os.environ.get(str(env))
        if password is None:
            raise ConfigError(f"Miljøvariablen {env} (password_env) er ikke sat.")
        return password
    if file := section.get("password_file"):
        path = expand_user(str(file))
        try:
            if path.stat().st_mode & 0o077:
                raise ConfigError(
                    f"Adgangskodefilen {path} ([{name}] password_file) kan læses af andre; "
                    f"gør den privat med: chmod 600 {path}"
                )
            with path.open("rb") as handle:  # a password, not whatever a device would give
                data = handle.read(4097)
            if len(data) > 4096:
                raise ConfigError(f"Adgangskodefilen {path} ([{name}] password_file) er for stor.")
            return data.decode("utf-8").strip("\r\n")
        except (OSError, UnicodeDecodeError):
            raise ConfigError(
                f"Adgangskodefilen {path} ([{name}] password_file) kan ikke læses."
            ) from None
    return None


def _section(
    name: str, required: tuple[str, ...], ports: dict[str, int], default_security: str
) -> tuple[dict, str, int]:
    """A server's section, checked: (section, security, port)."""
    path = config_path()
    section = _read(path).get(name)
    if not isinstance(section, dict) or not all(section.get(k) for k in required):
        raise ConfigError(f"Indstillingsfilen {path} mangler [{name}] med {' og '.join(required)}.")
    security = str(section.get("security", default_security))
    if security not in SECURITY:
        raise ConfigError(f"[{name}] security skal være en af: {', '.join(SECURITY)}.")
    port = section.get("port", ports[security])
    # 1.5, true and "587" are no port (int() would have read the first two as port 1)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ConfigError(
            f"[{name}] port skal være et helt tal mellem 1 og 65535, fx port = {ports[security]}."
        )
    for key, value in section.items():
        if key != "port" and (not isinstance(value, str) or any(ord(c) < 32 for c in value)):
            raise ConfigError(f"[{name}] {key} skal være tekst på én linje.")
    return section, security, port


def smtp() -> Smtp:
    section, security, port = _section(
        "smtp", ("host", "sender"), {"none": 25, "starttls": 587, "ssl": 465}, "starttls"
    )
    password = _password(section, "smtp")
    return Smtp(
        host=str(section["host"]),
        port=port,
        security=security,
        user=str(section["user"]) if section.get("user") else None,
        password=password,
        sender=sender_address(str(section["sender"])),
    )


def imap() -> Imap:
    """The council's mailbox, read by ``udsat inbox``."""
    section, security, port = _section(
        "imap", ("host", "user"), {"none": 143, "starttls": 143, "ssl": 993}, "ssl"
    )
    password = _password(section, "imap")
    if password is None:
        raise ConfigError("[imap] mangler password_env eller password_file.")
    return Imap(
        host=str(section["host"]),
        port=port,
        security=security,
        user=str(section["user"]),
        password=password,
        mailbox=str(section.get("mailbox") or "INBOX"),
        done_folder=str(section.get("done_folder") or "udsat/behandlet"),
    )


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
        return _template(expand_user(given))
    path = config_path()
    if not path.exists():
        return None
    section = _read(path).get("documents")
    name = section.get("template") if isinstance(section, dict) else None
    if name is not None and not isinstance(name, str):
        raise ConfigError("[documents] template skal være stien til en .docx-fil.")
    return _template(expand_user(name)) if name else None


def _template(path: Path) -> WordFile:
    from udsat_cli.limits import MINUTES, read_docx

    if not path.exists():
        raise InputError(f"Skabelonen {path} findes ikke.")
    return read_docx(path, MINUTES, what="Word-skabeloner", unpacked="en skabelon")
