"""pip-audit over the project's virtualenv: fails on any known vulnerability.

Exceptions go in IGNORED below, each with its reason. When the vulnerability data cannot be
reached (this machine's registry is a mirror: PyPI's JSON API answers 404 and osv.dev does not
resolve), pip-audit skips every package; that is reported loudly as "not audited", never as clean.
"""

import json
import subprocess  # nosec B404 - runs pip-audit from the virtualenv, fixed arguments
import sys
import tempfile
from pathlib import Path

# Vulnerability id → why it does not apply (none today).
IGNORED: dict[str, str] = {}


def main() -> int:
    pip_audit = Path(sys.executable).with_name("pip-audit")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        argv = [str(pip_audit), "--progress-spinner", "off", "-f", "json", "-o", str(report)]
        for vuln in IGNORED:
            argv += ["--ignore-vuln", vuln]
        subprocess.run(argv, check=False)  # nosec B603 - fixed arguments
        if not report.exists():
            print("pip-audit: no report written", file=sys.stderr)
            return 1
        dependencies = json.loads(report.read_text())["dependencies"]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    audited = [d for d in dependencies if "skip_reason" not in d]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            print(
                f"pip-audit: {dep['name']} {dep['version']}: {vuln['id']} (fix: {vuln.get('fix_versions')})"
            )
    if vulnerable:
        return 1
    if not audited:
        print(
            f"pip-audit: NOT AUDITED — the vulnerability data could not be reached for any of the"
            f" {len(dependencies)} packages (a registry mirror without PyPI's JSON API?)."
        )
    else:
        print(
            f"pip-audit: {len(audited)} packages audited, no known vulnerabilities;"
            f" {len(dependencies) - len(audited)} not found on the index."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
