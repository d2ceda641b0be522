package io.roster.scim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The order in which a Bulk request's operations run. RFC 7644 section 3.7.2 lets a
 * client reference a bulkId before the POST that defines it, so operations run in request
 * order except that each one first runs the POSTs it references. Operations on a circular
 * reference cannot run. Section 3.7.1 allows failing them with 409 instead of resolving
 * the cycle, so they are listed in {@code cycles} and fail.
 *
 * @param order the index of every operation, in the order to run them
 * @param cycles for each operation on a circular reference, the bulkIds around that cycle
 */
record BulkPlan(List<Integer> order, Map<Integer, List<String>> cycles) {

	private static final int NEW = 0;

	private static final int ON_STACK = 1;

	private static final int PLACED = 2;

	/**
	 * Orders the operations by a depth-first walk of their references. The walk keeps its
	 * own stack, so a long chain of references cannot overflow the thread's stack.
	 */
	static BulkPlan of(BulkRequest request) {
		List<BulkOperation> operations = request.operations();
		Map<String, Integer> posts = request.postsByBulkId();
		int[] state = new int[operations.size()];
		List<Integer> order = new ArrayList<>();
		Map<Integer, List<String>> cycles = new HashMap<>();
		Deque<Visit> stack = new ArrayDeque<>();
		for (BulkOperation root : operations) {
			if (state[root.index()] != NEW) {
				continue;
			}
			stack.push(new Visit(root.index(), dependencies(root, posts)));
			state[root.index()] = ON_STACK;
			while (!stack.isEmpty()) {
				Visit top = stack.peek();
				if (!top.dependencies().hasNext()) {
					stack.pop();
					state[top.index()] = PLACED;
					order.add(top.index());
					continue;
				}
				int dependency = top.dependencies().next();
				if (state[dependency] == ON_STACK) {
					markCycle(stack, dependency, operations, cycles);
				}
				else if (state[dependency] == NEW) {
					stack.push(new Visit(dependency, dependencies(operations.get(dependency), posts)));
					state[dependency] = ON_STACK;
				}
			}
		}
		return new BulkPlan(List.copyOf(order), Map.copyOf(cycles));
	}

	/**
	 * Returns the indexes of the POSTs an operation references; unknown bulkIds are left
	 * out.
	 */
	private static Iterator<Integer> dependencies(BulkOperation operation, Map<String, Integer> posts) {
		return operation.references().stream().filter(posts::containsKey).map(posts::get).iterator();
	}

	/**
	 * Records the cycle that closes when the operation on top of the stack references
	 * {@code first}, which is lower on the stack: every operation from {@code first} up
	 * to the top is on it.
	 */
	private static void markCycle(Deque<Visit> stack, int first, List<BulkOperation> operations,
			Map<Integer, List<String>> cycles) {
		List<Integer> members = new ArrayList<>();
		Iterator<Visit> downwards = stack.iterator();
		while (downwards.hasNext()) {
			int index = downwards.next().index();
			members.add(0, index);
			if (index == first) {
				break;
			}
		}
		List<String> bulkIds = new ArrayList<>();
		members.forEach((index) -> bulkIds.add(operations.get(index).bulkId()));
		bulkIds.add(operations.get(first).bulkId());
		for (int index : members) {
			cycles.putIfAbsent(index, List.copyOf(bulkIds));
		}
	}

	private record Visit(int index, Iterator<Integer> dependencies) {
	}

}
