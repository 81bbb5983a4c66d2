#!/usr/bin/env bash
# The main job: installs what the embedded default needs, builds, and serves the site with the pipeline
# on http://localhost:5080, with its SQLite database under ./data/ (or $FOREIGNDESK_DATA).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/install-packages.sh run
exec ./foreigndesk serve "$@"
