import os
import shutil
from pathlib import Path

from django.http import FileResponse
from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import safe_join

app = Flask(__name__)
REPORTS = "/srv/app/reports"


@app.route("/download")
def download():
    # ruleid: python.path-traversal
    return send_file(os.path.join(REPORTS, request.args["name"]))


@app.route("/logs")
def read_log():
    # ruleid: python.path-traversal
    with open(f"/var/log/app/{request.args.get('file')}") as fh:
        return fh.read()


def django_export(request):
    # ruleid: python.path-traversal
    return FileResponse(open(REPORTS + "/" + request.GET["report"], "rb"))


@app.route("/cleanup", methods=["POST"])
def cleanup():
    # ruleid: python.path-traversal
    shutil.rmtree(Path("/srv/app/tmp") / request.form["folder"])
    return "", 204


@app.route("/download2")
def download_safe():
    # ok: python.path-traversal
    return send_from_directory(REPORTS, request.args["name"])


@app.route("/download3")
def download_checked():
    # ok: python.path-traversal
    path = safe_join(REPORTS, request.args.get("name", ""))
    if path is None or not os.path.isfile(path):
        abort(404)
    # ok: python.path-traversal
    return send_file(path)


def read_template(name):
    # ok: python.path-traversal
    with open(os.path.join(os.path.dirname(__file__), "templates", name)) as fh:
        return fh.read()
