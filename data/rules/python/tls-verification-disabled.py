import ssl
import urllib.request

import httpx
import requests
from elasticsearch import Elasticsearch


def fetch_invoice(invoice_id: str) -> dict:
    # ruleid: python.tls-verification-disabled
    resp = requests.get(f"https://billing.internal/invoices/{invoice_id}", verify=False, timeout=10)
    resp.raise_for_status()
    return resp.json()


def make_client() -> httpx.Client:
    # ruleid: python.tls-verification-disabled
    return httpx.Client(base_url="https://api.partner.example", verify=False)


def legacy_session() -> requests.Session:
    session = requests.Session()
    # ruleid: python.tls-verification-disabled
    session.verify = False
    return session


def open_legacy(url: str) -> bytes:
    ctx = ssl.create_default_context()
    # ruleid: python.tls-verification-disabled
    ctx.check_hostname = False
    # ruleid: python.tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE
    # ruleid: python.tls-verification-disabled
    with urllib.request.urlopen(url, context=ssl._create_unverified_context()) as fh:
        return fh.read()


# ruleid: python.tls-verification-disabled
ssl._create_default_https_context = ssl._create_unverified_context

# ruleid: python.tls-verification-disabled
es = Elasticsearch("https://search.internal:9200", verify_certs=False)


def safe_variants(url: str) -> bytes:
    # ok: python.tls-verification-disabled
    resp = requests.get(url, timeout=10)
    # ok: python.tls-verification-disabled
    internal = requests.get(url, verify="/etc/ssl/certs/internal-ca.pem", timeout=10)
    # ok: python.tls-verification-disabled
    ctx = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")
    # ok: python.tls-verification-disabled
    ctx.verify_mode = ssl.CERT_REQUIRED
    # ok: python.tls-verification-disabled
    client = httpx.Client(verify=True, follow_redirects=False)
    # ok: python.tls-verification-disabled
    resp2 = requests.post(url, json={"ok": True}, allow_redirects=False, timeout=5)
    return resp.content + internal.content + client.get(url).content + resp2.content
