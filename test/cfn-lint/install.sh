#!/usr/bin/env bash
# Installs cfn-lint from PyPI into test/cfn-lint/.venv (once); prints its path.
set -euo pipefail
venv="$(cd "$(dirname "$0")" && pwd)/.venv"
if [ ! -x "$venv/bin/cfn-lint" ]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check cfn-lint >&2
fi
echo "$venv/bin/cfn-lint"
