import logging

log = logging.getLogger(__name__)


def notify(user, send):
    try:
        send(user)
    # ruleid: python.swallowed-exception
    except Exception:
        pass
    for u in [user]:
        try:
            send(u)
        # ruleid: python.swallowed-exception
        except:
            continue
    try:
        send(user)
    # ok: python.swallowed-exception
    except ValueError:
        log.exception("could not notify %s", user)
    try:
        send(user)
    # ok: python.swallowed-exception
    except KeyError:
        pass  # vibetriage wants a reason, but this is still a handler with code below
        raise
