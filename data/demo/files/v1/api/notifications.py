"""Outgoing notifications when an order changes status: merchant webhooks and customer emails."""

import json
import smtplib
import ssl
import urllib.request
from email.message import EmailMessage

from api import db
from api.config import SMTP_HOST, WEBHOOK_TIMEOUT

STATUS_SUBJECTS = {
    "paid": "We received your payment",
    "packed": "Your basket is packed",
    "shipped": "Your basket is on its way",
    "delivered": "Your basket was delivered",
    "cancelled": "Your order was cancelled",
}


def send_webhook(url, payload):
    data = json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    # some merchants still run self-signed certificates on their endpoints
    context = ssl._create_unverified_context()
    try:
        urllib.request.urlopen(req, timeout=WEBHOOK_TIMEOUT, context=context)
    except Exception:
        pass


def send_status_email(order_id, status):
    subject = STATUS_SUBJECTS.get(status)
    if subject is None:
        return
    row = db.query_one(
        "SELECT u.email, u.name FROM orders o JOIN users u ON u.id = o.user_id WHERE o.id = %s",
        (order_id,),
    )
    if row is None:
        return
    msg = EmailMessage()
    msg["From"] = "Basketly <orders@basketly.example>"
    msg["To"] = row["email"]
    msg["Subject"] = f"{subject} (order #{order_id})"
    msg.set_content(f"Hi {row['name']},\n\n{subject}.\n\nThe Basketly team\n")
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(msg)


def notify_order_status(order_id, status):
    hooks = db.query_all("SELECT url FROM webhooks WHERE active = true")
    payload = {"event": "order.status", "order_id": order_id, "status": status}
    for hook in hooks:
        send_webhook(hook["url"], payload)
    send_status_email(order_id, status)
