#!/usr/bin/env python3
"""Drives the infoview REPL through a real pseudo-terminal.

Usage: python3 repl_pty.py BINARY SCENARIO

Each scenario runs in a fresh temporary HOME (with XDG_STATE_HOME and XDG_DATA_HOME inside it),
waits for what it expects with a timeout, and exits 0 when everything held, or 1 with a message
and the tail of the terminal output. Nothing waits a fixed time: every step waits for output.
"""

import io
import os
import re
import signal
import stat
import sys
import tempfile
import time

import pexpect

TIMEOUT = 30  # seconds for any one expectation: generous for a loaded machine
PROMPT = b"> "
GREETING = b"Welcome to infoview."
SGR = re.compile(rb"\x1b\[[0-9;]*m")


# Every session started, so that a failure can show the last one's output and all get closed.
SESSIONS = []


class Failure(Exception):
    pass


class Session:
    """One run of the binary in a pseudo-terminal, with everything it wrote kept in `log`."""

    def __init__(self, binary, home, env=None, size=(24, 80)):
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
        try:
            self.child.expect_exact(text)
        except pexpect.TIMEOUT:
            raise Failure(f"timed out after {TIMEOUT}s waiting for {what or text!r}")
        except pexpect.EOF:
            raise Failure(f"the program ended while waiting for {what or text!r}")

    def prompt(self):
        self.expect(PROMPT, "the prompt")

    def start(self):
        self.expect(GREETING, "the greeting")
        self.prompt()

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
        self.child.sendeof()
        self.expect(b"Goodbye.")
        self.finish()

    def close(self):
        if self.reaped:
            return
        if self.child.isalive():
            self.child.terminate(force=True)


def check(condition, message):
    if not condition:
        raise Failure(message)


def ctrl_c_at_prompt(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.sendintr()
    s.expect(b"^C")
    s.expect(b"Ctrl-C cancelled. Type /quit or press Ctrl-D to leave.")
    s.prompt()
    s.child.send("still here\r")
    s.expect(b"You said: still here")
    s.prompt()
    s.child.send("/quit\r")
    s.expect(b"Goodbye.")
    s.finish()


def ctrl_c_discards_text(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.send("draft words")
    s.expect(b"draft words")
    start = s.mark()
    s.child.sendintr()
    s.expect(b"^C")
    s.prompt()
    check(b"Ctrl-C cancelled" not in s.output(start), "Ctrl-C on a line with text went to the application")
    s.child.send("kept\r")
    s.expect(b"You said: kept")
    s.prompt()
    check(b"You said: draft" not in s.output(), "the cancelled text was still handled")
    check(b"draft wordskept" not in s.output(), "the cancelled text stayed on the line")
    s.child.send("\x12kep")  # Ctrl-R, then cancel the search itself
    s.expect(b"reverse-i-search")
    s.expect(b"ept")
    s.child.sendintr()
    s.expect(b"^C")
    s.prompt()
    s.child.send("after the search\r")
    s.expect(b"You said: after the search")
    s.prompt()
    s.leave()


def multi_line_paste(binary, home):
    s = Session(binary, home)
    s.start()
    # Terminals send a pasted line break as CR; either kind splits the paste into lines.
    s.child.send(b"\x1b[200~line one\rline two\nline three\x1b[201~\r")
    for line in [b"one", b"two", b"three"]:
        s.expect(b"You said: line " + line)
    s.prompt()
    s.leave()
    with open(os.path.join(home, "state", "infoview", "history"), "rb") as file:
        lines = file.read().splitlines()
    check(lines == [b"line one", b"line two", b"line three"], f"the history holds {lines!r}")


def hangup_leaves(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.send("typed, then the window closes")
    s.expect(b"the window closes")
    os.close(s.child.child_fd)  # the terminal goes away: SIGHUP and end of input
    deadline = time.monotonic() + TIMEOUT
    while True:
        pid, status = os.waitpid(s.child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            raise Failure("the program kept running after its terminal closed")
        time.sleep(0.02)
    s.reaped = True
    check(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"wait status {status}, expected exit 0")


def ctrl_d_leaves(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.sendeof()
    s.expect(b"Goodbye.")
    s.finish()


def history_persists(binary, home):
    history = os.path.join(home, "state", "infoview", "history")
    first = Session(binary, home)
    first.start()
    first.child.send("first-run-line\r")
    first.expect(b"You said: first-run-line")
    first.prompt()
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
    second.expect(b"first-run-line", "the first run's line, recalled by Up")
    second.child.send("\r")
    second.expect(b"You said: first-run-line")
    second.prompt()
    second.child.send("\x12first")  # Ctrl-R, then the text to search for
    second.expect(b"-run-line", "the line found by Ctrl-R")  # readline highlights the match
    second.child.send("\r")
    second.expect(b"You said: first-run-line")
    second.prompt()
    second.leave()
    with open(history, "rb") as file:
        lines = file.read().splitlines()
    check(lines.count(b"first-run-line") == 1, f"the repeated line was stored again: {lines!r}")


def tab_completes(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.send("/he\t")
    s.expect(b"/help", "/he completed to /help")
    s.child.send("\r")
    s.expect(b"Commands:")
    s.prompt()
    s.leave()


def escapes_never_raw(binary, home):
    s = Session(binary, home)
    s.start()
    # Ctrl-V inserts the next key as it is: ESC and BEL end up in the line.
    s.child.send("say \x16\x1b]0;pwned\x16\x07 end\r")
    s.expect(b"You said: say ^[]0;pwned^G end")
    s.prompt()
    # A bracketed paste carrying a colour sequence, a C1 control (CSI) and a right-to-left override.
    s.child.send(b"\x1b[200~pasted \x1b[31mred \xc2\x9b2J \xe2\x80\xaeevil\x1b[201~\r")
    s.expect("You said: pasted ^[[31mred \ufffd2J \ufffdevil".encode())
    s.prompt()
    s.leave()
    out = s.output()
    check(b"\x1b]0;pwned" not in out, "an OSC title sequence reached the terminal raw")
    check(b"\x1b[31mred" not in out, "a colour sequence from the input reached the terminal raw")
    check(b"\xc2\x9b" not in out, "a C1 control reached the terminal raw")
    check(b"\xe2\x80\xae" not in out, "a right-to-left override reached the terminal raw")


def unicode_input(binary, home):
    s = Session(binary, home, env={"LANG": None, "LC_ALL": None})  # C locale: UTF-8 must still work
    s.start()
    s.child.send("héllo ✓ 日本\r")
    s.expect("You said: héllo ✓ 日本".encode())
    s.prompt()
    s.leave()


def colour_on_terminal(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.send("/help\r")
    s.expect(b"\x1b[1mCommands:\x1b[0m", "a bold heading")
    s.prompt()
    s.leave()


def no_colour_with_no_color(binary, home):
    s = Session(binary, home, env={"NO_COLOR": "1"})
    s.start()
    s.child.send("/help\r")
    s.expect(b"leave infoview")
    s.prompt()
    s.child.sendintr()
    s.expect(b"Ctrl-C cancelled")
    s.prompt()
    s.leave()
    check(not SGR.search(s.output()), "colour codes were written although NO_COLOR=1")


def resize(binary, home):
    s = Session(binary, home)
    s.start()
    words = " ".join(["word%02d" % n for n in range(16)])  # 111 columns
    s.child.setwinsize(24, 40)
    start = s.mark()
    s.child.send(words + "\r")
    s.expect(b"You said:")
    s.prompt()
    reply = s.output(start)
    reply = reply[reply.index(b"You said:"):]
    rows = [SGR.sub(b"", row) for row in reply.split(b"\r\n")[:-1]]
    check(len(rows) >= 3, f"a 121-column reply was not wrapped at 40 columns: {rows!r}")
    check(all(len(row) <= 40 for row in rows), f"a row is wider than 40 columns: {rows!r}")
    s.child.setwinsize(24, 132)
    start = s.mark()
    s.child.send("\x1b[A\r")  # the same line again, recalled
    s.expect(b"You said:")
    s.prompt()
    reply = s.output(start)
    reply = reply[reply.index(b"You said:"):]
    check(("You said: " + words).encode() in reply, f"not re-wrapped to 132 columns: {reply!r}")
    s.leave()


def dumb_terminal(binary, home):
    s = Session(binary, home, env={"TERM": "dumb"})
    s.start()
    s.child.send("/help\r")
    s.expect(b"Commands:")
    s.prompt()
    s.child.sendintr()
    s.expect(b"Ctrl-C cancelled")
    s.prompt()
    s.child.send("/quit\r")
    s.expect(b"Goodbye.")
    s.finish()
    check(not SGR.search(s.output()), "colour codes were written to a dumb terminal")


def sigterm_leaves(binary, home):
    s = Session(binary, home)
    s.start()
    s.child.send("half a line")
    s.expect(b"half a line")
    s.child.kill(signal.SIGTERM)
    s.expect(b"Goodbye.")
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
    s.prompt()
    s.child.send("back\r")
    s.expect(b"You said: back")
    s.prompt()
    s.leave()


def process_state(pid):
    with open(f"/proc/{pid}/stat") as file:
        return file.read().rsplit(")", 1)[1].split()[0]


SCENARIOS = {
    function.__name__.replace("_", "-"): function
    for function in [
        ctrl_c_at_prompt,
        ctrl_c_discards_text,
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
    ]
}


def main():
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
