package io.roster.scim.habit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * The client habits Roster accepts, applied in order to each request body before parsing.
 */
@Component
public class ClientHabits {

	private final List<ClientHabit> habits = List.of(new CapitalizedPatchOp(), new DottedPathlessKeys(),
			new BooleanStrings(), new OneLoginSchemaAliases(), new ManagerAsString());

	/** Rewrites a PATCH body and returns the names of the habits that applied. */
	public List<String> rewritePatch(ObjectNode patch) {
		List<String> applied = new ArrayList<>();
		for (ClientHabit habit : this.habits) {
			if (habit.rewritePatch(patch)) {
				applied.add(habit.name());
			}
		}
		return applied;
	}

	/** Rewrites a resource body and returns the names of the habits that applied. */
	public List<String> rewriteResource(ObjectNode resource) {
		List<String> applied = new ArrayList<>();
		for (ClientHabit habit : this.habits) {
			if (habit.rewriteResource(resource)) {
				applied.add(habit.name());
			}
		}
		return applied;
	}

}
