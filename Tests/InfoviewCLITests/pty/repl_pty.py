#!/usr/bin/env python3
"""Drives the infoview REPL through a real pseudo-terminal.

Usage: python3 repl_pty.py BINARY SCENARIO, or python3 repl_pty.py --list for the scenarios' names

Each scenario runs in a fresh temporary HOME (with XDG_STATE_HOME and XDG_DATA_HOME inside it and
the database in it), waits for what it expects with a timeout, and exits 0 when everything held,
or 1 with a message and the tail of the terminal output. Nothing waits a fixed time: every step
waits for output. What infoview says is read from `prompts/` (see prompt_texts.py), and where a
message has variants any of them will do, so no scenario depends on a random choice.
"""

import io
import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time

import pexpect

from prompt_texts import PromptTexts

TIMEOUT = 30  # seconds for any one expectation: generous for a loaded machine
WIDE = (24, 200)  # wide enough that no question or message the scenarios wait for is wrapped
SGR = re.compile(rb"\x1b\[[0-9;]*m")
TEXTS = PromptTexts()
HOME_PROMPT = TEXTS.prompt()
FLOW_PROMPT = TEXTS.prompt("prepare")

# Every session started, so that a failure can show the last one's output and all get closed.
SESSIONS = []


class Failure(Exception):
    pass


class Session:
    """One run of the binary in a pseudo-terminal, with everything it wrote kept in `log`."""

    def __init__(self, binary, home, env=None, size=WIDE):
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        }
        for key, value in (env or {}).items():
            if value is None:
                environment.pop(key, None)
            else:
                environment[key] = value
        self.log = io.BytesIO()
        self.flow_prompt = FLOW_PROMPT  # the prompt inside the flow a scenario is in
        self.reaped = False  # set when a scenario waits for the process itself
        self.child = pexpect.spawn(
            binary,
            ["--db", os.path.join(home, "test.sqlite")],
            env=environment,
            dimensions=size,
            timeout=TIMEOUT,
        )
        self.child.logfile_read = self.log
        SESSIONS.append(self)

    def output(self, start=0):
        return self.log.getvalue()[start:]

    def mark(self):
        return len(self.log.getvalue())

    def expect(self, text, what=None):
        """Waits for `text`, or for any of a list of texts; returns the index of the one seen."""
        try:
            return self.child.expect_exact(text)
        except pexpect.TIMEOUT:
            raise Failure(f"timed out after {TIMEOUT}s waiting for {what or text!r}")
        except pexpect.EOF:
            raise Failure(f"the program ended while waiting for {what or text!r}")

    def home(self):
        """Waits for the prompt and checks that it is the home prompt, not a flow's."""
        # The flow's prompt ends like the home one and is found first when it is there.
        if self.expect([self.flow_prompt, HOME_PROMPT], "the home prompt") == 0:
            raise Failure("the prompt is the flow's, expected the home prompt")

    def in_flow(self):
        """Waits for the prompt and checks that it is the flow's (the prepare flow's unless the
        scenario set `flow_prompt`)."""
        if self.expect([self.flow_prompt, HOME_PROMPT], "the flow's prompt") == 1:
            raise Failure("the prompt is the home prompt, expected the flow's")

    def ask(self, step, **values):
        """Waits for the question of a step of the prepare flow (any variant), then its prompt."""
        self.expect(TEXTS.asks(step, **values), f"the question of step {step}")
        self.in_flow()

    def say(self, message, **values):
        """Waits for a message (any variant)."""
        self.expect(TEXTS.variants(message, **values), f"the message {message}")

    def start(self, returning=False):
        """Waits for the greeting of a first run, or of a run with interviews saved."""
        self.say("welcome-back" if returning else "welcome")
        if not returning:
            self.home()

    def finish(self):
        """Waits for the program to end and checks that it ended well."""
        try:
            self.child.expect(pexpect.EOF)
        except pexpect.TIMEOUT:
            raise Failure(f"the program did not end within {TIMEOUT}s")
        self.child.close()
        if self.child.signalstatus is not None:
            raise Failure(f"the program was killed by signal {self.child.signalstatus}")
        if self.child.exitstatus != 0:
            raise Failure(f"the program exited with status {self.child.exitstatus}, expected 0")

    def leave(self):
        """Ctrl-D: the goodbye (its start, which is the same in and out of a flow), exit 0."""
        self.child.sendeof()
        self.say("quit")
        self.finish()

    def prepare_to_organisation(self, name, role):
        """Starts /prepare NAME, answers the role, and waits for the organisation question."""
        self.child.send(f"/prepare {name}\r")
        self.ask("role", name=name)
        self.child.send(role + "\r")
        self.ask("organisation", name=name)

    def type(self, text):
        """Types text without Enter and waits until the line editor shows it."""
        self.child.send(text)
        self.expect(text.encode(), f"{text!r} echoed")

    def close(self):
        if self.reaped:
            return
        if self.child.isalive():
            self.child.terminate(force=True)


def check(condition, message):
    if not condition:
        raise Failure(message)


def wait_for_exit(pid):
    """Reaps a child the scenario ended itself; returns its wait status."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        reaped, status = os.waitpid(pid, os.WNOHANG)
        if reaped:
            return status
        if time.monotonic() > deadline:
            raise Failure(f"the program was still running {TIMEOUT}s later")
        time.sleep(0.02)


def interrupted(name, step):
    """The greeting's lines about a flow that was cut short at `step`."""
    return TEXTS.text("interrupted", doing=TEXTS.doing(name=name), step=step)


def ctrl_c_at_prompt(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.sendintr()
    s.expect(b"^C")
    s.expect(TEXTS.text("interrupt-home"))
    s.home()
    s.child.send("/list\r")
    s.say("list-empty")
    s.home()
    s.child.send("/quit\r")
    s.say("quit")
    s.finish()


def ctrl_c_discards_text(binary, home):
    s = Session(binary, home)
    s.start()
    s.type("/prepare Draft")
    start = s.mark()
    s.child.sendintr()
    s.expect(b"^C")
    s.home()
    check(TEXTS.text("interrupt-home") not in s.output(start), "Ctrl-C on a line with text went to the application")
    s.child.send("/show Draft\r")
    s.say("show-unknown", name="Draft")  # so the cancelled /prepare started nothing
    s.home()
    check(b"/prepare Draft/show" not in s.output(), "the cancelled text stayed on the line")
    s.child.send("\x12sho")  # Ctrl-R, then cancel the search itself
    s.expect(b"reverse-i-search")
    s.expect(b"w Draft", "the line found by Ctrl-R")
    start = s.mark()
    s.child.sendintr()
    s.expect(b"^C")
    s.home()
    check(TEXTS.text("interrupt-home") not in s.output(start), "Ctrl-C in a search went to the application")
    s.child.send("/list\r")
    s.say("list-empty")
    s.home()
    s.leave()


def ctrl_c_during_prepare(binary, home):
    s = Session(binary, home)
    s.start()
    s.prepare_to_organisation("Sam", "Designer")
    # With text typed, Ctrl-C throws the text away and the question stays.
    s.type("half an answer")
    start = s.mark()
    s.child.sendintr()
    s.expect(b"^C")
    s.in_flow()
    stopped = TEXTS.text("stopped", doing=TEXTS.doing(name="Sam"), step="organisation")
    check(stopped not in s.output(start), "Ctrl-C with an answer half typed stopped the flow")
    # On an empty line it stops the flow, keeping the answers, and the program carries on.
    s.child.sendintr()
    s.expect(b"^C")
    s.expect(stopped)
    s.home()
    s.child.send("/show Sam\r")
    s.expect(TEXTS.text("show-heading", name="Sam", stage=TEXTS.stage("prepare")))
    s.expect(TEXTS.answer_line("role", "Designer"))
    s.home()
    s.child.send("/quit\r")
    s.say("quit")
    s.finish()

    again = Session(binary, home)
    again.start(returning=True)
    again.expect(TEXTS.text("interview-line", name="Sam", role="Designer", stage=TEXTS.stage("prepare")))
    again.expect(interrupted("Sam", "organisation"))
    again.expect(TEXTS.answer_line("role", "Designer"))
    again.home()
    again.child.send("/list\r")
    again.say("list-heading")
    again.expect(TEXTS.text("interview-line", name="Sam", role="Designer", stage=TEXTS.stage("prepare")))
    again.home()
    again.child.send("/show Sam\r")
    again.expect(TEXTS.answer_line("role", "Designer"))
    again.home()
    check(b"half an answer" not in again.output(), "the discarded text was saved")
    again.leave()


def multi_line_paste(binary, home):
    s = Session(binary, home)
    s.start()
    # Terminals send a pasted line break as CR; either kind splits the paste into lines.
    s.child.send(b"\x1b[200~/prepare Sam\rDesigner\nAcme\x1b[201~\r")
    s.expect(TEXTS.asks("role", name="Sam"), "the question after the first pasted line")
    s.expect(TEXTS.asks("organisation", name="Sam"), "the question after the second pasted line")
    s.expect(TEXTS.asks("connection", name="Sam"), "the question after the third pasted line")
    s.in_flow()
    s.leave()
    with open(os.path.join(home, "state", "infoview", "history"), "rb") as file:
        lines = file.read().splitlines()
    check(lines == [b"/prepare Sam", b"Designer", b"Acme"], f"the history holds {lines!r}")


def hangup_leaves(binary, home):
    s = Session(binary, home)
    s.start()
    s.prepare_to_organisation("Sam", "Designer")
    s.type("typed, then the window closes")
    os.close(s.child.child_fd)  # the terminal goes away: SIGHUP and end of input
    status = wait_for_exit(s.child.pid)
    s.reaped = True
    check(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"wait status {status}, expected exit 0")

    again = Session(binary, home)
    again.start(returning=True)
    again.expect(interrupted("Sam", "organisation"))
    again.expect(TEXTS.answer_line("role", "Designer"))
    again.home()
    again.leave()


def ctrl_d_leaves(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.sendeof()
    s.say("quit")
    s.finish()
    # Inside a flow the goodbye says how to carry on next time.
    inside = Session(binary, home)
    inside.start()
    inside.child.send("/prepare Ana\r")
    inside.ask("role", name="Ana")
    inside.child.sendeof()
    inside.say("quit", doing=TEXTS.doing(name="Ana"))
    inside.finish()


def history_persists(binary, home):
    history = os.path.join(home, "state", "infoview", "history")
    line = "/show first-run-line"
    answer = TEXTS.variants("show-unknown", name="first-run-line")
    first = Session(binary, home)
    first.start()
    first.child.send(line + "\r")
    first.expect(answer)
    first.home()
    first.leave()
    check(os.path.isfile(history), f"no history file at {history}")
    check(not os.path.exists(os.path.join(home, ".local")), "something was written under ~/.local")
    folder_mode = stat.S_IMODE(os.stat(os.path.dirname(history)).st_mode)
    check(folder_mode == 0o700, f"the history folder has mode {oct(folder_mode)}, expected 0o700")
    file_mode = stat.S_IMODE(os.stat(history).st_mode)
    check(file_mode == 0o600, f"the history file has mode {oct(file_mode)}, expected 0o600")

    second = Session(binary, home)
    second.start()
    second.child.send("\x1b[A")  # Up
    second.expect(line.encode(), "the first run's line, recalled by Up")
    second.child.send("\r")
    second.expect(answer)
    second.home()
    second.child.send("\x12first")  # Ctrl-R, then the text to search for
    second.expect(b"-run-line", "the line found by Ctrl-R")  # readline highlights the match
    second.child.send("\r")
    second.expect(answer)
    second.home()
    second.leave()
    with open(history, "rb") as file:
        lines = file.read().splitlines()
    check(lines.count(line.encode()) == 1, f"the repeated line was stored again: {lines!r}")


def tab_completes(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.send("/he\t")
    s.expect(b"/help", "/he completed to /help")
    s.child.send("\r")
    s.say("help-heading")
    s.home()
    s.child.send("/prepare Samira\r")
    s.ask("role", name="Samira")
    s.child.send("stop\r")
    s.expect(TEXTS.text("stopped", doing=TEXTS.doing(name="Samira"), step="role"))
    s.home()
    s.child.send("/show Sa\t")
    s.expect(b"/show Samira", "a name completed after /show")
    s.child.send("\r")
    s.expect(TEXTS.text("show-heading", name="Samira", stage=TEXTS.stage("prepare")))
    s.home()
    s.leave()


def escapes_never_raw(binary, home):
    s = Session(binary, home)
    s.start()
    # Ctrl-V inserts the next key as it is: ESC and BEL end up in the name, which drops them.
    s.child.send("/prepare \x16\x1b]0;pwned\x16\x07 Sam\r")
    s.ask("role", name="]0;pwned Sam")
    # A bracketed paste carrying a colour sequence, a C1 control (CSI) and a right-to-left override.
    s.child.send(b"\x1b[200~pasted \x1b[31mred \xc2\x9b2J \xe2\x80\xaeevil\x1b[201~\r")
    s.ask("organisation", name="]0;pwned Sam")
    s.child.send("skip\r")
    s.ask("connection", name="]0;pwned Sam")
    s.child.send("skip\r")
    s.ask("boss", name="]0;pwned Sam")
    s.child.send("yes\r")
    s.ask("learn", name="]0;pwned Sam")
    s.child.send("/show ]0;pwned Sam\r")
    s.expect(TEXTS.answer_line("role", "pasted ^[[31mred \ufffd2J \ufffdevil"), "the role shown with visible escapes")
    s.in_flow()
    s.child.send("stop\r")
    s.home()
    s.leave()
    out = s.output()
    check(b"\x1b]0;pwned" not in out, "an OSC title sequence reached the terminal raw")
    check(b"\x07" not in out, "a BEL reached the terminal raw")
    check(b"\x1b[31mred" not in out, "a colour sequence from the input reached the terminal raw")
    check(b"\xc2\x9b" not in out, "a C1 control reached the terminal raw")
    check(b"\xe2\x80\xae" not in out, "a right-to-left override reached the terminal raw")


def unicode_input(binary, home):
    s = Session(binary, home, env={"LANG": None, "LC_ALL": None})  # C locale: UTF-8 must still work
    s.start()
    s.child.send("/prepare Zoë ✓ 日本\r")
    s.ask("role", name="Zoë ✓ 日本")
    s.leave()


def colour_on_terminal(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.send("/help\r")
    s.expect(b"\x1b[1m" + TEXTS.text("help-heading") + b"\x1b[0m", "a bold heading")
    s.home()
    s.leave()


def no_colour_with_no_color(binary, home):
    s = Session(binary, home, env={"NO_COLOR": "1"})
    s.start()
    s.child.send("/help\r")
    s.say("help-chat")
    s.home()
    s.child.sendintr()
    s.expect(TEXTS.text("interrupt-home"))
    s.home()
    s.leave()
    check(not SGR.search(s.output()), "colour codes were written although NO_COLOR=1")


def resize(binary, home):
    s = Session(binary, home)
    s.start()
    name = " ".join(["word%02d" % n for n in range(14)])  # 97 columns
    reply = TEXTS.text("show-unknown", name=name)
    check(40 * 2 < len(reply) <= 132, f"the reply to wrap is {len(reply)} columns long")
    s.child.setwinsize(24, 40)
    start = s.mark()
    s.child.send("/show " + name + "\r")
    s.expect(reply[:20], "the start of the reply")  # the resize may redraw the prompt first
    s.home()
    shown = s.output(start)
    shown = shown[shown.rindex(reply[:20]) :]
    rows = [SGR.sub(b"", row) for row in shown.split(b"\r\n")[:-1]]
    check(len(rows) >= 3, f"a {len(reply)}-column reply was not wrapped at 40 columns: {rows!r}")
    check(all(len(row) <= 40 for row in rows), f"a row is wider than 40 columns: {rows!r}")
    check(b" ".join(row.strip() for row in rows) == reply, f"the wrapped rows are not the reply: {rows!r}")
    s.child.setwinsize(24, 132)
    s.child.send("\x1b[A\r")  # the same line again, recalled
    s.expect(reply, "the reply on one row at 132 columns")
    s.home()
    s.leave()


def dumb_terminal(binary, home):
    s = Session(binary, home, env={"TERM": "dumb"})
    s.start()
    s.child.send("/help\r")
    s.say("help-heading")
    s.home()
    s.child.sendintr()
    s.expect(TEXTS.text("interrupt-home"))
    s.home()
    s.child.send("/quit\r")
    s.say("quit")
    s.finish()
    check(not SGR.search(s.output()), "colour codes were written to a dumb terminal")


def sigterm_leaves(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.send("/prepare Ana\r")
    s.ask("role", name="Ana")
    s.type("half a line")
    s.child.kill(signal.SIGTERM)
    s.say("quit", doing=TEXTS.doing(name="Ana"))
    s.finish()


def ctrl_z_suspends(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.sendcontrol("z")
    deadline = time.monotonic() + TIMEOUT
    while process_state(s.child.pid) != "T":
        if time.monotonic() > deadline:
            raise Failure("Ctrl-Z did not stop the program")
        time.sleep(0.02)
    s.child.kill(signal.SIGCONT)
    s.home()
    s.child.send("/list\r")
    s.say("list-empty")
    s.home()
    s.leave()


def kill_9_mid_prepare(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.send("/prepare\r")
    s.ask("name")
    s.child.send("Jordan\r")
    s.ask("role", name="Jordan")
    s.child.send("Nurse educator\r")
    # The question is shown only once the answer before it is committed.
    s.ask("organisation", name="Jordan")
    s.type("St Mary's, half typed")
    s.child.kill(signal.SIGKILL)
    status = wait_for_exit(s.child.pid)
    s.reaped = True
    check(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"wait status {status}, expected SIGKILL")

    again = Session(binary, home)
    again.start(returning=True)
    again.expect(interrupted("Jordan", "organisation"))
    again.say("so-far")
    again.expect(TEXTS.answer_line("role", "Nurse educator"))
    again.expect(TEXTS.text("resume-hint"))
    again.home()
    check(b"half typed" not in again.output(), "a line that was never entered came back")
    again.child.send("/resume\r")
    again.expect(TEXTS.text("resumed", doing=TEXTS.doing(name="Jordan")))
    again.expect(TEXTS.answer_line("role", "Nurse educator"))
    again.ask("organisation", name="Jordan")
    again.child.send("St Mary's Hospital\r")
    again.ask("connection", name="Jordan")
    again.leave()

    last = Session(binary, home)
    last.start(returning=True)
    last.expect(interrupted("Jordan", "connection"))
    last.home()
    last.child.send("/show Jordan\r")
    last.expect(TEXTS.answer_line("role", "Nurse educator"))
    last.expect(TEXTS.answer_line("organisation", "St Mary's Hospital"))
    last.home()
    last.leave()


def rewrite_in_one_keystroke(binary, home):
    """At a real terminal, a flagged question's rewrite goes on the list with Enter alone."""
    s = Session(binary, home)
    s.start()
    s.child.send("/prepare Sam\r")
    s.ask("role", name="Sam")
    for step, answer in [("organisation", "skip"), ("connection", "skip"), ("boss", "skip"), ("learn", "yes")]:
        s.child.send(answer + "\r")
        s.ask(step, name="Sam")
    s.child.send("how the work really goes\r")
    s.in_flow()  # the question about gaps is wider than the terminal, so only its prompt is awaited
    for step, answer in [("field", "done"), ("questions", "software")]:
        s.child.send(answer + "\r")
        s.ask(step, name="Sam")
    s.child.send("Are you hiring?\r")
    s.say("question-rewrite-keys")
    s.in_flow()
    s.child.send("\r")
    s.in_flow()
    s.child.send("list\r")
    s.expect(TEXTS.text("questions-list-heading", count="2"), "the closing question and the rewrite on the list")
    s.in_flow()
    s.child.sendintr()
    s.say("stopped", doing=TEXTS.doing(name="Sam"), step="questions")
    s.home()
    s.leave()


def live_line(message, **values):
    """A pattern for a message whose minutes depend on the real clock: `elapsed` is any number."""
    text = TEXTS.text(message, elapsed="ELAPSED", **values)
    return re.compile(re.escape(text).replace(b"ELAPSED", rb"\d+"))


def expect_pattern(session, pattern, what):
    try:
        session.child.expect(pattern)
    except pexpect.TIMEOUT:
        raise Failure(f"timed out after {TIMEOUT}s waiting for {what}")
    except pexpect.EOF:
        raise Failure(f"the program ended while waiting for {what}")


def live_notes_at_terminal(binary, home):
    """The live checklist at a terminal: the time in the prompt, a note per question saved as it is
    typed, Enter alone to move on, Ctrl-C pauses and /live carries on, /stop ends it for the debrief."""
    s = Session(binary, home)
    s.start()
    s.prepare_to_organisation("Dana", "Teacher")
    s.child.sendintr()
    s.say("stopped", doing=TEXTS.doing(name="Dana"), step="organisation")
    s.home()
    s.child.send("/live Dana\r")
    s.expect(TEXTS.text("live-start", name="Dana", count="5", minutes="20"))
    prompt = live_line("prompt-live", minutes="20")
    for number, note in [(1, "Whole-class feedback saves hours"), (2, ""), (3, None)]:
        expect_pattern(s, live_line("live-question", number=str(number), count="5", minutes="20", question=""), f"question {number}")
        expect_pattern(s, prompt, "the live prompt with the time")
        if note is not None:
            s.child.send(note + "\r")
    s.child.sendintr()
    s.expect(b"^C")
    s.say("live-paused", name="Dana")
    s.home()
    s.child.send("/live Dana\r")
    s.say("live-resumed", name="Dana")
    expect_pattern(s, live_line("live-question", number="3", count="5", minutes="20", question=""), "question 3 again")
    expect_pattern(s, prompt, "the live prompt")
    s.child.send("Calm and routines\r")
    expect_pattern(s, live_line("live-question", number="4", count="5", minutes="20", question=""), "question 4")
    s.child.send("/stop\r")
    expect_pattern(s, live_line("live-finished", name="Dana", count="2", minutes="20"), "the checklist's end")
    s.home()
    s.child.send("/list\r")
    s.expect(TEXTS.stage("debrief").encode(), "the interview waiting for its debrief")
    s.home()
    s.leave()


def rehearse_ctrl_c_pauses(binary, home):
    """A rehearsal at a terminal: the minutes in the prompt, a pitch flagged and taken back with
    /retry, Ctrl-C pauses it, and the next start offers to carry on where the insider left off."""
    s = Session(binary, home)
    s.start()
    s.prepare_to_organisation("Sam", "Software engineer")
    s.child.sendintr()
    s.say("stopped", doing=TEXTS.doing(name="Sam"), step="organisation")
    s.home()
    s.child.send("/rehearse Sam\r")
    s.expect(b"Maya: ", "the insider's greeting")
    s.expect(TEXTS.text("prompt-rehearse", minute="0", minutes="20") + b" ")
    s.child.send("What does a typical day look like for you?\r")
    s.expect(b"Maya: ", "the insider's answer")
    s.expect(TEXTS.text("prompt-rehearse", minute="2", minutes="20") + b" ")
    s.child.send("Are you hiring right now?\r")
    s.expect(b"pitch: ", "the coach's flag")
    s.say("rehearse-retry-hint")
    s.child.send("/retry\r")
    s.say("rehearse-retry", first="Maya")
    s.expect(TEXTS.text("prompt-rehearse", minute="2", minutes="20") + b" ", "the minute before the pitch")
    s.child.sendintr()
    s.expect(b"^C")
    s.say("rehearse-paused", name="Sam", minute="2", minutes="20")
    s.home()
    s.leave()

    again = Session(binary, home)
    again.start(returning=True)
    doing = TEXTS.text("rehearse-doing", name="Sam").decode()
    again.say("conduct-paused", doing=doing, minute="2", minutes="20")
    again.home()
    again.child.send("/resume\r")
    again.say("rehearse-resumed", name="Sam", persona="Maya Okafor", minute="2", minutes="20")
    again.expect(TEXTS.text("prompt-rehearse", minute="2", minutes="20") + b" ")
    again.leave()


def saved_answers(home, name):
    """The answers saved for an interview, read from the database after the program has ended."""
    import sqlite3

    connection = sqlite3.connect(os.path.join(home, "test.sqlite"))
    try:
        rows = connection.execute(
            "SELECT answer.key, answer.value FROM answer JOIN interview ON interview.id = answer.interviewId"
            " WHERE interview.name = ?",
            (name,),
        ).fetchall()
        return dict(rows)
    finally:
        connection.close()


def printed_rows(s, start, texts):
    """The rows of the first of `texts` printed after `start`, as the terminal shows them.

    Waits for the text's beginning and the prompt after it; returns (the text, its rows without
    colour codes).
    """
    s.expect([text[:16] for text in texts], "the start of a wrapped text")
    s.in_flow()
    shown = s.output(start)
    for text in texts:
        at = shown.find(text[:16])
        if at < 0:
            continue
        rows = [SGR.sub(b"", row) for row in shown[at:].split(b"\r\n")]
        taken = []
        for row in rows:
            if FLOW_PROMPT.strip() in row:
                break
            taken.append(row)
        if b" ".join(row.strip() for row in taken) == text:
            return text, taken
    raise Failure(f"none of {texts!r} was printed whole after the mark: {shown[-600:]!r}")


def resize_mid_flow(binary, home):
    s = Session(binary, home)
    s.start()
    s.prepare_to_organisation("Sam", "Designer")
    s.child.setwinsize(24, 40)  # narrower while a question waits for its answer
    start = s.mark()
    s.child.send("Acme Health\r")
    text, rows = printed_rows(s, start, TEXTS.asks("connection", name="Sam"))
    check(len(rows) >= 2 and all(len(row) <= 40 for row in rows), f"not wrapped at 40 columns: {rows!r}")
    s.child.setwinsize(24, 132)  # and wider again
    start = s.mark()
    s.child.send("a friend of a friend\r")
    text, rows = printed_rows(s, start, TEXTS.asks("boss", name="Sam"))
    check(all(len(row) <= 132 for row in rows) and len(rows) <= 2, f"not laid out for 132 columns: {rows!r}")
    s.child.send("yes\r")
    s.ask("learn", name="Sam")
    s.leave()
    answers = saved_answers(home, "Sam")
    check(answers.get("organisation") == "Acme Health" and answers.get("connection") == "a friend of a friend",
          f"the answers given around the resizes: {answers!r}")


def narrow_terminal(binary, home):
    s = Session(binary, home, size=(24, 20))
    s.home()  # the greeting is wrapped: wait for the prompt after it, then read its rows
    greeting = [SGR.sub(b"", row) for row in s.output().split(b"\r\n")[:-1]]
    check(len(greeting) > 4 and all(len(row) <= 20 for row in greeting), f"the greeting is wider than 20 columns: {greeting!r}")
    joined = b" ".join(row.strip() for row in greeting)
    check(any(text in joined for text in TEXTS.variants("welcome")), f"the greeting is not the welcome: {joined!r}")
    s.child.send("/prepare Sam\r")
    start = s.mark()
    text, rows = printed_rows(s, start, TEXTS.asks("role", name="Sam"))
    check(all(len(row) <= 20 for row in rows), f"a row is wider than 20 columns: {rows!r}")
    long_answer = "Senior product designer for health apps"  # twice the width: the editor scrolls it
    s.child.send(long_answer + "\r")
    text, rows = printed_rows(s, s.mark(), TEXTS.asks("organisation", name="Sam"))
    check(all(len(row) <= 20 for row in rows), f"a row is wider than 20 columns: {rows!r}")
    s.child.sendeof()
    s.expect(TEXTS.variants("quit")[0].split(b" ")[0], "the goodbye")  # wrapped: its first word
    s.finish()
    check(saved_answers(home, "Sam").get("role") == long_answer, "the long answer typed on a narrow terminal was not saved whole")


def dumb_terminal_flow(binary, home):
    s = Session(binary, home, env={"TERM": "dumb"})
    s.start()
    s.prepare_to_organisation("Ana", "Nurse")
    s.type("half typed")
    s.child.sendintr()  # throws the text away
    s.expect(b"^C")
    s.in_flow()
    s.child.sendintr()  # stops the flow
    s.expect(TEXTS.text("stopped", doing=TEXTS.doing(name="Ana"), step="organisation"))
    s.home()
    s.child.send("/resume\r")
    s.ask("organisation", name="Ana")
    s.child.send("St Mary's\r")
    s.ask("connection", name="Ana")
    s.child.sendeof()
    s.say("quit", doing=TEXTS.doing(name="Ana"))
    s.finish()
    check(not SGR.search(s.output()), "colour codes were written to a dumb terminal")
    answers = saved_answers(home, "Ana")
    check(answers.get("role") == "Nurse" and answers.get("organisation") == "St Mary's", f"saved: {answers!r}")
    check("half typed" not in str(answers), "the discarded text was saved")


EMAIL = [
    "Hi Sam,",
    "",
    "My name is Ana; Priya Shah suggested I contact you.",
    "I'm studying nursing and wondering how you chose your path.",
    "Would you have 20 minutes next week?",
    "",
    "Thanks,",
    "Ana",
]


def email_paste_in_flow(binary, home):
    s = Session(binary, home)
    s.start()
    s.prepare_to_organisation("Sam", "Designer")
    s.child.send("Acme\r")
    s.ask("connection", name="Sam")
    # A whole email pasted where one line is asked for, as a terminal sends it (CR line breaks).
    s.child.send(b"\x1b[200~" + "\r".join(EMAIL).encode() + b"\x1b[201~\r")
    for line in [line for line in EMAIL if line]:
        s.expect(line.encode(), f"the pasted line {line!r} on the screen")
    s.in_flow()
    s.child.send("/show Sam\r")
    s.expect(TEXTS.text("show-heading", name="Sam", stage=TEXTS.stage("prepare")))
    s.in_flow()
    s.leave()
    answers = saved_answers(home, "Sam")
    check(answers.get("role") == "Designer" and answers.get("organisation") == "Acme", f"earlier answers changed: {answers!r}")
    check(answers.get("connection", "").startswith("Hi Sam,"), f"the pasted email's start is not the answer: {answers!r}")
    check("immediate-boss" not in answers, f"a line of the email was taken for a yes or a no: {answers!r}")
    for value in answers.values():
        typed = value in ("Sam", "Designer", "Acme") or value in "\n".join(EMAIL) or value in " ".join(EMAIL)
        check(typed, f"a saved value is neither typed nor pasted: {value!r}")


def ctrl_c_at_each_step(s, flow, name, answers, search):
    """At each step of `answers` ((step, the lines that answer it)): Ctrl-C with text typed throws
    the text away and the question stays; with `search`, Ctrl-C in a history search ends the search
    only; Ctrl-C on an empty line stops the flow at that step; /resume comes back to it, and the
    step is answered."""
    doing = TEXTS.doing(flow=flow, name=name)
    for step, typed in answers:
        # Long questions wrap on the screen: their first words are enough to know them.
        question = [text[:40] for text in TEXTS.asks(step, flow=flow, name=name)]
        s.expect(question, f"the question of step {step}")
        s.in_flow()
        s.type("half")
        start = s.mark()
        s.child.sendintr()
        s.expect(b"^C")
        s.in_flow()
        check(b"Stopped" not in s.output(start), f"Ctrl-C with text typed stopped the flow at {step}")
        if search:
            s.child.send("\x12Desi")
            s.expect(b"reverse-i-search")
            start = s.mark()
            s.child.sendintr()
            s.expect(b"^C")
            s.in_flow()
            check(b"Stopped" not in s.output(start), f"Ctrl-C in a search stopped the flow at {step}")
        s.child.sendintr()
        s.expect(TEXTS.text("stopped", doing=doing, step=step))
        s.home()
        s.child.send("/resume\r")
        s.expect(TEXTS.text("resumed", doing=doing))
        s.expect(question, f"the question of step {step} again")
        for line in typed:
            s.in_flow()
            s.child.send(line + "\r")


def ctrl_c_every_step(binary, home):
    """Ctrl-C at each step of /prepare, from the name to the email draft: with text typed it clears
    the line, in a history search it ends the search, on an empty line it stops the flow at that
    step; /resume comes back to the same step and the answers given so far are kept."""
    s = Session(binary, home)
    s.start()
    # The name step, before any interview exists: nothing to keep.
    s.child.send("/prepare\r")
    s.ask("name")
    s.child.sendintr()
    s.expect(b"^C")
    s.say("stopped-nothing")
    s.home()
    s.child.send("/prepare Sam\r")
    # (step, what is typed to answer it): list steps end with done, the question list with done twice,
    # the minutes and the email with Enter (the suggestion, the draft as it is).
    answers = [("role", ["Designer"]), ("organisation", ["Acme"]), ("connection", ["a friend"]), ("boss", ["no"]),
               ("why-them", ["she changed careers"]), ("learn", ["how she works"]),
               ("gaps", ["user research", "done"]), ("field", ["design"]), ("questions", ["done", "done"]),
               ("minutes", [""]), ("email-connection", ["Dana suggested I write to you."]),
               ("email-interest", ["I'm curious how your team works."]), ("email-ask", [""]),
               ("sender", ["Alex"]), ("email", [""])]
    ctrl_c_at_each_step(s, "prepare", "Sam", answers, search=True)
    s.expect(TEXTS.flow[("step", "summary")]["done"][0].replace("{name}", "Sam").encode(), "the summary")
    s.home()
    s.leave()
    saved = saved_answers(home, "Sam")
    expected = {"role": "Designer", "organisation": "Acme", "connection": "a friend", "immediate-boss": "no",
                "why-chosen": "she changed careers", "learn": "how she works", "field": "design",
                "sender": "Alex"}
    check(all(saved.get(key) == value for key, value in expected.items()), f"saved: {saved!r}")
    check("half" not in saved.values(), "a discarded line was saved")
    check("Dana suggested I write to you." in saved.get("outreach-email", ""), f"the email: {saved!r}")


def ctrl_c_every_debrief_step(binary, home):
    """Ctrl-C at each step of /debrief, the lists, the yes-or-no and choice steps and the
    thank-you draft among them: with text typed it clears the line, on an empty line it stops the
    debrief at that step; /resume comes back to the same step and every answer given is kept."""
    s = Session(binary, home)
    s.start()
    s.flow_prompt = TEXTS.prompt("debrief")
    s.child.send("/debrief Ana\r")
    # (step, what is typed to answer it once the step is back after /resume)
    answers = [("day-to-day", ["Mostly meetings"]), ("skills", ["SQL", "done"]), ("gaps-named", ["Cloud tools", "done"]),
               ("advice", ["Learn SQL well", "done"]), ("trends", ["done"]), ("resources", ["done"]),
               ("referrals", ["Priya Shah, data lead", "done"]), ("assignments", ["Take the SQL course", "done"]),
               ("opportunity", ["yes"]), ("raised-by", ["they did"]), ("opportunity-theirs", ["She offered an introduction"]),
               ("self-check", ["no"]), ("interest", ["yes"]), ("why", ["I like the puzzles"]),
               ("thanks-learned", ["Thank you for explaining how your team works."]),
               ("thanks-action", ["I've started the SQL course."]), ("sender", ["Alex"]), ("thanks", [""])]
    ctrl_c_at_each_step(s, "debrief", "Ana", answers, search=False)
    s.expect(TEXTS.flows["debrief"][("step", "summary")]["done"][0].replace("{name}", "Ana")[:40].encode(), "the summary")
    s.home()
    s.leave()
    saved = saved_answers(home, "Ana")
    expected = {"opportunity-raised-by": "they did", "opportunity-notes": "She offered an introduction"}
    check(all(saved.get(key) == value for key, value in expected.items()), f"saved: {saved!r}")
    check("half" not in saved.values(), "a discarded line was saved")
    check("SQL" in saved.get("skills", ""), f"the skills list: {saved!r}")


def ctrl_d_in_flow(binary, home):
    s = Session(binary, home)
    s.start()
    s.prepare_to_organisation("Kim", "Park ranger")
    # With text on the line, Ctrl-D is an editing key (delete), not the end.
    s.type("National Trust")
    s.child.send("\x01")  # to the start of the line, where Ctrl-D deletes a character
    s.child.sendeof()
    s.child.send("\x05\r")  # to the end, and Enter
    s.ask("connection", name="Kim")
    # On an empty line inside a flow, Ctrl-D leaves, saying how to carry on.
    s.child.sendeof()
    s.say("quit", doing=TEXTS.doing(name="Kim"))
    s.finish()
    check(saved_answers(home, "Kim").get("organisation") == "ational Trust", "Ctrl-D with text did not just delete a character")

    again = Session(binary, home)
    again.start(returning=True)
    again.expect(interrupted("Kim", "connection"))
    again.home()
    again.child.send("/resume\r")
    again.ask("connection", name="Kim")
    again.leave()


def debrief_lines(name, gaps, referrals):
    """Typed lines of a whole debrief through a pipe: the gaps and referrals given, every other
    list left empty, nothing asked for, and the thank-you kept."""
    return [f"/debrief {name}", "Busy days", "done", *gaps, "done", "done", "done", "done", *referrals, "done", "done",
            "no", "no", "yes", "It fits", "skip", "skip", "Sam", ""]


def report_pictures(binary, home):
    """/report at a UTF-8 terminal draws the progress bar and the gap chart in blocks and the
    referral tree in box-drawing lines; with TERM=dumb (and through a pipe) the same report is
    plain ASCII."""
    lines = (debrief_lines("Ana", ["SQL", "Cloud tools"], ["Priya Shah, data lead", "Tom"])
             + debrief_lines("Priya Shah", ["SQL"], ["Lena"]) + ["/quit"])
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8"}
    seeded = subprocess.run([binary, "--db", os.path.join(home, "test.sqlite")], input="\n".join(lines) + "\n",
                            capture_output=True, text=True, env=environment, timeout=TIMEOUT)
    check(seeded.returncode == 0, f"the piped debriefs failed: {seeded.stderr}")
    blocks = ["▕██░░░│".encode(), "1. ████████████████ SQL".encode(), "├── Priya Shah".encode(), "│   └── Lena".encode(),
              "└── Tom".encode()]
    # TERM=dumb first, then a UTF-8 terminal; a piped report must match the dumb terminal's.
    piped = subprocess.run([binary, "--db", os.path.join(home, "test.sqlite"), "report"], capture_output=True,
                           env=environment, timeout=TIMEOUT)
    check(piped.returncode == 0, "infoview report through a pipe failed")
    for term in ["dumb", "xterm-256color"]:
        s = Session(binary, home, env={"TERM": term})
        s.start(returning=True)
        s.home()
        start = s.mark()
        s.child.send("/report\r")
        s.say("report-pipeline-heading")
        s.home()
        shown = SGR.sub(b"", s.output(start))
        if term == "dumb":
            for picture in ["[##...|", "1. ## SQL", "2. #  Cloud tools", "   -> Priya Shah", "      -> Lena", "   -> Tom"]:
                check(picture.encode() in shown, f"{picture!r} missing from the report on a dumb terminal")
            for glyph in "█░▕│├└▏▎▍▌▋▊▉":
                check(glyph.encode() not in shown, f"{glyph!r} drawn on a dumb terminal")
            check(b"[##...|" in piped.stdout and "█".encode() not in piped.stdout, "the piped report is not plain")
        else:
            for picture in blocks:
                check(picture in shown, f"{picture.decode()!r} missing from the report at a UTF-8 terminal")
            check(b"-> " not in shown and b"[##" not in shown, "ASCII pictures at a UTF-8 terminal")
        s.leave()


def process_state(pid):
    with open(f"/proc/{pid}/stat") as file:
        return file.read().rsplit(")", 1)[1].split()[0]


SCENARIOS = {
    function.__name__.replace("_", "-"): function
    for function in [
        ctrl_c_at_prompt,
        ctrl_c_discards_text,
        ctrl_c_during_prepare,
        multi_line_paste,
        hangup_leaves,
        ctrl_d_leaves,
        history_persists,
        tab_completes,
        escapes_never_raw,
        unicode_input,
        colour_on_terminal,
        no_colour_with_no_color,
        resize,
        dumb_terminal,
        sigterm_leaves,
        ctrl_z_suspends,
        kill_9_mid_prepare,
        rewrite_in_one_keystroke,
        live_notes_at_terminal,
        rehearse_ctrl_c_pauses,
        resize_mid_flow,
        narrow_terminal,
        dumb_terminal_flow,
        email_paste_in_flow,
        ctrl_c_every_step,
        ctrl_d_in_flow,
        ctrl_c_every_debrief_step,
        report_pictures,
    ]
}


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(SCENARIOS))
        return 0
    if len(sys.argv) != 3 or sys.argv[2] not in SCENARIOS:
        print(f"usage: {sys.argv[0]} BINARY SCENARIO (one of {', '.join(SCENARIOS)})", file=sys.stderr)
        return 2
    binary, name = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="infoview-pty-") as home:
        try:
            SCENARIOS[name](binary, home)
        except Failure as failure:
            tail = SESSIONS[-1].output()[-1500:] if SESSIONS else b""
            print(f"{name}: {failure}\n--- terminal output (last 1500 bytes) ---\n{tail!r}", file=sys.stderr)
            return 1
        finally:
            for session in SESSIONS:
                session.close()
    print(f"{name}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
