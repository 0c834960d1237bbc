import logging
import os

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
    # ruleid: python.swallowed-exception
    except (ValueError, Exception) as exc:
        pass
    try:
        send(user)
    # ruleid: python.swallowed-exception
    except BaseException:
        ...
    try:
        send(user)
    # ruleid: python.swallowed-exception
    except:  # best effort
        pass
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


def fallbacks(config, key, raw):
    try:
        import ujson as json
    # ok: python.swallowed-exception
    except ImportError:
        pass
    try:
        return int(raw)
    # ok: python.swallowed-exception
    except (ValueError, TypeError):
        pass
    try:
        del config[key]
    # ok: python.swallowed-exception
    except KeyError:
        pass


def close_quietly(handle, tmp_path):
    try:
        handle.close()
    # ok: python.swallowed-exception
    except Exception:
        pass
    try: os.unlink(tmp_path)
    # ok: python.swallowed-exception
    except: pass
    try:
        handle.flush()
        handle.close()
    # ruleid: python.swallowed-exception
    except Exception:
        pass
