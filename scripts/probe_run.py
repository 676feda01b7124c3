#!/usr/bin/env python3
"""probe_run.py: plays a hand-written probe (tests/probe-team/probe.jsonl) through
POST /v1/chat of a running mnemod and prints its accuracy by kind of question.

Usage: probe_run.py BASE_URL probe.jsonl [--restart-cmd CMD] [--prefix P] [-v]
                    [--json-out F]

Each line of the probe is one user: {"user": "t01", "steps": [...]}, played in order.
A step is a statement ({"say", "conversation", "type", ...}), a question ({"ask",
"conversation", "expect", "reject"?, "all"?, "kind"}) or a restart ({"restart": true}).
For user U and conversation label C a message is POSTed as {"user": P+U,
"conversation": P+U+"-"+C, "message": TEXT}; the reply's "reply" is scored for
questions. A restart runs CMD through the shell, waits for it to exit and then for
GET /readyz to answer 200. Without --restart-cmd, restart steps are skipped (said on
stderr and under the table). Standard library only; see tests/probe-team/README.md.
Exit status: 0 when the probe was played (whatever the accuracy), 1 when it could not
be (the daemon could not be reached, a restart failed), 2 for a bad probe or usage.
"""

import argparse
import json
import subprocess
import sys
import time
import unicodedata
import urllib.error
import urllib.request
from collections import Counter, OrderedDict

KINDS = ["same", "other", "restart", "update", "multi", "yesno", "never",
         "forget", "summary", "zh"]
SAY_TYPES = ["fact", "update", "forget", "smalltalk"]
DONT_KNOW = "__dont_know__"
DONT_KNOW_PHRASES = [
    "don't know", "do not know", "dont know", "not know", "not sure", "no idea",
    "unknown", "haven't told me", "have not told me", "never told me",
    "didn't tell me", "did not tell me", "don't remember", "do not remember",
    "can't remember", "don't recall", "no record", "no information",
    "不知道", "不清楚", "不记得", "没告诉", "没有告诉", "没说过",
]
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'}
CHAT_TIMEOUT = 300      # seconds for one chat turn
READY_TIMEOUT = 180     # seconds for the daemon to be ready after a restart


class Unplayable(Exception):
    """The probe cannot go on (daemon unreachable, restart failed)."""


# ---- scoring ---------------------------------------------------------------------

def normalize(text):
    text = unicodedata.normalize("NFKC", text)
    text = "".join(QUOTES.get(c, c) for c in text)
    return " ".join(text.casefold().split())


def is_word_char(c):
    """A letter or digit that is not CJK (Chinese, Japanese, Korean characters are
    words of their own: a Chinese answer matches anywhere)."""
    return c.isalnum() and unicodedata.east_asian_width(c) not in ("W", "F")


def occurs(needle, hay):
    """needle (normalized) occurs in hay (normalized) as a whole word or phrase."""
    if not needle:
        return False
    start = 0
    while True:
        i = hay.find(needle, start)
        if i < 0:
            return False
        j = i + len(needle)
        ok_before = not (is_word_char(needle[0]) and i > 0 and is_word_char(hay[i - 1]))
        ok_after = not (is_word_char(needle[-1]) and j < len(hay) and is_word_char(hay[j]))
        if ok_before and ok_after:
            return True
        start = i + 1


DONT_KNOW_NORM = [normalize(p) for p in DONT_KNOW_PHRASES]


def is_dont_know(reply_norm):
    return any(occurs(p, reply_norm) for p in DONT_KNOW_NORM)


def score(reply, expect, reject, need_all):
    """True when the reply answers the question (rules in tests/probe-team/README.md)."""
    r = normalize(reply or "")
    if any(occurs(normalize(x), r) for x in reject):
        return False
    dk = is_dont_know(r)
    if dk and DONT_KNOW not in expect:
        return False

    def satisfied(e):
        return dk if e == DONT_KNOW else occurs(normalize(e), r)

    hits = [satisfied(e) for e in expect]
    return bool(hits) and (all(hits) if need_all else any(hits))


# ---- HTTP ------------------------------------------------------------------------

def http(method, url, body=None, timeout=CHAT_TIMEOUT):
    """Returns (status, parsed JSON or None). Raises OSError when nothing answered."""
    data = None
    headers = {"Accept": "application/json"}
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            status = resp.status
    except urllib.error.HTTPError as e:
        raw = e.read()
        status = e.code
    try:
        parsed = json.loads(raw.decode("utf-8")) if raw else None
    except (ValueError, UnicodeDecodeError):
        parsed = None
    return status, parsed


def wait_ready(base, timeout=READY_TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        try:
            status, _ = http("GET", base + "/readyz", timeout=5)
            if status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise Unplayable("daemon at %s not ready after %d s" % (base, timeout))
        time.sleep(0.2)


def chat(base, user, conversation, message):
    """Returns (reply dict or None, error text or None). HTTP errors are returned;
    a daemon that cannot be reached at all raises Unplayable."""
    body = {"user": user, "conversation": conversation, "message": message}
    last = None
    for attempt in range(6):
        try:
            status, parsed = http("POST", base + "/v1/chat", body)
        except OSError as e:
            last = "no answer: %s" % e
            try:
                wait_ready(base, timeout=30)
            except Unplayable:
                raise Unplayable("daemon at %s cannot be reached (%s)" % (base, e))
            continue
        if status == 200 and isinstance(parsed, dict):
            return parsed, None
        code = ""
        if isinstance(parsed, dict) and isinstance(parsed.get("error"), dict):
            code = parsed["error"].get("code", "")
        last = "HTTP %d %s" % (status, code)
        if status in (429, 503) and code != "no_model":
            time.sleep(1 + attempt)
            continue
        break
    return None, last


# ---- the probe -------------------------------------------------------------------

def load_probe(path):
    users = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise ValueError("%s:%d: not JSON: %s" % (path, n, e))
            if not isinstance(obj, dict) or not isinstance(obj.get("user"), str) \
                    or not isinstance(obj.get("steps"), list):
                raise ValueError("%s:%d: want {\"user\": ..., \"steps\": [...]}" % (path, n))
            for i, s in enumerate(obj["steps"]):
                where = "%s:%d: user %s step %d" % (path, n, obj["user"], i)
                if not isinstance(s, dict):
                    raise ValueError(where + ": not an object")
                if s.get("restart") is True:
                    continue
                if "say" in s or "ask" in s:
                    if not isinstance(s.get("conversation"), str):
                        raise ValueError(where + ": no conversation")
                if "ask" in s:
                    if not isinstance(s.get("expect"), list) or not s["expect"]:
                        raise ValueError(where + ": no expect list")
                    if s.get("kind") not in KINDS:
                        raise ValueError(where + ": kind %r not in %s" % (s.get("kind"), KINDS))
                elif "say" not in s:
                    raise ValueError(where + ": neither say, ask nor restart")
            users.append(obj)
    return users


def play(args, users):
    base = args.base_url.rstrip("/")
    wait_ready(base, timeout=60)
    questions = []
    says = OrderedDict((t, Counter()) for t in SAY_TYPES)
    errors = 0
    restarts = skipped_restarts = 0
    for u in users:
        uid = args.prefix + u["user"]
        for i, s in enumerate(u["steps"]):
            if s.get("restart") is True:
                if not args.restart_cmd:
                    skipped_restarts += 1
                    continue
                rc = subprocess.call(args.restart_cmd, shell=True)
                if rc != 0:
                    raise Unplayable("restart command exited %d (user %s step %d)"
                                     % (rc, u["user"], i))
                wait_ready(base)
                restarts += 1
                continue
            conv = uid + "-" + s["conversation"]
            text = s["ask"] if "ask" in s else s["say"]
            resp, err = chat(base, uid, conv, text)
            if err:
                errors += 1
                print("probe: %s step %d: %s" % (u["user"], i, err), file=sys.stderr)
            api_kind = resp.get("kind") if isinstance(resp, dict) else None
            reply = resp.get("reply") if isinstance(resp, dict) else None
            if not isinstance(reply, str):
                reply = None
            if "say" in s:
                t = s.get("type", "fact")
                says.setdefault(t, Counter())[api_kind if api_kind else
                                              ("error" if err else "none")] += 1
                continue
            right = reply is not None and score(reply, s["expect"], s.get("reject", []),
                                                bool(s.get("all", False)))
            questions.append(OrderedDict([
                ("user", u["user"]), ("step", i), ("conversation", s["conversation"]),
                ("kind", s["kind"]), ("ask", s["ask"]), ("expect", s["expect"]),
                ("reject", s.get("reject", [])), ("all", bool(s.get("all", False))),
                ("reply", reply if reply is not None else err),
                ("api_kind", api_kind), ("right", right)]))
    return questions, says, errors, restarts, skipped_restarts


def report(questions, says, errors, restarts, skipped, verbose):
    by_kind = OrderedDict()
    for k in KINDS + sorted({q["kind"] for q in questions} - set(KINDS)):
        qs = [q for q in questions if q["kind"] == k]
        if not qs:
            continue
        right = sum(q["right"] for q in qs)
        by_kind[k] = {"n": len(qs), "right": right, "accuracy": 100.0 * right / len(qs)}
    n = len(questions)
    right = sum(q["right"] for q in questions)
    overall = {"n": n, "right": right, "accuracy": 100.0 * right / n if n else 0.0}

    if verbose:
        for q in questions:
            if q["right"]:
                continue
            print("WRONG %s [%s] %s\n      expect %s%s%s\n      reply  %s" % (
                q["user"], q["kind"], q["ask"],
                json.dumps(q["expect"], ensure_ascii=False),
                " (all)" if q["all"] else "",
                (" reject " + json.dumps(q["reject"], ensure_ascii=False))
                if q["reject"] else "",
                q["reply"]))
        print()

    print("%-9s %5s %6s %9s" % ("kind", "n", "right", "accuracy"))
    for k, v in by_kind.items():
        print("%-9s %5d %6d %8.1f%%" % (k, v["n"], v["right"], v["accuracy"]))
    print("%-9s %5d %6d %8.1f%%" % ("overall", n, right, overall["accuracy"]))
    print()
    for t, c in says.items():
        if not c:
            continue
        parts = ", ".join("%s %d" % (k, v) for k, v in c.most_common())
        print("say %-9s (%3d) answered as: %s" % (t, sum(c.values()), parts))
    print("restarts: %d%s; HTTP errors: %d" % (
        restarts, " (%d skipped: no --restart-cmd)" % skipped if skipped else "", errors))
    return by_kind, overall


def main():
    ap = argparse.ArgumentParser(description="Play a probe through POST /v1/chat and "
                                             "score the replies.")
    ap.add_argument("base_url", metavar="BASE_URL", help="e.g. http://127.0.0.1:8080")
    ap.add_argument("probe", metavar="probe.jsonl")
    ap.add_argument("--restart-cmd", metavar="CMD",
                    help="shell command that restarts the daemon on the same database")
    ap.add_argument("--prefix", default="", metavar="P",
                    help="prefix for user and conversation ids")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print each question answered wrong")
    ap.add_argument("--json-out", metavar="F", help="write the results as JSON to F")
    args = ap.parse_args()

    try:
        users = load_probe(args.probe)
    except (OSError, ValueError) as e:
        print("probe: %s" % e, file=sys.stderr)
        return 2
    try:
        questions, says, errors, restarts, skipped = play(args, users)
    except Unplayable as e:
        print("probe: could not be played: %s" % e, file=sys.stderr)
        return 1
    by_kind, overall = report(questions, says, errors, restarts, skipped, args.verbose)
    if args.json_out:
        out = OrderedDict([("by_kind", by_kind), ("overall", overall),
                           ("questions", questions)])
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
