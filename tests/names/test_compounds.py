"""join_halves: compound halves written apart are attached to their neighbour."""

from reckon.names.compounds import join_halves

PREFIXES = frozenset(["abdol"])
SUFFIXES = frozenset(["zadeh"])


def test_a_prefix_takes_the_next_word_and_a_suffix_joins_the_previous() -> None:
    assert join_halves(["abdol", "reza", "hassan", "zadeh"], PREFIXES, SUFFIXES) == ["abdolreza", "hassanzadeh"]


def test_halves_at_the_edges_stay_words() -> None:
    assert join_halves(["zadeh", "ali"], PREFIXES, SUFFIXES) == ["zadeh", "ali"]  # nothing before it
    assert join_halves(["ali", "abdol"], PREFIXES, SUFFIXES) == ["ali", "abdol"]  # nothing after it
    assert join_halves([], PREFIXES, SUFFIXES) == []
