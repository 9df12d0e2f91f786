"""Acting as the user who clicked an emailed link: the control side of the `email_link` strategy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._call import Call
from .resources import sign_ins, sign_ups

if TYPE_CHECKING:
    from ._service import Service


def complete_email_link(svc: Service, email_address: str) -> bool:
    """Act as the user who clicked the link mailed to `email_address`. True if something was waiting."""
    done = False
    for sign_in in svc.sign_ins.values():
        v = sign_in.first_factor_verification
        user = svc.users.get(sign_in.user_id) if sign_in.user_id else None
        if v is None or v.strategy != "email_link" or v.status != "unverified" or user is None:
            continue
        email = next((e for e in user.email_addresses if e.id == v.target_id), None)
        if email is not None and email.email_address.lower() == email_address.lower():
            v.status = "verified"
            v.verified_at_client = sign_in.client_id  # opened on the device that asked for it
            client = svc.clients[sign_in.client_id]
            fake = Call("POST", "", {}, {}, {}, {}, issuer=svc.last_issuer, client=client)
            sign_ins.after_first_factor(svc, fake, sign_in, user)
            # The device that started the sign-in still shows it, now complete, as it polls: the real
            # service keeps a sign-in verified by a link on its client (recorded Flutter traffic).
            client.sign_in_id = sign_in.id
            done = True
    for sign_up in svc.sign_ups.values():
        v = sign_up.email_verification
        if (
            v is not None
            and v.strategy == "email_link"
            and v.status == "unverified"
            and (sign_up.email_address or "").lower() == email_address.lower()
        ):
            v.status = "verified"
            client = svc.clients[sign_up.client_id]
            sign_ups.settle_sign_up(
                svc, Call("POST", "", {}, {}, {}, {}, issuer=svc.last_issuer, client=client), sign_up
            )
            done = True
    return done
