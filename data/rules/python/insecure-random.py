import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def create_password_reset(user, store):
    # ruleid: python.insecure-random
    reset_token = "".join(random.choice(ALPHABET) for _ in range(32))
    store.save(user.id, reset_token)
    return reset_token


def send_login_code(user, sms):
    # ruleid: python.insecure-random
    otp = str(random.randint(100000, 999999))
    sms.send(user.phone, f"Your code is {otp}")
    # ruleid: python.insecure-random
    user.api_key = "%032x" % random.getrandbits(128)


def generate_session_token(length=24):
    # ruleid: python.insecure-random
    return "".join(random.choices(ALPHABET, k=length))


def safe_variants(items):
    # ok: python.insecure-random
    reset_token = secrets.token_urlsafe(32)
    # ok: python.insecure-random
    otp = f"{secrets.randbelow(10**6):06d}"
    # ok: python.insecure-random
    salt = "".join(random.SystemRandom().choice(ALPHABET) for _ in range(16))
    # ok: python.insecure-random
    sample = random.sample(items, k=3)
    # ok: python.insecure-random
    retry_delay = random.uniform(0.5, 1.5)
    return reset_token, otp, salt, sample, retry_delay
