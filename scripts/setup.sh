#!/usr/bin/env bash
# Installs what the test suite needs besides the .NET SDK, on Debian or Ubuntu. .ci/run calls it; run it once on a new
# machine before `dotnet test CloudTrailSdk.sln`. The tests themselves never install anything: a missing tool fails the
# test that needs it, naming the command that installs it.
#
#   python3 with boto3 and botocore   real-client tests (boto3), derive.py, the SigV4 cross-checks
#   the AWS CLI v1 (`aws` on PATH)    pip's awscli; Debian has no v1 package, so only pip can provide it
#   the AWS CLI v2 (/usr/bin/aws)     Debian's awscli package
#   node and npm                      the JS SDK v3 scenario
#   the JS SDK                        `npm ci` in tests/Fake.Tests/clients/js, from the committed package-lock.json
#
# Each tool already present is left alone. pip is tried first for Python packages (it gets current versions); Debian's
# packages are the fallback (python3-botocore 1.29 has an older CloudTrail model: derive.py --check says so and checks
# what does not depend on the version).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo_cmd=(sudo); else sudo_cmd=(false-no-root); fi
fi
apt_updated=
apt_install() {
  if ! command -v apt-get >/dev/null; then
    echo "setup: apt-get not found; install $* with your system's package manager" >&2
    return 1
  fi
  [ -n "$apt_updated" ] || { "${sudo_cmd[@]}" apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "$@" >/dev/null
}
pip_install() {
  python3 -m pip --version >/dev/null 2>&1 && python3 -m pip install -q "$@" 2>/dev/null
}

echo "== python3, boto3, botocore =="
command -v python3 >/dev/null || apt_install python3
if ! python3 -c "import boto3, botocore" 2>/dev/null; then
  pip_install boto3 botocore || apt_install python3-boto3 python3-botocore || true
  # Debian's packages land in the system Python's dist-packages; a python3 first on PATH that is not the system one
  # (pyenv, say) does not see them until told where they are.
  if ! python3 -c "import boto3, botocore" 2>/dev/null && [ -d /usr/lib/python3/dist-packages/botocore ]; then
    site=$(python3 -c "import site; print(site.getsitepackages()[0])")
    echo /usr/lib/python3/dist-packages > "$site/debian-dist-packages.pth"
    echo "setup: $site/debian-dist-packages.pth makes Debian's boto3/botocore visible to $(command -v python3)"
  fi
  python3 -c "import boto3, botocore" 2>/dev/null \
    || missing+=("boto3/botocore: pip install boto3 botocore, or sudo apt-get install -y python3-boto3 python3-botocore")
fi
python3 -c "import botocore; print('botocore', botocore.__version__)" || true

echo "== AWS CLI v1 (aws on PATH) =="
if ! (aws --version 2>&1 | grep -q '^aws-cli/1\.'); then
  pip_install awscli || true
fi
if aws --version 2>&1 | grep -q '^aws-cli/1\.'; then aws --version; else missing+=("AWS CLI v1: pip install awscli (Debian packages only v2)"); fi

echo "== AWS CLI v2 (Debian's awscli, /usr/bin/aws) =="
[ -x /usr/bin/aws ] || apt_install awscli || true
if [ -x /usr/bin/aws ]; then /usr/bin/aws --version; else missing+=("AWS CLI v2: sudo apt-get install -y awscli"); fi

echo "== node and npm =="
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then apt_install nodejs npm || true; fi
if command -v node >/dev/null && command -v npm >/dev/null; then
  node --version
  echo "== JS SDK (npm ci from the committed lock file) =="
  (cd tests/Fake.Tests/clients/js && npm ci --no-audit --no-fund --loglevel=error) || missing+=("JS SDK: (cd tests/Fake.Tests/clients/js && npm ci)")
else
  missing+=("node and npm: sudo apt-get install -y nodejs npm")
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: still missing (the tests that need them will fail):" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "setup: every tool the tests need is installed"
