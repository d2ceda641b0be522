package io.roster.scim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.utils.FilterEvaluator;

import io.roster.directory.Member;
import io.roster.directory.MembershipChange;
import io.roster.directory.TeamProfile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Splits a Group PATCH into a profile change (displayName, externalId), applied by the
 * UnboundID SDK, and a membership delta, applied as row inserts and deletes. Membership
 * is never rewritten from a read copy, so concurrent PATCHes to one group keep every
 * member.
 */
final class GroupPatches {

	private static final Set<String> PROFILE = Set.of("displayname", "externalid");

	private static final Set<String> READ_ONLY = Set.of("id", "meta", "schemas");

	private final List<PatchOps.Op> profileOps = new ArrayList<>();

	private boolean replace;

	private final Set<String> add = new LinkedHashSet<>();

	private final Set<String> remove = new LinkedHashSet<>();

	private GroupPatches() {
	}

	/**
	 * Parses the operations.
	 * @param currentMembers reads the group's members, needed only for a remove whose
	 * path filters members by more than their value
	 */
	static GroupPatches of(String groupId, List<PatchOps.Op> ops, Supplier<List<Member>> currentMembers)
			throws ScimException {
		GroupPatches patches = new GroupPatches();
		for (PatchOps.Op op : ops) {
			patches.accept(op.withoutCoreSchema(ScimSchemas.GROUP), groupId, currentMembers);
		}
		return patches;
	}

	MembershipChange membershipChange() {
		return new MembershipChange(this.replace, this.add, this.remove);
	}

	/** Returns whether the PATCH changes only members. */
	boolean membersOnly() {
		return this.profileOps.isEmpty();
	}

	UnaryOperator<TeamProfile> profileChange() {
		if (this.profileOps.isEmpty()) {
			return UnaryOperator.identity();
		}
		return (profile) -> {
			try {
				ObjectNode resource = ScimJson.object();
				resource.putArray("schemas").add(ScimSchemas.GROUP);
				resource.put("displayName", profile.displayName());
				JsonAttributes.putText(resource, "externalId", profile.externalId());
				for (PatchOps.Op op : this.profileOps) {
					PatchOperation operation = (op.path() == null)
							? PatchOperation.create(op.type(), Path.root(), op.value())
							: (op.type() == PatchOpType.REMOVE) ? PatchOperation.remove(op.path())
									: PatchOperation.create(op.type(), op.path(), op.value());
					operation.apply(resource);
					// Each operation must leave a valid Group (RFC 7644 section
					// 3.5.2), so a value of the wrong type fails even when a later
					// operation replaces it.
					GroupResources.read(resource);
				}
				return GroupResources.read(resource);
			}
			catch (ScimException ex) {
				throw new ScimFailure(ex);
			}
		};
	}

	private void accept(PatchOps.Op op, String groupId, Supplier<List<Member>> currentMembers) throws ScimException {
		if (op.path() == null) {
			acceptPathless(op, groupId);
			return;
		}
		checkSchema(op.path());
		String attribute = op.attribute();
		if (attribute.equals("members")) {
			acceptMembers(op, currentMembers);
		}
		else if (PROFILE.contains(attribute)) {
			this.profileOps.add(op);
		}
		else if (READ_ONLY.contains(attribute)) {
			throw BadRequestException.mutability("'" + op.path() + "' is read-only");
		}
		else {
			throw BadRequestException.invalidPath("'" + op.path() + "' is not an attribute of a Group in Roster");
		}
	}

	private void acceptPathless(PatchOps.Op op, String groupId) throws ScimException {
		ObjectNode value = (ObjectNode) op.value();
		ObjectNode profile = ScimJson.object();
		for (String name : value.propertyNames()) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.equals("id")) {
				// Okta Group Push repeats the group's own id in a path-less replace; only
				// a different one is an error.
				JsonNode id = value.get(name);
				if (!(id.isString() && id.stringValue().equals(groupId))) {
					throw BadRequestException
						.mutability("'id' is read-only and differs from the group's id " + groupId);
				}
			}
			else if (lower.equals("members")) {
				acceptMembers(new PatchOps.Op(op.type(), Path.root().attribute("members"), value.get(name)), List::of);
			}
			else if (PROFILE.contains(lower)) {
				profile.set(name, value.get(name));
			}
		}
		if (!profile.isEmpty()) {
			this.profileOps.add(new PatchOps.Op(op.type(), null, profile));
		}
	}

	private void acceptMembers(PatchOps.Op op, Supplier<List<Member>> currentMembers) throws ScimException {
		Path path = op.path();
		Filter filter = path.getElement(0).getValueFilter();
		if (path.size() > 1) {
			throw BadRequestException
				.invalidPath("'" + path + "': members can only be added, removed or replaced" + " whole");
		}
		switch (op.type()) {
			case ADD -> addAll(GroupResources.memberIds(op.value()));
			case REPLACE -> {
				if (filter != null) {
					throw BadRequestException.invalidPath("'" + path + "': replace members whole, or remove and add");
				}
				this.replace = true;
				this.add.clear();
				this.remove.clear();
				addAll(GroupResources.memberIds(op.value()));
			}
			case REMOVE -> {
				if (filter != null) {
					removeAll(matching(filter, currentMembers));
				}
				else if (op.value() != null && !op.value().isNull()) {
					removeAll(GroupResources.memberIds(op.value()));
				}
				else {
					this.replace = true;
					this.add.clear();
					this.remove.clear();
				}
			}
		}
	}

	private void addAll(Set<String> ids) {
		this.remove.removeAll(ids);
		this.add.addAll(ids);
	}

	private void removeAll(Set<String> ids) {
		this.add.removeAll(ids);
		if (!this.replace) {
			this.remove.addAll(ids);
		}
	}

	/**
	 * Returns the members a value filter selects, without reading the group for plain
	 * value equality.
	 */
	private static Set<String> matching(Filter filter, Supplier<List<Member>> currentMembers) throws ScimException {
		Set<String> direct = new LinkedHashSet<>();
		if (valuesOf(filter, direct)) {
			return direct;
		}
		Set<String> ids = new LinkedHashSet<>();
		for (Member member : currentMembers.get()) {
			ObjectNode node = ScimJson.object();
			node.put("value", member.linkId());
			JsonAttributes.putText(node, "display", member.display());
			node.put("type", "User");
			if (FilterEvaluator.evaluate(filter, node)) {
				ids.add(member.linkId());
			}
		}
		return ids;
	}

	/**
	 * Collects ids from {@code value eq "..."} filters joined by or; false for any other
	 * filter.
	 */
	private static boolean valuesOf(Filter filter, Set<String> ids) {
		if (filter.getFilterType() == FilterType.OR) {
			for (Filter operand : filter.getCombinedFilters()) {
				if (!valuesOf(operand, ids)) {
					return false;
				}
			}
			return true;
		}
		JsonNode value = filter.getComparisonValue();
		if (filter.getFilterType() == FilterType.EQUAL && filter.getAttributePath().size() == 1
				&& filter.getAttributePath().getSchemaUrn() == null
				&& filter.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("value") && value != null
				&& value.isString()) {
			ids.add(value.stringValue());
			return true;
		}
		return false;
	}

	private static void checkSchema(Path path) throws BadRequestException {
		String urn = path.getSchemaUrn();
		if (urn != null && !urn.equalsIgnoreCase(ScimSchemas.GROUP)) {
			throw BadRequestException.invalidPath("'" + path + "' is not an attribute of a Group in Roster");
		}
	}

}
