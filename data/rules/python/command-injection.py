import asyncio
import os
import shlex
import subprocess
from subprocess import Popen


def make_thumbnail(src_path: str, width: int) -> bytes:
    # ruleid: python.command-injection
    return subprocess.check_output(f"convert {src_path} -resize {width}x thumb.png", shell=True)


def archive(directory, dest):
    cmd = "tar czf " + dest + " " + directory
    # ruleid: python.command-injection
    subprocess.run(cmd, shell=True, check=True)
    # ruleid: python.command-injection
    os.system("rm -rf %s" % directory)


def ping(host):
    # ruleid: python.command-injection
    out = os.popen("ping -c 1 " + host).read()
    # ruleid: python.command-injection
    status, text = subprocess.getstatusoutput("nslookup {}".format(host))
    # ruleid: python.command-injection
    proc = Popen(
        "traceroute " + host,
        shell=True,
        stdout=subprocess.PIPE,
    )
    return out, text, proc


async def run_hook(hook_cmd):
    # ruleid: python.command-injection
    return await asyncio.create_subprocess_shell(hook_cmd)


def safe_variants(directory, dest, host):
    # ok: python.command-injection
    subprocess.run(["tar", "czf", dest, directory], check=True)
    # ok: python.command-injection
    subprocess.run("ls -l | wc -l", shell=True, check=True)
    # ok: python.command-injection
    subprocess.run(["ping", "-c", "1", host], shell=False)
    # ok: python.command-injection
    os.system("clear")
    # ok: python.command-injection
    subprocess.check_output(cmd_args, cwd=directory, text=True)
    # ok: python.command-injection
    subprocess.run(shlex.split(dest), check=True)
    # ok: python.command-injection
    os.path.join(directory, dest)
