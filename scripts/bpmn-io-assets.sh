#!/usr/bin/env bash
# Puts the prebuilt bpmn-js / dmn-js bundles (and Camunda's BPMN moddle descriptor) the process owner's console needs under
# target/classes/static/vendor/<name>@<version>/ (ADR 0012 §3): each package of frontend/bpmn-io.lock
# is fetched with `npm pack` at its pinned version (no dependency tree, no install scripts: the
# dist bundles are self-contained), its tarball's sha512 and package.json licence are compared with
# the lock line (a mismatch fails the build), and only the files the pages use are unpacked, with
# the package's LICENSE. Installs Debian's nodejs and npm when npm is missing. Does nothing when the
# stamp in the vendor folder (the lock, then a comment line per package naming the files unpacked) is
# what this lock and this script's file lists would write. Maven runs it in generate-resources.
#
# Environment (for tests): BPMN_IO_LOCK (default frontend/bpmn-io.lock), BPMN_IO_CACHE (tarballs,
# default target/npm-cache), BPMN_IO_VENDOR (default target/classes/static/vendor).
set -euo pipefail

cd "$(dirname "$0")/.."
lock="${BPMN_IO_LOCK:-frontend/bpmn-io.lock}"
cache="${BPMN_IO_CACHE:-target/npm-cache}"
vendor="${BPMN_IO_VENDOR:-target/classes/static/vendor}"
stamp="$vendor/bpmn-io.lock"

# What the pages load from each package, beside its LICENSE: the viewer and modeler (draft editor)
# bundles and their CSS and fonts (dist/assets holds both the viewers' and the modelers' stylesheets).
files_of() {
  case "$1" in
    bpmn-js) echo "package/dist/bpmn-navigated-viewer.production.min.js package/dist/bpmn-modeler.production.min.js package/dist/assets" ;;
    dmn-js) echo "package/dist/dmn-viewer.production.min.js package/dist/dmn-modeler.production.min.js package/dist/assets" ;;
    # The camunda: attributes and extension elements as types, for the modeler's 步骤设置 panel.
    camunda-bpmn-moddle) echo "package/resources/camunda.json" ;;
    # The 管理看板's charts (not a bpmn.io package, fetched the same way); Apache-2.0 asks for its NOTICE beside it.
    echarts) echo "package/dist/echarts.min.js package/NOTICE" ;;
    *) echo "bpmn-io-assets: ERROR: $lock names $1, but this script does not know which of its files the pages need" >&2
       return 1 ;;
  esac
}

# The stamp names the file lists too: a build whose vendor folder predates a change of files_of unpacks again.
expected_stamp() {
  cat "$lock"
  while read -r name _; do
    case "$name" in ''|'#'*) continue ;; esac
    echo "# unpacked $name: $(files_of "$name")"
  done < "$lock"
}

wanted_stamp=$(expected_stamp)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted_stamp" ]; then
  echo "bpmn-io-assets: $vendor matches $lock"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "bpmn-io-assets: installing nodejs npm"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      SUDO="sudo -n"
    else
      echo "bpmn-io-assets: ERROR: npm is missing; need root (or password-less sudo) to run: apt-get install -y nodejs npm" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get update -q </dev/null \
     || ! $SUDO apt-get install -y -q --no-install-recommends nodejs npm </dev/null; then
    echo "bpmn-io-assets: ERROR: could not install nodejs npm with apt-get; the console's diagrams cannot be built." >&2
    exit 1
  fi
fi

mkdir -p "$cache"
rm -rf "$vendor"
mkdir -p "$vendor"
while read -r name version integrity licence; do
  case "$name" in ''|'#'*) continue ;; esac
  if [ -z "$licence" ]; then
    echo "bpmn-io-assets: ERROR: $lock: the line of $name needs: name version integrity licence" >&2
    exit 1
  fi
  wanted=$(files_of "$name")
  tarball="$cache/$name-$version.tgz"
  if [ ! -f "$tarball" ]; then
    echo "bpmn-io-assets: fetching $name@$version"
    npm pack "$name@$version" --json --prefer-offline --ignore-scripts --pack-destination "$cache" </dev/null >/dev/null
  fi
  actual=$(node -e 'const fs = require("fs"), crypto = require("crypto");
    console.log("sha512-" + crypto.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$tarball")
  if [ "$actual" != "$integrity" ]; then
    echo "bpmn-io-assets: ERROR: $tarball has integrity $actual, but $lock pins $name@$version to $integrity." >&2
    echo "bpmn-io-assets: the package is not the one reviewed; nothing is unpacked." >&2
    rm -rf "$vendor"
    exit 1
  fi
  declared=$(tar -xzf "$tarball" -O package/package.json | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).license))')
  if [ "$declared" != "$licence" ]; then
    echo "bpmn-io-assets: ERROR: $name@$version declares the licence '$declared', but $lock records '$licence'." >&2
    echo "bpmn-io-assets: review the new licence (docs/third-party-javascript.md) before changing the lock." >&2
    rm -rf "$vendor"
    exit 1
  fi
  target="$vendor/$name@$version"
  mkdir -p "$target"
  # shellcheck disable=SC2086 # the file list is words
  tar -xzf "$tarball" -C "$target" --strip-components=1 package/LICENSE $wanted
  echo "bpmn-io-assets: unpacked $name@$version into $target"
done < "$lock"
printf '%s\n' "$wanted_stamp" > "$stamp"
