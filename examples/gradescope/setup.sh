#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder image (Ubuntu 22.04).
# Ubuntu 22.04's own nodejs is version 12; deriv needs Node 20, from NodeSource.
set -euo pipefail
cd /autograder/source

apt-get update
apt-get install -y --no-install-recommends ca-certificates curl
curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
apt-get install -y nodejs
node --version | grep -q '^v20\.' || { echo "setup.sh: expected Node 20, got $(node --version)"; exit 1; }

# deriv itself: the tarball `npm pack` makes in the deriv repository, shipped in this zip.
npm install -g ./deriv-*.tgz
deriv --version

# A key that does not pass fails the build here, not every student's submission later. Its
# SHA-256 lets run_autograder skip checking it again for every submission.
deriv grade --key key.deriv --check-key | tee key-check.txt
awk '/^sha256 /{print $2}' key-check.txt > key.sha256
