from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from flask import Flask, request
from markupsafe import Markup, escape

app = Flask(__name__)


def user_badge(user):
    # ruleid: python.xss
    return mark_safe(f'<span class="badge">{user.display_name}</span>')


def comment_html(comment):
    # ruleid: python.xss
    body = SafeString(comment.body_html)
    # ruleid: python.xss
    footer = Markup("<footer>" + comment.signature + "</footer>")
    return body + footer


@app.route("/hello")
def hello():
    # ruleid: python.xss
    return f"<h1>Hello {request.args.get('name', 'guest')}</h1>"


@app.route("/search")
def search():
    query = request.args.get("q", "")
    # ruleid: python.xss
    return "<p>No results for " + request.args["q"] + "</p>"


def safe_variants(user, comment):
    # ok: python.xss
    badge = format_html('<span class="badge">{}</span>', user.display_name)
    # ok: python.xss
    icon = mark_safe('<i class="icon-star"></i>')
    # ok: python.xss
    body = Markup(escape(comment.body))
    # ok: python.xss
    greeting = f"<h1>Hello {escape(user.display_name)}</h1>"
    # ok: python.xss
    page = f"<p>Results for {escape(request.args.get('q', ''))}</p>"
    # ok: python.xss
    return f"Hello {request.args.get('name')}"
