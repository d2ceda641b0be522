package io.roster.directory;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A change to a team's members, named by colleague link ids. With {@code replace} set,
 * the team's members become exactly {@code add}; otherwise {@code remove} is applied,
 * then {@code add}.
 */
public record MembershipChange(boolean replace, Set<String> add, Set<String> remove) {

	public static final MembershipChange NONE = new MembershipChange(false, Set.of(), Set.of());

	public MembershipChange {
		add = new LinkedHashSet<>(add);
		remove = new LinkedHashSet<>(remove);
	}

	public static MembershipChange replaceWith(Set<String> members) {
		return new MembershipChange(true, members, Set.of());
	}

	public boolean isEmpty() {
		return !this.replace && this.add.isEmpty() && this.remove.isEmpty();
	}

}
