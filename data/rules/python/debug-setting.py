"""Django settings for the shop project."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# ruleid: python.debug-setting
DEBUG = True

ALLOWED_HOSTS = ["shop.example.com"]


def local_overrides():
    # ok: python.debug-setting
    DEBUG = True
    return DEBUG


# ok: python.debug-setting
TEMPLATE_DEBUG = os.environ.get("TEMPLATE_DEBUG") == "1"
# ok: python.debug-setting
DEBUG_TOOLBAR = True
