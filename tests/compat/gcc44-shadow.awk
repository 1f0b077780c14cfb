# gcc44-shadow.awk - what gcc 4.4's -Wshadow says that today's compilers no longer do.
#
# Before gcc 4.8, -Wshadow also warned when a local variable or a parameter of a
# function definition had the name of a function declared before it ("declaration
# of 'index' shadows a global declaration"): a local `link`, `pause`, `abs` or a
# parameter `index` breaks a -Werror build on CentOS 6 (gcc 4.4) and nowhere else.
# gcc 4.8 dropped that case, and clang never had it, so it is found here from
# clang's AST of one translation unit (clang -Xclang -ast-dump, text form):
#   G NAME   a function declared in a header (so before any function body)
#   L NAME   a parameter or local variable of a function definition
# The caller reports the names that are both. Functions declared in the .c file
# itself are left out: whether one comes before the local needs line order, and
# the sources declare their static functions where they define them.
function lastfile(s,    f, m) {
	f = ""
	while (match(s, /[<, ][^<>, ]+\.[ch]:[0-9]+:[0-9]+/)) {
		m = substr(s, RSTART + 1, RLENGTH - 1)
		sub(/:[0-9]+:[0-9]+$/, "", m)
		f = m
		s = substr(s, RSTART + RLENGTH)
	}
	return f
}
function flush(    n) {
	if (body) for (n in cand) print "L " n
	delete cand
	body = 0
}
{
	f = lastfile($0)
	if (f != "") curfile = f
}
/^[|`]-/ {
	flush()
	infn = 0
	if ($0 ~ /^[|`]-FunctionDecl /) {
		infn = 1
		line = $0
		sub(/ '.*/, "", line)
		n = split(line, w, " ")
		if (curfile ~ /\.h$/) print "G " w[n]
	}
	next
}
infn && /CompoundStmt/ { body = 1 }
infn && /-(ParmVarDecl|VarDecl) / {
	line = $0
	if (line !~ / '/) next
	sub(/ '.*/, "", line)
	n = split(line, w, " ")
	if (w[n] ~ /^[A-Za-z_][A-Za-z0-9_]*$/ && w[n] !~ /^(used|referenced|cinit|callinit|extern|static|invalid)$/)
		cand[w[n]] = 1
}
END { flush() }
