"""What infoview says, read from the prompt files it is built with.

The pseudo-terminal scenarios wait for a step's question or a message by its text. Reading the
texts from `prompts/` instead of copying them keeps the scenarios about the terminal: a reworded
message or a new variant changes what they wait for, not whether they pass.
"""

import os
import re

PROMPTS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "prompts"))

_FIELD = re.compile(r"\{([A-Za-z0-9_-]+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


def read_blocks(path):
    """The blocks of a prompt file: {(kind, name): {key: [values]}}, `name` "" for a bare header."""
    blocks = {}
    current = None
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            text = line.rstrip("\n")
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            if not text[0].isspace():
                kind, _, name = text.partition(" ")
                current = blocks.setdefault((kind, name.strip()), {})
                continue
            key, separator, value = text.strip().partition(":")
            if current is None or not separator:
                raise ValueError(f"{path}:{number}: expected `key: value` under a header")
            current.setdefault(key.strip().lower(), []).append(value.strip())
    return blocks


def render(template, values):
    """Fills `{field}` placeholders; a `[segment]` vanishes when a field inside it has no value."""

    def fill(text):
        return _FIELD.sub(lambda match: values.get(match.group(1), ""), text)

    def optional(match):
        fields = _FIELD.findall(match.group(1))
        return fill(match.group(1)) if all(values.get(field) for field in fields) else ""

    return fill(_OPTIONAL.sub(optional, template))


class PromptTexts:
    """The messages of `prompts/chat/*.messages` and the steps of the flows in `prompts/flows/`."""

    def __init__(self, folder=PROMPTS):
        self.messages = {}
        chat = os.path.join(folder, "chat")
        for name in sorted(os.listdir(chat)):
            if name.endswith(".messages"):
                for (kind, block), keys in read_blocks(os.path.join(chat, name)).items():
                    if kind == "message":
                        self.messages[block] = keys
        self.flows = {
            name: read_blocks(os.path.join(folder, "flows", f"{name}.flow")) for name in ("prepare", "debrief")
        }
        self.flow = self.flows["prepare"]

    def variants(self, message, **values):
        """Every text the message may say (its `say:` variants, or its `line:` lines), as bytes."""
        keys = self.messages[message]
        templates = keys.get("say") or keys.get("line") or []
        if not templates:
            raise KeyError(f"message {message} has no say: or line:")
        return [render(template, values).encode() for template in templates]

    def text(self, message, **values):
        """The message's only text; for messages that have no variants."""
        variants = self.variants(message, **values)
        if len(variants) != 1:
            raise ValueError(f"message {message} has {len(variants)} variants; wait for any of them instead")
        return variants[0]

    def stage(self, stage):
        """How a stage (`prepare`, `conduct`, `debrief`, `done`) is shown, as text to fill in."""
        return self.text(f"stage-{stage}").decode()

    def asks(self, step, flow="prepare", **values):
        """Every question a flow's step may ask, as bytes."""
        return [render(template, values).encode() for template in self.flows[flow][("step", step)]["ask"]]

    def label(self, step):
        """How the field a step saves is shown in summaries."""
        return self.flow[("step", step)]["label"][0]

    def doing(self, flow="prepare", **values):
        """What a flow says the user is doing, such as "preparing the interview with Sam"."""
        return render(self.flows[flow][("flow", "")]["doing"][0], values)

    def answer_line(self, step, value):
        """A saved answer as `/show` and the greeting list it."""
        return self.text("answer-line", label=self.label(step), value=value)

    def prompt(self, flow=None):
        """The prompt at home, or inside a flow."""
        if flow is None:
            return self.text("prompt-home") + b" "
        return self.text("prompt-flow", flow=flow) + b" "
