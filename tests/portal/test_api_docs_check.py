"""`.ci/api_docs_check.py`: the sh blocks of a page become one strict script, the block that fails
is named, and a curl that would not fail on an HTTP error is refused (no server needed)."""

import importlib.util
import subprocess  # nosec B404 - bash -n on the generated script
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load():
    spec = importlib.util.spec_from_file_location("api_docs_check", ROOT / ".ci/api_docs_check.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


check = _load()

PAGE = """# Title

```sh
A=1
```

```json
{"not": "run"}
```

Text.

```sh
B=$((A + 1))
echo "$B"
```

```bash
echo "not sh either"
```
"""


def test_only_sh_blocks_are_taken_in_order_with_their_lines():
    blocks = check.blocks_of(PAGE)
    assert [(b.number, b.line, b.code) for b in blocks] == [
        (1, 4, "A=1"),
        (2, 14, 'B=$((A + 1))\necho "$B"'),
    ]


def test_an_unclosed_block_is_an_error():
    with pytest.raises(ValueError, match="never closed"):
        check.blocks_of("```sh\necho hi\n")


def test_the_script_is_strict_and_marks_each_block():
    script = check.script_of(check.blocks_of(PAGE), "STATE")
    assert script.startswith("set -euo pipefail\n")
    assert script.index("printf '%s' 1 > 'STATE'") < script.index("A=1")
    assert script.index("printf '%s' 2 > 'STATE'") < script.index("B=$((A + 1))")
    assert script.rstrip().endswith("printf '%s' done > 'STATE'")


@pytest.mark.parametrize(
    ("code", "lax"),
    [
        ('curl -fsS "$PARK/api/v1/me/"', False),
        ('curl --fail -sS "$PARK/api/v1/me/"', False),
        ("X=$(curl -fsS -H 'A: b' \\\n  \"$PARK/x\")", False),
        ("status=$(curl -sS -o e.json -w '%{http_code}' \"$PARK/x\")", False),
        ('curl -sS "$PARK/api/v1/me/"', True),
        ('echo hi | curl -s "$PARK/x"', True),
        ("X=$(curl -sS \\\n  -H 'A: -f' \"$PARK/x\")", True),
        ('echo "curl is not run here"', False),
    ],
)
def test_a_curl_must_fail_on_http_errors_or_check_the_status(code, lax):
    block = check.Block(1, 1, code)
    assert bool(check.curl_without_fail(block)) is lax


def test_a_failing_block_is_named(tmp_path, capsys):
    docs = tmp_path / "api.md"
    docs.write_text('```sh\nA=1\n```\n\n```sh\n[ "$A" = 2 ]\n```\n\n```sh\necho never\n```\n')
    assert check.main(["--docs", str(docs)]) == 1
    assert "api.md:6: block 2 of 3 failed" in capsys.readouterr().err


def test_an_unset_variable_fails_its_block(tmp_path, capsys):
    docs = tmp_path / "api.md"
    docs.write_text('```sh\necho "$NOT_SET_ANYWHERE_42"\n```\n')
    assert check.main(["--docs", str(docs)]) == 1
    assert "block 1 of 1 failed" in capsys.readouterr().err


def test_blocks_that_pass_run_in_one_shell(tmp_path, capsys):
    docs = tmp_path / "api.md"
    docs.write_text('```sh\nA=1\n```\n\n```sh\n[ "$A" = 1 ]\n```\n')
    assert check.main(["--docs", str(docs)]) == 0
    assert "all 2 sh blocks ran" in capsys.readouterr().err


def test_the_api_page_is_a_valid_script_whose_curls_all_fail_on_errors():
    blocks = check.blocks_of((ROOT / "docs/api.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 15
    assert [command for b in blocks for command in check.curl_without_fail(b)] == []
    syntax = subprocess.run(  # nosec B603 B607 - bash -n on our own script
        ["bash", "-n"], input=check.script_of(blocks, "/dev/null"), text=True, check=False
    )
    assert syntax.returncode == 0
