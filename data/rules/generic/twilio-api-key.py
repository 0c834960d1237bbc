import os

from twilio.rest import Client

# ruleid: generic.twilio-api-key
TWILIO_API_KEY = "SK7312cae095f6e135f7708658da5a1f19"
TWILIO_API_SECRET = os.environ.get("TWILIO_API_SECRET", "")


def client():
    return Client(TWILIO_API_KEY, TWILIO_API_SECRET, os.environ["TWILIO_ACCOUNT_SID"])


def client_from_env():
    # ok: generic.twilio-api-key
    return Client(os.environ["TWILIO_API_KEY"], os.environ["TWILIO_API_SECRET"])


# ok: generic.twilio-api-key
TASK7312cae095f6e135f7708658da5a1f19 = "not a key: part of a longer identifier"
