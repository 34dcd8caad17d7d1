#!/usr/bin/env python3
"""Kills infoview at random points of scripted sessions and proves that nothing acknowledged is lost.

Usage: python3 kill_test.py BINARY [--kills 200] [--seed N] [--transport mixed|pipe|pty] [--verbose]

Each scripted session (SESSIONS below: three ways into /prepare, and /debrief) is a flow answered
one line at a time, as a person would (a rehearsal, REHEARSALS, is the same with lines said to the
insider, each acknowledged once the insider's reply begins):
a line is sent, and it is *acknowledged* once the question after it (or the flow's closing text)
has been shown. Every run of the program ("a life") follows a plan drawn from the seed: kill it
with SIGKILL while it starts, right after a line was sent (after a random few milliseconds, so
the kill lands before, during or after the line's transaction), while a line is half typed, or
just after an acknowledgement; or stop it with SIGTERM or SIGHUP, which must say goodbye and exit
with status 0. After every life the database is checked from Python's sqlite3 (read only):
- it passes SQLite's integrity check;
- every answer acknowledged, in this life or any before, is there with the value typed;
- nothing is there that was not typed.
The next life starts the program again and checks that the interrupted flow resumes at the step
after the last answer saved (`/resume NAME` asks that step's question), then carries on.

Transports: `pipe` (standard input and output on pipes, the scripted mode) and `pty` (a real
pseudo-terminal through pexpect, the line editor); `mixed` picks one for each life.

Prints the kills, clean stops, answers acknowledged and answers lost, and exits 0 only when no
answer was lost and every check held. To cover a new flow, add a `Scripted` entry to SESSIONS.
"""

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "InfoviewCLITests", "pty"))
from prompt_texts import PROMPTS, read_blocks, render, PromptTexts  # noqa: E402

TIMEOUT = 30  # seconds for any one expected output: generous for a loaded machine
TEXTS = PromptTexts()


class Failure(Exception):
    pass


class Scripted:
    """One scripted session: how the flow is started, then each answer in order.

    `start` is the line that starts the flow (`{name}` is filled in); `start_saves_name` says
    whether it already names the interview (`/prepare Sam`) or the first answer does (`/prepare`).
    Each answer is (step, field, typed, stored): the step whose question it answers, the field it
    is saved under, the text typed, and the value expected in the database. `end` is the step
    whose question follows the last answer.
    """

    def __init__(self, label, flow, start, start_saves_name, answers, end):
        self.label = label
        self.flow = flow
        self.start = start
        self.start_saves_name = start_saves_name
        self.answers = answers
        self.end = end


SESSIONS = [
    Scripted(
        "prepare-named-boss",
        "prepare",
        "/prepare {name}",
        True,
        [
            ("role", "role", "Nurse educator", "Nurse educator"),
            ("organisation", "organisation", "St Mary's Hospital", "St Mary's Hospital"),
            ("connection", "connection", "my aunt's colleague, met at Zoë's party", "my aunt's colleague, met at Zoë's party"),
            ("boss", "immediate-boss", "yes", "yes"),
        ],
        "learn",
    ),
    Scripted(
        "prepare-unnamed-not-boss",
        "prepare",
        "/prepare",
        False,
        [
            ("name", "name", "{name}", "{name}"),
            ("role", "role", "Data engineer — platform team", "Data engineer — platform team"),
            ("organisation", "organisation", "Acme Health 日本", "Acme Health 日本"),
            ("connection", "connection", "cold message on a forum", "cold message on a forum"),
            ("boss", "immediate-boss", "no", "no"),
            ("why-them", "why-chosen", "they switched careers like me", "they switched careers like me"),
        ],
        "learn",
    ),
    Scripted(
        "prepare-in-words",
        "prepare",
        "help me get ready for my coffee with {name}",
        True,
        [
            ("role", "role", "Park ranger", "Park ranger"),
            ("organisation", "organisation", "National Trust", "National Trust"),
            ("connection", "connection", "a classmate's mother", "a classmate's mother"),
            ("boss", "immediate-boss", "n", "no"),
            ("why-them", "why-chosen", "she answered my email within a day", "she answered my email within a day"),
        ],
        "learn",
    ),
    Scripted(
        "debrief-after-meeting",
        "debrief",
        "/debrief {name}",
        True,
        [
            ("day-to-day", "day-to-day", "Mornings on site, afternoons on reports — more paperwork than I thought",
             "Mornings on site, afternoons on reports — more paperwork than I thought"),
        ],
        "skills",
    ),
]


class Rehearsal:
    """A scripted rehearsal: the interview is prepared as far as its role (which picks the insider
    `insider`), then each line is said in turn. A line is *acknowledged* once the insider's reply
    to it begins; a later life carries the rehearsal on with `/rehearse NAME`."""

    def __init__(self, label, role, insider, lines):
        self.label = label
        self.role = role
        self.insider = insider
        self.lines = lines


REHEARSALS = [
    Rehearsal(
        "rehearse-analyst",
        "Financial analyst",
        "Daniel",
        [
            "Good morning, how are you?",
            "What does month-end look like for you?",
            "What makes a forecast model easy to follow?",
            "Which skills matter most in your team?",
            "Who else should I speak to?",
        ],
    ),
]


class RehearsalSession:
    """One scripted rehearsal in progress across lives."""

    def __init__(self, script, name):
        self.script = script
        self.name = name
        self.expected = []  # the person's lines acknowledged or seen saved, in order


class FlowTexts:
    """The questions and closing text of a flow, read from `prompts/flows/NAME.flow`."""

    def __init__(self, flow):
        self.blocks = read_blocks(os.path.join(PROMPTS, "flows", flow + ".flow"))

    def asks(self, step, name):
        return [render(text, {"name": name}).encode() for text in self.blocks[("step", step)]["ask"]]

    def closing(self, step, name):
        """The first line of the step's `done:` text, which only ever has the name filled in."""
        return [render(self.blocks[("step", step)]["done"][0], {"name": name}).encode()]


# --- running the program ----------------------------------------------------------------------


class PipeRun:
    """The program with standard input and output on pipes."""

    kind = "pipe"

    def __init__(self, binary, database, environment):
        self.process = subprocess.Popen(
            [binary, "--db", database],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
        self.pid = self.process.pid
        self.output = bytearray()
        self.errors = bytearray()
        self.changed = threading.Condition()
        self.ended = False
        self.readers = [
            threading.Thread(target=self._read, args=(self.process.stdout, self.output), daemon=True),
            threading.Thread(target=self._read, args=(self.process.stderr, self.errors), daemon=True),
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, stream, into):
        while True:
            chunk = os.read(stream.fileno(), 65536)
            with self.changed:
                if not chunk:
                    if into is self.output:
                        self.ended = True
                    self.changed.notify_all()
                    return
                into.extend(chunk)
                self.changed.notify_all()

    def send(self, text, enter=True):
        try:
            self.process.stdin.write(text.encode() + (b"\n" if enter else b""))
            self.process.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass

    def expect(self, texts, start, what):
        """Waits until one of `texts` appears at or after offset `start`; returns where it ends."""
        deadline = time.monotonic() + TIMEOUT
        with self.changed:
            while True:
                found = [(self.output.find(text, start), text) for text in texts]
                found = [(at, text) for at, text in found if at >= 0]
                if found:
                    at, text = min(found)
                    return at + len(text)
                if self.ended:
                    raise Failure(f"the program ended while waiting for {what}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Failure(f"timed out after {TIMEOUT}s waiting for {what}")
                self.changed.wait(left)

    def mark(self):
        with self.changed:
            return len(self.output)

    def signal(self, number):
        self.process.send_signal(number)

    def close_input(self):
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass

    def wait(self):
        """Waits for the end and for all output; returns the exit status (negative: a signal)."""
        try:
            status = self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise Failure(f"the program was still running {TIMEOUT}s later")
        for reader in self.readers:
            reader.join(TIMEOUT)
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        return status

    def alive(self):
        return self.process.poll() is None

    def text(self):
        with self.changed:
            return bytes(self.output), bytes(self.errors)


class PtyRun:
    """The program in a pseudo-terminal, through its line editor."""

    kind = "pty"

    def __init__(self, binary, database, environment):
        import pexpect  # only needed for this transport

        self.pexpect = pexpect
        self.child = pexpect.spawn(binary, ["--db", database], env=environment, dimensions=(24, 200), timeout=TIMEOUT)
        self.child.delaybeforesend = None  # pexpect waits 50 ms before each send by default
        self.child.ptyproc.delayafterclose = 0
        self.pid = self.child.pid
        self.output = bytearray()
        self.ended = False
        self.status = None

    def _pump(self, timeout):
        try:
            self.output.extend(self.child.read_nonblocking(65536, timeout=timeout))
        except self.pexpect.TIMEOUT:
            pass
        except self.pexpect.EOF:
            self.ended = True

    def send(self, text, enter=True):
        try:
            self.child.send(text.encode() + (b"\r" if enter else b""))
        except OSError:
            pass

    def expect(self, texts, start, what):
        deadline = time.monotonic() + TIMEOUT
        while True:
            found = [(self.output.find(text, start), text) for text in texts]
            found = [(at, text) for at, text in found if at >= 0]
            if found:
                at, text = min(found)
                return at + len(text)
            if self.ended:
                raise Failure(f"the program ended while waiting for {what}")
            if time.monotonic() > deadline:
                raise Failure(f"timed out after {TIMEOUT}s waiting for {what}")
            self._pump(0.05)

    def mark(self):
        return len(self.output)

    def signal(self, number):
        os.kill(self.pid, number)

    def close_input(self):
        self.child.sendeof()

    def wait(self):
        deadline = time.monotonic() + TIMEOUT
        while not self.ended:
            if time.monotonic() > deadline:
                self.child.terminate(force=True)
                raise Failure(f"the program was still running {TIMEOUT}s later")
            self._pump(0.05)
        self.child.wait()  # the terminal has closed: the program has ended or is about to
        status = -self.child.signalstatus if self.child.signalstatus is not None else self.child.exitstatus
        self.child.close()
        return status

    def alive(self):
        return self.child.isalive()

    def text(self):
        return bytes(self.output), b""


# --- what the database holds -------------------------------------------------------------------


def database_state(path):
    """{interview name: ({field: value}, flow step or None)} and SQLite's integrity verdict."""
    if not os.path.exists(path):
        return {}, "ok"
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=TIMEOUT)
    try:
        verdict = " ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        interviews = {}
        for interview_id, name in connection.execute("SELECT id, name FROM interview"):
            answers = dict(connection.execute("SELECT key, value FROM answer WHERE interviewId = ?", (interview_id,)))
            row = connection.execute("SELECT step FROM flowProgress WHERE interviewId = ?", (interview_id,)).fetchone()
            interviews[name] = (answers, row[0] if row else None)
        return interviews, verdict
    finally:
        connection.close()


def rehearsal_lines(path, name):
    """The person's lines of the interview's rehearsal, in order (taken back ones left out)."""
    if not os.path.exists(path):
        return []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=TIMEOUT)
    try:
        rows = connection.execute(
            "SELECT line.text FROM rehearsalLine AS line JOIN rehearsal ON rehearsal.id = line.rehearsalId"
            " JOIN interview ON interview.id = rehearsal.interviewId"
            " WHERE interview.name = ? AND line.speaker = 'user' AND NOT line.isRetried"
            " ORDER BY rehearsal.id, line.position",
            (name,),
        ).fetchall()
        return [row[0] for row in rows]
    finally:
        connection.close()


# --- the test ----------------------------------------------------------------------------------


class Tally:
    def __init__(self):
        self.kills = 0
        self.terms = 0
        self.hangups = 0
        self.lives = 0
        self.acknowledged = 0
        self.lost = 0
        self.resumed = 0
        self.completed = 0
        self.startup_kills = 0
        # SIGKILLs right after a line was sent: where they landed relative to its transaction.
        self.in_flight = {"acknowledged": 0, "saved, not acknowledged": 0, "not saved": 0}


class Session:
    """One scripted session in progress across lives."""

    def __init__(self, script, name):
        self.script = script
        self.name = name
        self.texts = FlowTexts(script.flow)
        # (step, field, typed, stored) with the name filled in
        self.answers = [
            (step, field, typed.replace("{name}", name), stored.replace("{name}", name))
            for step, field, typed, stored in script.answers
        ]
        self.expected = {}  # field -> value: everything ever acknowledged or seen saved

    def follow_up(self, index):
        """What is shown once answer `index` (-1: the start line) is taken."""
        following = index + 1
        if following < len(self.answers):
            return self.texts.asks(self.answers[following][0], self.name)
        return self.texts.asks(self.script.end, self.name)

    def saved_fields(self):
        fields = {field: stored for _, field, _, stored in self.answers}
        if self.script.start_saves_name:
            fields["name"] = self.name
        return fields


class Life:
    """One run of the program, and how it will end, drawn from the seed: by SIGKILL (now and then
    while it starts), SIGTERM or SIGHUP, at which moment of the line after the last acknowledged
    one, and after how long a pause once that line is sent."""

    def __init__(self, binary, database, environment, rng, transport, tally):
        self.kind = transport if transport != "mixed" else rng.choice(["pipe", "pty"])
        self.run = (PipeRun if self.kind == "pipe" else PtyRun)(binary, database, environment)
        tally.lives += 1
        roll = rng.random()
        self.ending = "kill" if roll < 0.8 else ("term" if roll < 0.9 else "hup")
        self.startup_kill = self.ending == "kill" and rng.random() < 0.12
        self.moment = rng.choice(["after-send", "after-send", "after-ack", "half-typed"])
        if self.moment == "half-typed" and self.kind == "pipe":
            self.moment = "after-send"
        # A line takes a few to a few tens of milliseconds (the commit waits for the disk).
        self.delay = rng.choice([0.0, rng.uniform(0, 0.01), rng.uniform(0, 0.04)])

    def kill_while_starting(self, rng, tally):
        time.sleep(rng.uniform(0, 0.06))
        alive = self.run.alive()
        self.run.signal(signal.SIGKILL)
        if alive and self.run.wait() == -signal.SIGKILL:
            tally.kills += 1
            tally.startup_kills += 1

    def send_last(self, line, position):
        """The line the ending comes after: half typed, sent (and a pause), or not sent at all."""
        if self.moment == "half-typed":
            self.run.send(line[: max(1, len(line) // 2)], enter=False)
            self.run.expect([line[: max(1, len(line) // 2)].encode()], position, "the half-typed line echoed")
        elif self.moment == "after-send":
            self.run.send(line)
            if self.delay:
                time.sleep(self.delay)

    def end(self, position, tally):
        """Sends the ending's signal and counts it; SIGTERM and SIGHUP must say goodbye (after
        `position`) and exit 0. Returns whether a SIGKILL landed, the output and the status."""
        alive = self.run.alive()
        self.run.signal({"kill": signal.SIGKILL, "term": signal.SIGTERM, "hup": signal.SIGHUP}[self.ending])
        status = self.run.wait()
        output, errors = self.run.text()
        if self.ending == "kill":
            killed = alive and status == -signal.SIGKILL
            if killed:
                tally.kills += 1
            return killed, output, status
        if self.ending == "term":
            tally.terms += 1
        else:
            tally.hangups += 1
        if status != 0:
            raise Failure(f"{self.kind}: after SIG{self.ending.upper()} the program ended with {status}, expected exit 0; "
                          f"errors: {errors[-500:]!r}")
        goodbye = TEXTS.variants("quit")  # its first sentence: the rest depends on the flow
        if not any(output.find(text, position) >= 0 for text in goodbye):
            raise Failure(f"{self.kind}: no goodbye after SIG{self.ending.upper()}: {output[-400:]!r}")
        return False, output, status


def run_life(binary, database, environment, session, rng, transport, tally, verbose):
    """Runs the program once on the session; returns True when the session is complete."""
    interviews, _ = database_state(database)
    saved, step = interviews.get(session.name, ({}, None))
    started = session.name in interviews
    # The flow goes on past the scripted answers (to `end`'s question): all of them saved is done.
    complete = started and all(field in saved for _, field, _, _ in session.answers)
    if complete:
        return True

    life = Life(binary, database, environment, rng, transport, tally)
    run, kind, moment = life.run, life.kind, life.moment
    acknowledged = []  # (field, value) acknowledged in this life
    if life.startup_kill:
        life.kill_while_starting(rng, tally)
        verify(database, session, acknowledged, tally, run, verbose)
        return False

    position = run.expect(
        TEXTS.variants("welcome-back") + TEXTS.variants("welcome"), 0, "the greeting")
    # Where to carry on from.
    if not started:
        first = 0
        start_line = session.script.start.replace("{name}", session.name)
        start_saves = session.script.start_saves_name
    else:
        first = next((i for i, (_, field, _, _) in enumerate(session.answers) if field not in saved), len(session.answers))
        if step is None:
            raise Failure(f"{session.name}: answers missing ({first} of {len(session.answers)} saved) but no flow to resume")
        expected_step = session.answers[first][0]
        if step != expected_step:
            raise Failure(f"{session.name}: the flow would resume at step {step}, expected {expected_step}")
        start_line = f"/resume {session.name}"
        start_saves = False
        tally.resumed += 1
    lines = [(start_line, [("name", session.name)] if start_saves else [], first - 1)]
    for index in range(first, len(session.answers)):
        _, field, typed, stored = session.answers[index]
        lines.append((typed, [(field, stored)], index))
    # How many lines are sent and acknowledged before the ending; the ending comes after the next.
    stop_after = rng.randrange(len(lines) + 1)
    for number, (line, saves, index) in enumerate(lines):
        if number == stop_after:
            break
        run.send(line)
        position = run.expect(session.follow_up(index), position, f"what follows {line!r}")
        acknowledged.extend(saves)
    if stop_after < len(lines):
        life.send_last(lines[stop_after][0], position)
    killed, output, status = life.end(position, tally)
    # Lines whose follow-up got out before the end count as acknowledged too.
    if stop_after < len(lines) and moment != "half-typed":
        line, saves, index = lines[stop_after]
        if moment == "after-send" and any(output.find(text, position) >= 0 for text in session.follow_up(index)):
            acknowledged.extend(saves)
    if killed and stop_after < len(lines) and moment == "after-send" and lines[stop_after][1]:
        field, value = lines[stop_after][1][0]
        interviews, _ = database_state(database)
        if (field, value) in acknowledged:
            tally.in_flight["acknowledged"] += 1
        elif interviews.get(session.name, ({}, None))[0].get(field) == value:
            tally.in_flight["saved, not acknowledged"] += 1
        else:
            tally.in_flight["not saved"] += 1
    tally.acknowledged += len(acknowledged)
    verify(database, session, acknowledged, tally, run, verbose)
    if verbose:
        print(f"life {tally.lives}: {kind} {session.name} from {first} sent {stop_after}+ {moment} {life.ending} "
              f"ack {len(acknowledged)} status {status}", file=sys.stderr)
    return False


def prepare_for_rehearsal(binary, database, environment, session):
    """Creates the interview with its role (which picks the insider), with no kill: the rehearsal is
    what is tested."""
    run = PipeRun(binary, database, environment)
    position = run.expect(TEXTS.variants("welcome-back") + TEXTS.variants("welcome"), 0, "the greeting")
    texts = FlowTexts("prepare")
    run.send(f"/prepare {session.name}")
    position = run.expect(texts.asks("role", session.name), position, "the role question")
    run.send(session.script.role)
    run.expect(texts.asks("organisation", session.name), position, "the organisation question")
    run.close_input()
    if run.wait() != 0:
        raise Failure(f"{session.name}: preparing the interview for its rehearsal failed")


def run_rehearsal_life(binary, database, environment, session, rng, transport, tally, verbose):
    """Runs the program once on a rehearsal; returns True when every line is saved."""
    interviews, _ = database_state(database)
    if session.name not in interviews:
        prepare_for_rehearsal(binary, database, environment, session)
    lines = session.script.lines
    saved = rehearsal_lines(database, session.name)
    if saved == lines:
        return True
    life = Life(binary, database, environment, rng, transport, tally)
    run = life.run
    acknowledged = []
    if life.startup_kill:
        life.kill_while_starting(rng, tally)
        verify_rehearsal(database, session, acknowledged, tally)
        return False
    # At the start of a line (after the line editor's last control sequence and "\r" at a
    # terminal): the introduction also says "What you know about Daniel: …".
    replies = [f"\n{session.script.insider}: ".encode(), f"\r{session.script.insider}: ".encode()]
    position = run.expect(TEXTS.variants("welcome-back") + TEXTS.variants("welcome"), 0, "the greeting")
    if saved:
        tally.resumed += 1
    # `/rehearse NAME` opens the rehearsal, or carries on the one cut short, with the insider's line.
    run.send(f"/rehearse {session.name}")
    position = run.expect(replies, position, "the insider's opening")
    to_say = lines[len(saved):]
    stop_after = rng.randrange(len(to_say) + 1)
    for number, line in enumerate(to_say):
        if number == stop_after:
            break
        mark = max(0, run.mark() - 1)  # the line break before the reply may be out already
        run.send(line)
        position = run.expect(replies, mark, f"the insider's reply to {line!r}")
        acknowledged.append(line)
    if stop_after < len(to_say):
        life.send_last(to_say[stop_after], position)
    _, output, status = life.end(position, tally)
    if stop_after < len(to_say) and life.moment == "after-send" and any(output.find(text, position) >= 0 for text in replies):
        acknowledged.append(to_say[stop_after])  # its reply got out before the end
    tally.acknowledged += len(acknowledged)
    verify_rehearsal(database, session, acknowledged, tally)
    if verbose:
        print(f"life {tally.lives}: {life.kind} {session.name} rehearsal from {len(saved)} said {stop_after}+ "
              f"{life.moment} {life.ending} ack {len(acknowledged)} status {status}", file=sys.stderr)
    return False


def verify_rehearsal(database, session, acknowledged, tally):
    """Every line acknowledged is saved, in order, and nothing is saved that was not said."""
    session.expected += acknowledged
    interviews, verdict = database_state(database)
    if verdict != "ok":
        raise Failure(f"the database failed SQLite's integrity check: {verdict}")
    saved = rehearsal_lines(database, session.name)
    if saved != session.script.lines[: len(saved)]:
        raise Failure(f"{session.name}: the rehearsal holds {saved!r}, which is not what was said")
    if len(saved) < len(session.expected):
        missing = session.expected[len(saved):]
        tally.lost += len(missing)
        print(f"LOST: {session.name}: {missing!r} acknowledged, the rehearsal holds {saved!r}", file=sys.stderr)
    session.expected = saved  # saved once, it must stay


def verify(database, session, acknowledged, tally, run, verbose):
    """Checks the database after a life against everything acknowledged so far."""
    for field, value in acknowledged:
        session.expected[field] = value
    interviews, verdict = database_state(database)
    if verdict != "ok":
        raise Failure(f"the database failed SQLite's integrity check: {verdict}")
    saved, _ = interviews.get(session.name, ({}, None))
    for field, value in session.expected.items():
        if saved.get(field) != value:
            tally.lost += 1
            print(f"LOST: {session.name}: {field} = {value!r} was acknowledged, the database has {saved.get(field)!r}",
                  file=sys.stderr)
    allowed = session.saved_fields()
    for field, value in saved.items():
        if allowed.get(field) != value:
            raise Failure(f"{session.name}: the database has {field} = {value!r}, which was never typed")
        session.expected[field] = value  # saved once, it must stay


def check_others(database, finished):
    """Completed sessions stay exactly as they were."""
    interviews, _ = database_state(database)
    for session in finished:
        if isinstance(session, RehearsalSession):
            if rehearsal_lines(database, session.name) != session.expected:
                raise Failure(f"the finished rehearsal of {session.name} changed")
            continue
        saved, step = interviews.get(session.name, ({}, None))
        if saved != session.expected:
            raise Failure(f"the finished interview {session.name} changed: {saved!r}, step {step}")


def main():
    parser = argparse.ArgumentParser(description="Kill infoview at random points and check nothing is lost.")
    parser.add_argument("binary")
    parser.add_argument("--kills", type=int, default=200, help="how many SIGKILLs to deliver (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--transport", choices=["mixed", "pipe", "pty"], default="mixed")
    parser.add_argument("--verbose", action="store_true")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    tally = Tally()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="infoview-kill-") as home:
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        }
        database = os.path.join(home, "data", "infoview", "infoview.sqlite")  # created with its folder
        finished = []
        number = 0
        try:
            while tally.kills < arguments.kills:
                number += 1
                script = (SESSIONS + REHEARSALS)[(number - 1) % (len(SESSIONS) + len(REHEARSALS))]
                if isinstance(script, Rehearsal):
                    session, life = RehearsalSession(script, f"Person{number}"), run_rehearsal_life
                else:
                    session, life = Session(script, f"Person{number}"), run_life
                lives = 0
                while not life(arguments.binary, database, environment, session, rng, arguments.transport,
                               tally, arguments.verbose):
                    lives += 1
                    if lives > 200:
                        raise Failure(f"{session.name} did not complete in 200 lives")
                    if tally.kills >= arguments.kills:
                        break
                else:
                    tally.completed += 1
                    finished.append(session)
                check_others(database, finished)
        except Failure as failure:
            print(f"kill_test: FAILED: {failure}", file=sys.stderr)
            report(arguments, tally, started)
            return 1
    report(arguments, tally, started)
    return 0 if tally.lost == 0 else 1


def report(arguments, tally, started):
    print(f"kill_test: seed {arguments.seed}, transport {arguments.transport}, "
          f"{tally.lives} runs in {time.monotonic() - started:.1f}s")
    print(f"kills: {tally.kills} (SIGKILL; {tally.startup_kills} while starting)")
    landed = ", ".join(f"{count} {what}" for what, count in tally.in_flight.items())
    print(f"kills just after an answer was sent: {sum(tally.in_flight.values())} ({landed})")
    print(f"clean stops: {tally.terms} SIGTERM, {tally.hangups} SIGHUP (each said goodbye and exited 0)")
    print(f"sessions: {tally.completed} completed, {tally.resumed} resumes")
    print(f"answers acknowledged: {tally.acknowledged}")
    print(f"answers lost: {tally.lost}")


if __name__ == "__main__":
    sys.exit(main())
