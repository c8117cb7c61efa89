# Sourced by the benchmarks that measure in rounds (bench-api, bench-scim).
# The machine's own speed drifts over a run: two measures compare fairly
# only when taken at about the same moment, so a benchmark takes every one
# of its measures in turn, ROUNDS times, compares within each round, and
# reports the median round with every round's figure beside it.

# The median of "figure round" lines (the figure first): that line.
median_round() {
	sort -n | awk '{ v[NR] = $0 } END { print v[int((NR + 1) / 2)] }'
}

# The figures of "figure round" lines, in the order given, each followed by
# the unit: "31.6% 25.2% 27.4%".
round_figures() { # unit
	awk -v unit="$1" '{ printf "%s%s%s", sep, $1, unit; sep = " " }'
}
