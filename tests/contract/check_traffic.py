#!/usr/bin/python3
"""Holds every reply the sandbox gave in a test run (lobby-platform --record FILE, one JSON line
a reply) against docs/platform-api.yaml: each must be a documented operation, status and content
type, with a body that fits the documented schema. Run by tests/platform/with_platform.sh after
the command it wraps, so every test that talks to the sandbox checks the contract too.
Usage: check_traffic.py CONTRACT TRAFFIC"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from contract import Contract, load_traffic  # noqa: E402

contract = Contract(sys.argv[1])
replies = load_traffic(sys.argv[2]) if os.path.exists(sys.argv[2]) else []
problems = collections.Counter()
operations = set()
for reply in replies:
    template, _ = contract.operation(reply["method"], reply["path"])
    operations.add((reply["method"], template))
    for problem in contract.problems(reply["method"], reply["path"], reply["status"],
                                     reply["content_type"], reply["body"]):
        problems[problem] += 1
if problems:
    print(f"FAIL: {sum(problems.values())} of {len(replies)} replies break the contract:")
    for problem, count in problems.most_common(20):
        print(f"  {count}× {problem}")
    sys.exit(1)
print(f"contract: {len(replies)} replies of {len(operations)} operations, all as documented")
