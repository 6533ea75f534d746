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

from udsat_cli.errors import UdsatError

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


def smtp() -> Smtp:
    import tomllib

    path = config_path()
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"Der er ingen indstillingsfil ({path}); opret den med en [smtp]-sektion "
            "for at sende mails."
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"Indstillingsfilen {path} kan ikke læses: {exc}.") from None
    section = settings.get("smtp")
    if not isinstance(section, dict) or not section.get("host") or not section.get("sender"):
        raise ConfigError(f"Indstillingsfilen {path} mangler [smtp] med host og sender.")
    security = str(section.get("security", "starttls"))
    if security not in SECURITY:
        raise ConfigError(f"[smtp] security skal være en af: {', '.join(SECURITY)}.")
    default_port = {"none": 25, "starttls": 587, "ssl": 465}[security]
    try:
        port = int(section.get("port", default_port))
    except (TypeError, ValueError):
        raise ConfigError("[smtp] port skal være et tal.") from None
    password = None
    if name := section.get("password_env"):
        password = os.environ.get(str(name))
        if password is None:
            raise ConfigError(f"Miljøvariablen {name} (password_env) er ikke sat.")
    if "password" in section:
        raise ConfigError(
            "Skriv ikke adgangskoden i filen; brug password_env med en miljøvariabel."
        )
    return Smtp(
        host=str(section["host"]), port=port, security=security,
        user=str(section["user"]) if section.get("user") else None, password=password,
        sender=str(section["sender"]),
    )  # fmt: skip
