#!/usr/bin/env bash
# Entrypoint of Dockerfile.claude-setup: log in to Claude inside the container, then write the
# login as a bundle (and a copy of the minimal files) to the mounted output folder, owned by the
# host user. It writes on a normal exit, on Ctrl-C and on SIGTERM (docker stop).
#
# Everything it touches comes from the environment, so it can be tested without Docker:
#   CLAUDE_BIN         the Claude CLI (default: claude)
#   CAPTURE_CMD        the capture tool as a command line (default: node $CAPTURE_BIN)
#   CAPTURE_BIN        the bundled capture tool (default: /app/capture.js)
#   OUTPUT_DIR         the mounted output folder (default: /output)
#   CLAUDE_CONFIG_DIR  where the CLI keeps the login (default: /home/claude/.claude)
#   CLAUDE_USER        run the CLI as this user when started as root (the image sets "claude")
#   HOST_UID/HOST_GID  owner of the output (default: the owner of OUTPUT_DIR); used only as root
#   CSA_DEBUG=1        debug lines on stderr (paths, sizes, ids, exit codes; never a token)
set -u
umask 077

CLAUDE_BIN=${CLAUDE_BIN:-claude}
CAPTURE_BIN=${CAPTURE_BIN:-/app/capture.js}
CAPTURE_CMD=${CAPTURE_CMD:-node $CAPTURE_BIN}
OUTPUT_DIR=${OUTPUT_DIR:-/output}
export CLAUDE_CONFIG_DIR=${CLAUDE_CONFIG_DIR:-/home/claude/.claude}
BUNDLE_NAME=claude-auth.bundle

child=''
finished=0

say() { printf 'claude-setup: %s\n' "$*" >&2; }
debug() {
  if [ "${CSA_DEBUG:-}" = 1 ]; then printf 'claude-setup: debug: %s\n' "$*" >&2; fi
}
size_of() { if [ -e "$1" ]; then wc -c <"$1" | tr -d ' '; else echo missing; fi; }

if [ ! -d "$OUTPUT_DIR" ]; then
  say "There is no output folder at $OUTPUT_DIR: mount one, e.g. docker run --rm -it -v \"\$PWD/claude-setup:/output\" claude-subscription-setup"
  exit 2
fi

# Who must own what lands in the output folder: HOST_UID/HOST_GID, else the folder's owner.
owner_uid=${HOST_UID:-$(stat -c %u "$OUTPUT_DIR")}
owner_gid=${HOST_GID:-$(stat -c %g "$OUTPUT_DIR")}
case "$owner_uid$owner_gid" in
  *[!0-9]*)
    say "HOST_UID and HOST_GID must be numbers (got \"$owner_uid\" and \"$owner_gid\")."
    exit 2
    ;;
esac
debug "running as uid $(id -u); output $OUTPUT_DIR owned by $owner_uid:$owner_gid; config dir $CLAUDE_CONFIG_DIR"

# The CLI runs as an unprivileged user when we are root and that user exists.
run_as=()
if [ "$(id -u)" = 0 ] && [ -n "${CLAUDE_USER:-}" ] && id -u "$CLAUDE_USER" >/dev/null 2>&1; then
  cu=$(id -u "$CLAUDE_USER")
  cg=$(id -g "$CLAUDE_USER")
  ch=$(getent passwd "$CLAUDE_USER" | cut -d: -f6)
  if command -v setpriv >/dev/null 2>&1; then
    run_as=(setpriv "--reuid=$cu" "--regid=$cg" --init-groups)
  else
    run_as=(runuser -u "$CLAUDE_USER" --)
  fi
  run_as+=(env "HOME=${ch:-/tmp}" "USER=$CLAUDE_USER")
  mkdir -p "$CLAUDE_CONFIG_DIR"
  chown "$cu:$cg" "$CLAUDE_CONFIG_DIR"
  debug "the CLI runs as $CLAUDE_USER ($cu:$cg)"
fi
mkdir -p "$CLAUDE_CONFIG_DIR"
chmod 700 "$CLAUDE_CONFIG_DIR" 2>/dev/null || true

# Copies one file into the output folder with mode 0600, owned by the host user.
put() {
  local src=$1 dest
  dest="$OUTPUT_DIR/$(basename "$1")"
  [ -s "$src" ] || return 0
  cp "$src" "$dest.tmp" && chmod 600 "$dest.tmp" && own "$dest.tmp" && mv -f "$dest.tmp" "$dest"
  debug "wrote $dest ($(size_of "$dest") bytes)"
}

own() {
  if [ "$(id -u)" = 0 ]; then chown "$owner_uid:$owner_gid" "$@"; fi
}

finish() {
  [ "$finished" = 1 ] && return
  finished=1
  local creds="$CLAUDE_CONFIG_DIR/.credentials.json" status=0
  debug "credentials file: $(size_of "$creds") bytes"
  if [ ! -s "$creds" ]; then
    say "No login was made (no $creds): nothing written. Run the container again and finish \`claude auth login\`."
    return 1
  fi
  local bundle="$OUTPUT_DIR/$BUNDLE_NAME"
  # A bundle from an earlier run must not pass for this one's.
  rm -f "$bundle"
  # The capture tool writes the file with mode 0600 only once the bundle has decoded again.
  # shellcheck disable=SC2086 # CAPTURE_CMD is a command line on purpose
  if $CAPTURE_CMD --from file --config-dir "$CLAUDE_CONFIG_DIR" --as-container --out "$bundle"; then
    chmod 600 "$bundle" && own "$bundle"
    debug "wrote $bundle ($(size_of "$bundle") bytes)"
  else
    status=$?
    rm -f "$bundle"
    say "The capture tool failed (exit code $status): no bundle was written; the login files still are."
  fi
  put "$creds"
  put "$CLAUDE_CONFIG_DIR/settings.json"
  if [ "$status" = 0 ]; then
    say "Done: $OUTPUT_DIR/$BUNDLE_NAME holds the login. On the host, upload it with:"
    say "  gh secret set CLAUDE_AUTH --repo OWNER/REPO < <the folder you mounted>/$BUNDLE_NAME"
  fi
  return "$status"
}

# shellcheck disable=SC2317 # called from the traps below
on_signal() {
  debug "got SIG$1"
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null
    # Give the CLI a moment to finish writing, then make sure it is gone.
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$child" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$child" 2>/dev/null
    wait "$child" 2>/dev/null
  fi
  child=''
  finish
  exit $?
}
trap 'on_signal TERM' TERM
trap 'on_signal INT' INT
trap 'on_signal HUP' HUP

if [ -s "$CLAUDE_CONFIG_DIR/.credentials.json" ]; then
  say "A login is already in $CLAUDE_CONFIG_DIR: writing it out (run \`claude auth logout\` inside to start over)."
else
  say "Log in with your Claude account: open the link the CLI shows, then paste the code back here."
  # In the background so that a signal reaches our trap at once; stdin stays the terminal.
  "${run_as[@]}" "$CLAUDE_BIN" auth login <&0 &
  child=$!
  debug "CLI started (pid $child)"
  wait "$child"
  code=$?
  child=''
  debug "CLI exited with code $code"
fi
finish
exit $?
