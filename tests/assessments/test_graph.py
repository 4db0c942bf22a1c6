"""The prerequisite graph's cycle checks: pure functions, no database."""

from __future__ import annotations

from assessments.graph import cycle_closed_by, find_cycle

RATIOS = [
    ("6.RP.A.1", "6.RP.A.2"),
    ("6.RP.A.2", "7.RP.A.1"),
    ("7.RP.A.1", "7.RP.A.2"),
    ("6.RP.A.2", "7.RP.A.2"),
    ("6.RP.A.1", "6.RP.A.3a"),
]


def test_an_edge_along_the_graph_closes_no_cycle():
    # given a DAG of ratio standards
    # when an edge that skips ahead (a shortcut) is checked
    cycle = cycle_closed_by(RATIOS, prerequisite="6.RP.A.1", target="7.RP.A.2")

    # then it closes no cycle
    assert cycle is None


def test_an_edge_back_to_its_own_prerequisite_closes_a_two_node_cycle():
    # given 6.RP.A.1 -> 6.RP.A.2
    # when 6.RP.A.2 -> 6.RP.A.1 is checked
    cycle = cycle_closed_by(RATIOS, prerequisite="6.RP.A.2", target="6.RP.A.1")

    # then the cycle runs from the new edge's target round to it again
    assert cycle == ["6.RP.A.1", "6.RP.A.2", "6.RP.A.1"]


def test_the_cycle_named_is_the_shortest_way_round():
    # given two paths from 6.RP.A.1 to 7.RP.A.2, of two and three edges
    # when 7.RP.A.2 -> 6.RP.A.1 is checked
    cycle = cycle_closed_by(RATIOS, prerequisite="7.RP.A.2", target="6.RP.A.1")

    # then the shorter path names the cycle
    assert cycle == ["6.RP.A.1", "6.RP.A.2", "7.RP.A.2", "6.RP.A.1"]


def test_a_self_edge_is_a_cycle_of_one_node():
    # given any graph
    # when an edge from a node to itself is checked
    cycle = cycle_closed_by(RATIOS, prerequisite="6.RP.A.2", target="6.RP.A.2")

    # then it is its own cycle
    assert cycle == ["6.RP.A.2", "6.RP.A.2"]


def test_an_edge_between_new_nodes_closes_no_cycle():
    # given an empty graph
    # when an edge between two nodes it has never seen is checked
    cycle = cycle_closed_by([], prerequisite="K.CC.A.1", target="K.CC.A.2")

    # then it closes no cycle
    assert cycle is None


def test_an_acyclic_graph_has_no_cycle():
    # given a DAG with a diamond (two paths from 6.RP.A.2 to 7.RP.A.2)
    # when it is searched for a cycle
    cycle = find_cycle(RATIOS)

    # then there is none
    assert cycle is None


def test_a_cycle_behind_an_acyclic_part_is_found():
    # given the DAG plus an edge from 7.RP.A.2 back to 6.RP.A.2
    edges = [*RATIOS, ("7.RP.A.2", "6.RP.A.2")]

    # when it is searched for a cycle
    cycle = find_cycle(edges)

    # then the cycle found starts and ends at the same node, and each step is an edge
    assert cycle == ["6.RP.A.2", "7.RP.A.1", "7.RP.A.2", "6.RP.A.2"]


def test_a_self_loop_is_a_cycle():
    # given an edge from a node to itself
    # when the graph is searched for a cycle
    cycle = find_cycle([("K.CC.A.1", "K.CC.A.2"), ("K.CC.A.2", "K.CC.A.2")])

    # then that node is the cycle
    assert cycle == ["K.CC.A.2", "K.CC.A.2"]


def test_a_long_chain_is_searched_without_recursion():
    # given a chain far deeper than Python's recursion limit, closed back to its start
    chain = [(step, step + 1) for step in range(10_000)]

    # when it is searched, open and then closed
    open_chain = find_cycle(chain)
    closed_chain = find_cycle([*chain, (10_000, 0)])

    # then the open chain has no cycle and the closed one is the whole chain
    assert open_chain is None
    assert closed_chain == [*range(10_001), 0]
