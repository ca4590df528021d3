#!/usr/bin/env bash
# Installs cfn-lint from PyPI into test/cfn-lint/.venv; prints its path. The version is pinned so that a new
# cfn-lint release cannot fail CI on an unchanged tree: raise it on purpose (CFN_LINT_VERSION overrides it for a try).
set -euo pipefail
version="${CFN_LINT_VERSION:-1.58.0}"
venv="$(cd "$(dirname "$0")" && pwd)/.venv"
if [ ! -x "$venv/bin/cfn-lint" ] || [ "$("$venv/bin/cfn-lint" --version 2>/dev/null)" != "cfn-lint $version" ]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "cfn-lint==$version" >&2
fi
echo "$venv/bin/cfn-lint"
