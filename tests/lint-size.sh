#!/bin/sh
# lint-size.sh - the size rules of the sources: no file in src/ over 800
# lines, no top-level C function over 80 lines (counted from the line of its
# opening "{" to the line of its closing "}", both at the start of a line).
# Prints each offender and exits 1 when there is any; 0 when there is none.
#
#   sh tests/lint-size.sh [DIR]      (default: src/ of this tree)
set -eu
cd "$(dirname "$0")/.."

MAX_FILE=${MAX_FILE:-800}
MAX_FUNC=${MAX_FUNC:-80}
DIR=${1:-src}

# src/bundled/ is third-party code kept as its upstream wrote it (inih): not ours to split
files=$(find "$DIR" -path "$DIR/bundled" -prune -o -type f \( -name '*.c' -o -name '*.h' \) -print | LC_ALL=C sort)
[ -n "$files" ] || {
	echo "lint-size: no C sources under $DIR" >&2
	exit 2
}

# shellcheck disable=SC2086 # one word per file: src/ has no blanks in its names
awk -v max_file="$MAX_FILE" -v max_func="$MAX_FUNC" '
	FNR == 1 { if (prev != "" && lines > max_file) file_bad(prev, lines); prev = FILENAME; open = 0; name = "" }
	{ lines = FNR }
	/^\{/ { open = FNR; name = head; next }
	/^\}/ && open {
		n = FNR - open + 1
		if (n > max_func) {
			printf "%s:%d: function %s is %d lines (max %d)\n", FILENAME, open, name, n, max_func
			bad = 1
		}
		open = 0
		next
	}
	# the name of the function a "{" opens: the identifier before "(" on the last such line
	!open && /^[A-Za-z_].*\(/ { head = $0; sub(/\(.*/, "", head); sub(/.*[ *]/, "", head) }
	function file_bad(f, n) { printf "%s: %d lines (max %d)\n", f, n, max_file; bad = 1 }
	END { if (prev != "" && lines > max_file) file_bad(prev, lines); exit bad }
' $files
