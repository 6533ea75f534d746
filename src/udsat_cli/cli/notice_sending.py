"""Sending a notice of meeting: one mail per recipient, each recorded once the server took it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from udsat_cli.cli import output
from udsat_cli.danish import count, join_names

if TYPE_CHECKING:
    from udsat_cli.cli.app import State
    from udsat_cli.core.notices import Notice, Recipient


def send_notice(st: State, notice: Notice, *, dry_run: bool) -> None:
    from udsat_cli import config, mail
    from udsat_cli.core.notices import record_sent
    from udsat_cli.render.agenda import docx

    if notice.without_email:
        output.say("Uden e-mailadresse – giv dem dagsordenen på anden vis: "
                   f"{join_names(p.name for p in notice.without_email)}.")  # fmt: skip
    if notice.already:
        names = join_names(p.name for p in notice.already)
        output.say(f"Har allerede fået denne dagsorden: {names} (--again sender igen).")
    if not notice.to_send:
        output.say("Ingen at sende til.")
        return
    settings = config.smtp()
    attachment = docx(notice.agenda, template=config.document_template(None))
    messages = [(p, mail.notice_message(notice, p, sender=settings.sender, agenda_docx=attachment))
                for p in notice.to_send]  # fmt: skip
    if dry_run:
        for _, msg in messages:
            print(msg.as_string(policy=msg.policy.clone(utf8=True)))
        return

    def sent(recipient: Recipient) -> None:
        with st.record() as council:
            record_sent(council, notice=notice, recipient=recipient)
        notice.sent.append(recipient)

    done = mail.send_all(settings, messages, sent=sent, what="indkaldelser",
                         again="udsat send-agenda")  # fmt: skip
    word = "Ændret dagsorden" if notice.changed else "Indkaldelsen"
    print(f"{word} er sendt til {count(done, 'modtager', 'modtagere')}: "
          f"{join_names(p.name for p in notice.sent)}.")
