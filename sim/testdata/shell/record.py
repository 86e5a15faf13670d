#!/usr/bin/env python3
"""Records what the real bash 5.2 / GNU coreutils print for each case in cases.txt (cases are
separated by lines holding only ---), into bash-cases.json. Each case runs in a fresh empty
directory shown as /root, with LANG=C.UTF-8 and stdout+stderr merged as a terminal shows them.
Run: python3 sim/testdata/shell/record.py"""
import json, os, shutil, subprocess

here = os.path.dirname(os.path.abspath(__file__))
cases = [c.strip("\n") for c in open(os.path.join(here, "cases.txt")).read().split("\n---\n")]
work = "/tmp/kubelings-bash-cases"
out = []
for c in cases:
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = {"HOME": "/root", "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}
    r = subprocess.run(["bash", "-c", f"cd {work}; " + c], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True, stdin=subprocess.DEVNULL)
    # bash -c prefixes errors with the script position; an interactive shell prints just "bash: ".
    text = r.stdout.replace("bash: -c: line 1: ", "bash: ").replace("bash: line 1: ", "bash: ").replace(work, "/root")
    out.append({"command": c, "output": text, "exitCode": r.returncode})
json.dump(out, open(os.path.join(here, "bash-cases.json"), "w"), indent=1)
print(f"recorded {len(out)} cases")
