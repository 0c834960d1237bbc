import jinja2
from flask import Flask, render_template, render_template_string, request

app = Flask(__name__)
env = jinja2.Environment(autoescape=True)


@app.errorhandler(404)
def not_found(error):
    # ruleid: python.template-injection
    return render_template_string(f"<h1>{request.path} was not found</h1>"), 404


@app.route("/greet")
def greet():
    name = request.args.get("name", "guest")
    # ruleid: python.template-injection
    return render_template_string("<p>Hello " + name + "</p>")


def render_email(subject, body):
    # ruleid: python.template-injection
    tpl = env.from_string("<h2>{}</h2>{{{{ footer }}}}".format(subject))
    # ruleid: python.template-injection
    legacy = jinja2.Template("Dear %s," % body)
    return tpl.render(footer="Thanks") + legacy.render()


@app.route("/greet2")
def greet_safe():
    # ok: python.template-injection
    page = render_template_string("<p>Hello {{ name }}</p>", name=request.args.get("name", "guest"))
    # ok: python.template-injection
    other = render_template("greet.html", name=request.args.get("name"))
    # ok: python.template-injection
    tpl = env.from_string("<h2>{{ subject }}</h2>")
    return page + other + tpl.render(subject="hi")
