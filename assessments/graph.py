"""Cycle checks for a prerequisite graph given as (prerequisite, target) edges. Pure Python, no Django.

Nodes are any hashable values (the callers use target codes). A cycle is returned as its path with the first
node repeated at the end, e.g. ["6.RP.A.1", "7.RP.A.2", "6.RP.A.1"], so a message can name it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable

Node = Hashable
Edge = tuple[Node, Node]


def _successors(edges: Iterable[Edge]) -> dict[Node, list[Node]]:
    """Each node's targets, in the order the edges come."""
    successors: dict[Node, list[Node]] = {}
    for prerequisite, target in edges:
        successors.setdefault(prerequisite, []).append(target)
    return successors


def cycle_closed_by(edges: Iterable[Edge], *, prerequisite: Node, target: Node) -> list[Node] | None:
    """The cycle that adding the edge `prerequisite` -> `target` to `edges` would close, or None.

    The cycle is the shortest path from `target` back to `prerequisite` through `edges`, followed by the new
    edge: [target, ..., prerequisite, target]. A self edge is the cycle [target, target].
    """
    successors = _successors(edges)
    came_from: dict[Node, Node | None] = {target: None}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        if node == prerequisite:
            path = [node]
            while (previous := came_from[path[-1]]) is not None:
                path.append(previous)
            path.reverse()
            return [*path, target]
        for successor in successors.get(node, ()):
            if successor not in came_from:
                came_from[successor] = node
                queue.append(successor)
    return None


def find_cycle(edges: Iterable[Edge]) -> list[Node] | None:
    """Some cycle in the graph `edges` form, as [node, ..., node], or None when the graph is acyclic."""
    successors = _successors(edges)
    finished: set[Node] = set()
    for root in successors:
        if root in finished:
            continue
        # Iterative depth-first search: `path` is the current chain from `root`, `pending` holds the
        # successors each node on it has left to visit. A successor already on the path closes a cycle.
        path = [root]
        on_path = {root}
        pending = [iter(successors[root])]
        while pending:
            for successor in pending[-1]:
                if successor in on_path:
                    return [*path[path.index(successor) :], successor]
                if successor not in finished:
                    path.append(successor)
                    on_path.add(successor)
                    pending.append(iter(successors.get(successor, ())))
                    break
            else:
                done = path.pop()
                on_path.remove(done)
                finished.add(done)
                pending.pop()
    return None
