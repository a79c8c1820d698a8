#!/usr/bin/env bash
# Installs what the browser tests (*BrowserIT) need: Debian's chromium, its chromedriver and
# the Noto CJK fonts (without them Chinese renders as boxes in screenshots).
# Idempotent: does nothing when everything is present. Maven runs it before the integration tests.
set -euo pipefail

needed=()
[ -x /usr/bin/chromium ] || needed+=(chromium)
[ -x /usr/bin/chromedriver ] || needed+=(chromium-driver)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || needed+=(fonts-noto-cjk)

if [ ${#needed[@]} -eq 0 ]; then
  echo "ensure-browser: chromium, chromedriver and CJK fonts are present"
  exit 0
fi

echo "ensure-browser: installing ${needed[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "ensure-browser: ERROR: need root (or password-less sudo) to run: apt-get install -y ${needed[*]}" >&2
    echo "ensure-browser: install them by hand, then run the build again." >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -q </dev/null \
   || ! $SUDO apt-get install -y -q --no-install-recommends "${needed[@]}" </dev/null; then
  echo "ensure-browser: ERROR: could not install ${needed[*]} with apt-get; browser tests cannot run." >&2
  exit 1
fi
echo "ensure-browser: installed ${needed[*]}"
