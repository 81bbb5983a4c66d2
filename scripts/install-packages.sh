#!/usr/bin/env bash
# Installs the Debian packages ForeignDesk needs, when missing.
#   scripts/install-packages.sh run    Apertium and the language pairs of the embedded default
#   scripts/install-packages.sh test   the same plus Chromium for the page tests, nginx for the reverse-proxy tests,
#                                      sqlite3 and python3 (other processes holding the store's locks), systemd-analyze,
#                                      PostgreSQL (the store contract tests start a throwaway cluster), and zsh and
#                                      fish (the completion scripts are checked by the shells themselves)
set -euo pipefail

apertium=(apertium apertium-eng-spa apertium-eng-cat apertium-en-gl apertium-fr-es apertium-es-pt apertium-es-ro
  apertium-spa-ita apertium-oc-es apertium-eu-en apertium-hbs-eng apertium-isl-eng apertium-mkd-eng apertium-eo-en
  apertium-mkd-bul apertium-hbs-slv)
packages=("${apertium[@]}")
if [ "${1:-run}" = "test" ]; then packages+=(chromium fonts-dejavu-core nginx-light sqlite3 python3 systemd postgresql zsh fish); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
