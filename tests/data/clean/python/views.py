"""Django views: ORM and parameterised raw SQL, format_html for markup, FileResponse from a fixed
folder, and JSON parsing instead of eval."""

import ast
import json
import logging
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .models import Order

log = logging.getLogger(__name__)
INVOICES = Path(settings.BASE_DIR, "invoices").resolve()
STAR = mark_safe('<span class="star">&#9733;</span>')


def order_list(request):
    status = request.GET.get("status", "open")
    orders = Order.objects.filter(status=status, customer=request.user).order_by("-created")
    rows = format_html_join("\n", "<li>{} ({})</li>", ((o.reference, o.total) for o in orders))
    return HttpResponse(format_html("<ul>{}</ul>", rows))


def revenue(request):
    since = request.GET.get("since", "2024-01-01")
    with connection.cursor() as cur:
        cur.execute("SELECT SUM(total) FROM shop_order WHERE created >= %s AND status = %s", [since, "paid"])
        (total,) = cur.fetchone()
    return JsonResponse({"since": since, "total": float(total or 0)})


def invoice(request, number: int):
    path = (INVOICES / f"{int(number):08d}.pdf").resolve()
    if not path.is_relative_to(INVOICES) or not path.exists():
        raise Http404("no such invoice")
    return FileResponse(path.open("rb"), content_type="application/pdf")


def parse_filters(request):
    try:
        filters = json.loads(request.body or b"{}")
    except json.JSONDecodeError as exc:
        log.info("bad filter payload: %s", exc)
        return JsonResponse({"error": "invalid JSON"}, status=400)
    limits = ast.literal_eval(request.GET.get("limits", "(0, 100)"))
    return JsonResponse({"filters": filters, "limits": list(limits)})


def badge(user):
    return format_html('<span class="badge">{}</span>', user.get_full_name())
