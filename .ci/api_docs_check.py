"""Runs the examples of docs/api.md against a running portal (`make run`): they must work.

Every ```sh block of the page, in order, becomes one bash script under `set -euo pipefail`, so a
block may use the variables an earlier one set ($TOKEN, $TRACKING, ...). Every curl call must
fail on an HTTP error (`curl -fsS`), unless it captures the status with `-w` to check it itself.
On a failure it says which block failed and shows it.

    .ci/api_docs_check.py [--port 8000] [--docs docs/api.md] [--print]

--port sets PARK and HUB to the demo hosts on that port (unless they are set in the environment);
--print writes the script instead of running it. The script runs in a temporary folder.
"""

import argparse
import os
import re
import subprocess  # nosec B404 - runs bash on the project's own docs, fixed arguments
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "api.md"
FENCE_OPEN = re.compile(r"^```sh\s*$")
FENCE_CLOSE = re.compile(r"^```\s*$")
# A curl command word: at the start of a line or after a pipe, `$(`, `&&`, `||` or `;`.
CURL = re.compile(r"(?:^|[|;&(]|\$\()\s*curl\s")
FAILS_ON_HTTP_ERROR = re.compile(r"\s(?:-[a-zA-Z]*f[a-zA-Z]*|--fail(?:-with-body)?)(?=\s)")
CHECKS_STATUS = re.compile(r"\s(?:-w|--write-out)\s")
TIMEOUT_S = 300


@dataclass(frozen=True)
class Block:
    number: int  # 1-based, in the order of the page
    line: int  # the line of the page the code starts on
    code: str


def blocks_of(text: str) -> list[Block]:
    """The ```sh blocks of a Markdown text, in order (other languages are left out)."""
    found: list[Block] = []
    lines: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if lines is None:
            if FENCE_OPEN.match(line):
                lines, start = [], number + 1
        elif FENCE_CLOSE.match(line):
            found.append(Block(len(found) + 1, start, "\n".join(lines)))
            lines = None
        else:
            lines.append(line)
    if lines is not None:
        raise ValueError(f"the ```sh block from line {start - 1} is never closed")
    return found


def _commands(code: str) -> list[str]:
    """Logical lines: backslash continuations joined."""
    return re.sub(r"\\\n", " ", code).splitlines()


def curl_without_fail(block: Block) -> list[str]:
    """The curl commands of a block that would not fail on an HTTP error status."""
    bad = []
    for command in _commands(block.code):
        if not CURL.search(command):
            continue
        padded = f" {command} "
        if not (FAILS_ON_HTTP_ERROR.search(padded) or CHECKS_STATUS.search(padded)):
            bad.append(command.strip())
    return bad


def script_of(blocks: list[Block], state_file: str) -> str:
    """One bash script: strict mode, then each block after writing its number to `state_file`,
    so that a failure can be traced to its block."""
    parts = ["set -euo pipefail"]
    for block in blocks:
        parts.append(f"printf '%s' {block.number} > '{state_file}'")
        parts.append(f"# --- block {block.number} (docs line {block.line})")
        parts.append(block.code)
    parts.append(f"printf '%s' done > '{state_file}'")
    return "\n".join(parts) + "\n"


def _environment(port: int | None) -> dict[str, str]:
    env = dict(os.environ)
    if port is not None:
        env.setdefault("PARK", f"http://tiananyungu.localhost:{port}")
        env.setdefault("HUB", f"http://localhost:{port}")
    return env


def run(blocks: list[Block], env: dict[str, str], docs: Path) -> int:
    """Runs the blocks as one script; 0 when every block succeeded."""
    with tempfile.TemporaryDirectory(prefix="api-docs-") as folder:
        state = Path(folder) / ".block"
        script = Path(folder) / "api-docs.sh"
        script.write_text(script_of(blocks, str(state)))
        try:
            result = subprocess.run(  # nosec B603 B607 - bash on the generated script
                ["bash", str(script)], cwd=folder, env=env, timeout=TIMEOUT_S, check=False
            )
            code = result.returncode
        except subprocess.TimeoutExpired:
            code = 124
        reached = state.read_text() if state.exists() else ""
    if code == 0 and reached == "done":
        print(f"{docs}: all {len(blocks)} sh blocks ran", file=sys.stderr)
        return 0
    failed = next((b for b in blocks if str(b.number) == reached), None)
    if failed is None:
        print(f"{docs}: the script failed (exit {code}) before any block", file=sys.stderr)
    else:
        print(
            f"{docs}:{failed.line}: block {failed.number} of {len(blocks)} failed "
            f"(exit {code}):\n{failed.code}",
            file=sys.stderr,
        )
    return code or 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DOCS)
    parser.add_argument("--port", type=int, help="the port `make run` serves on")
    parser.add_argument("--print", action="store_true", help="print the script, run nothing")
    args = parser.parse_args(argv)
    blocks = blocks_of(args.docs.read_text(encoding="utf-8"))
    if not blocks:
        print(f"{args.docs}: no ```sh block", file=sys.stderr)
        return 1
    lax = [(block, command) for block in blocks for command in curl_without_fail(block)]
    for block, command in lax:
        print(
            f"{args.docs}:{block.line}: block {block.number}: curl without -f "
            f"(use curl -fsS, or -w '%{{http_code}}' and check it): {command}",
            file=sys.stderr,
        )
    if lax:
        return 1
    if args.print:
        sys.stdout.write(script_of(blocks, "/dev/null"))
        return 0
    return run(blocks, _environment(args.port), args.docs)


if __name__ == "__main__":
    sys.exit(main())
