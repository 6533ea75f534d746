"""How a sending run is told (see ``udsat_cli.sending``): who got the mail on stdout; who has no
address, who the server refused and what waits for another run on stderr. A recipient refused
for now (4xx) makes the exit code 75, as a broken connection does: the next run tries again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from udsat_cli.cli import output
from udsat_cli.danish import count, join_names

if TYPE_CHECKING:
    from udsat_cli.sending import NoticeRun, Outcome


def _shown(outcome: Outcome) -> None:
    for text in outcome.shown:
        print(text)


def refusals(outcome: Outcome, *, again: str) -> None:
    """Each refusal in one line; raises exit 75 when one is to be tried again."""
    from udsat_cli.sending import SendError

    for r in outcome.refused:
        then = (
            "prøves igen ved næste kørsel"
            if not r.permanent
            else "ret adressen med udsat member edit"
        )
        output.say(f"Mailserveren afviste {r.name} <{r.address}> ({r.why}); {then}.")
    if later := [r for r in outcome.refused if not r.permanent]:
        raise SendError(
            f"Mailserveren tog ikke imod {count(len(later), 'modtager', 'modtagere')} lige nu; "
            f"kør {again} igen senere for at sende til dem"
        )


def changes(outcome: Outcome | None, *, again: str) -> None:
    """The updated invitations and cancellations of moved and cancelled meetings."""
    if outcome is None:
        output.say("Kalenderændringerne sendes allerede af en anden kørsel; denne sender dem ikke.")
        return
    _shown(outcome)
    if outcome.sent:
        print(
            f"Kalenderændringen er sendt til {count(len(outcome.sent), 'modtager', 'modtagere')}"
            f": {join_names(outcome.sent)}."
        )
    refusals(outcome, again=again)


def notice(run: NoticeRun) -> None:
    if run.notice is None:
        output.say("Indkaldelsen sendes allerede af en anden kørsel; denne sender intet.")
        return
    notice = run.notice
    if notice.without_email:
        output.say(
            "Uden e-mailadresse – giv dem dagsordenen på anden vis: "
            f"{join_names(p.name for p in notice.without_email)}."
        )
    if notice.already:
        names = join_names(p.name for p in notice.already)
        output.say(f"Har allerede fået denne dagsorden: {names} (--again sender igen).")
    if not notice.to_send:
        output.say("Ingen at sende til.")
    _shown(run.outcome)
    if run.outcome.sent:
        word = "Ændret dagsorden" if notice.changed else "Indkaldelsen"
        print(
            f"{word} er sendt til {count(len(run.outcome.sent), 'modtager', 'modtagere')}: "
            f"{join_names(p.name for p in notice.sent)}."
        )
    try:
        refusals(run.outcome, again="udsat send-agenda")
    finally:
        changes(run.changes, again="udsat send-agenda")


def announce(st: object, meeting_id: int, *, hold: bool) -> None:
    """After ``meeting move``/``cancel``: the change to whoever had the invitation, at once
    (or, with ``--no-mail``, never)."""
    from udsat_cli.sending import hold_calendar_changes, send_calendar_changes

    if hold:
        if held := hold_calendar_changes(st, meeting_id=meeting_id):  # type: ignore[arg-type]
            output.say(
                f"Kalenderændringen er ikke sendt (--no-mail); "
                f"{count(held, 'modtager', 'modtagere')} har stadig invitationen, som den "
                "var."
            )
        return
    changes(
        send_calendar_changes(st, meeting_id=meeting_id),  # type: ignore[arg-type]
        again="udsat send-agenda eller udsat remind --send",
    )
