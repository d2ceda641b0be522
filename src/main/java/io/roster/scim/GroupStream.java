package io.roster.scim;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;

import io.roster.directory.Member;
import io.roster.directory.Team;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a Group, or a ListResponse of Groups, with their members to a stream as the
 * members are read, so that reading large teams keeps one member in memory at a time. The
 * JSON equals what {@link GroupResources#write} and {@link Projection#apply} give for the
 * same team and members.
 * <p>
 * What a projection keeps of a member depends only on which sub-attributes the member
 * has, and every member has {@code value}, {@code type} and {@code $ref} and may lack
 * {@code display}. So projecting a resource with one sample member of each kind, and one
 * with no members, shows what to write for every member.
 */
final class GroupStream {

	private static final String MEMBERS = "members";

	private static final String RESOURCES = "Resources";

	private static final Member SAMPLE = new Member("sample", "sample");

	private static final Member SAMPLE_WITHOUT_DISPLAY = new Member("sample", null);

	private GroupStream() {
	}

	/**
	 * Writes the Group to {@code output}.
	 * @param members passes the members of the team, ordered by link id, to the consumer
	 * it is given
	 */
	static void write(OutputStream output, Team team, Projection projection, String location, String usersLocation,
			Consumer<Consumer<Member>> members) throws ScimException {
		try (JsonGenerator json = generator(output)) {
			writeGroup(json, team, projection, location, usersLocation, members);
		}
	}

	/**
	 * Writes a ListResponse of Groups to {@code output}: the properties of
	 * {@code envelope} in their order, with its {@code Resources} replaced by the teams,
	 * each written as {@link #write} writes it.
	 * @param envelope the ListResponse, whose {@code itemsPerPage} counts the teams
	 * @param location returns the location of a team
	 * @param members passes each team, with a function that passes the team's members
	 * ordered by link id to a consumer, to the writer it is given, one team after another
	 * in the order of {@code teams}
	 */
	static void writeList(OutputStream output, ObjectNode envelope, List<Team> teams, Projection projection,
			Function<Team, String> location, String usersLocation, Consumer<TeamWriter> members) throws ScimException {
		try (JsonGenerator json = generator(output)) {
			json.writeStartObject();
			for (Map.Entry<String, JsonNode> property : envelope.properties()) {
				json.writeName(property.getKey());
				if (!property.getKey().equals(RESOURCES)) {
					json.writeTree(property.getValue());
					continue;
				}
				json.writeStartArray();
				List<Team> written = new ArrayList<>();
				try {
					members.accept((team, source) -> {
						try {
							writeGroup(json, team, projection, location.apply(team), usersLocation, source);
						}
						catch (ScimException ex) {
							throw new ScimFailure(ex);
						}
						written.add(team);
					});
				}
				catch (ScimFailure ex) {
					throw ex.scimException();
				}
				if (!written.equals(teams)) {
					throw new IllegalStateException("Wrote " + written.size() + " teams of a page of " + teams.size()
							+ ", or not in the page's order");
				}
				json.writeEndArray();
			}
			json.writeEndObject();
		}
	}

	/**
	 * Returns a generator that leaves what it has written as it is when it is closed, so
	 * that a failure halfway leaves invalid JSON rather than a shorter valid body.
	 */
	private static JsonGenerator generator(OutputStream output) {
		return JsonUtils.getObjectWriter().without(StreamWriteFeature.AUTO_CLOSE_CONTENT).createGenerator(output);
	}

	/** Writes one team as a Group, with the members that a function passes to it. */
	@FunctionalInterface
	interface TeamWriter {

		void write(Team team, Consumer<Consumer<Member>> members);

	}

	private static void writeGroup(JsonGenerator json, Team team, Projection projection, String location,
			String usersLocation, Consumer<Consumer<Member>> members) throws ScimException {
		ObjectNode withNone = projection.apply(GroupResources.write(team, List.of(), location, usersLocation));
		ObjectNode withDisplay = projection.apply(GroupResources.write(team, List.of(SAMPLE), location, usersLocation));
		ObjectNode withoutDisplay = projection
			.apply(GroupResources.write(team, List.of(SAMPLE_WITHOUT_DISPLAY), location, usersLocation));
		List<String> keptWithDisplay = keptNames(withDisplay);
		List<String> keptWithoutDisplay = keptNames(withoutDisplay);
		boolean alwaysListed = withNone.get(MEMBERS) != null;
		ObjectNode outline = (withDisplay.get(MEMBERS) != null) ? withDisplay : withoutDisplay;
		json.writeStartObject();
		for (Map.Entry<String, JsonNode> property : outline.properties()) {
			if (!property.getKey().equals(MEMBERS)) {
				json.writeName(property.getKey());
				json.writeTree(property.getValue());
				continue;
			}
			MemberArray array = new MemberArray(json);
			members.accept((member) -> {
				List<String> kept = (member.display() != null) ? keptWithDisplay : keptWithoutDisplay;
				if (kept != null) {
					ObjectNode item = GroupResources.member(member, usersLocation);
					item.retain(kept);
					array.add(item);
				}
			});
			array.end(alwaysListed);
		}
		json.writeEndObject();
	}

	/**
	 * Returns the sub-attributes the projection kept of the one sample member, or
	 * {@code null} when it kept no value.
	 */
	private static @Nullable List<String> keptNames(ObjectNode projected) {
		JsonNode array = projected.get(MEMBERS);
		if (array == null || array.isEmpty()) {
			return null;
		}
		return new ArrayList<>(array.get(0).propertyNames());
	}

	/** The {@code members} array, started at its first value. */
	private static final class MemberArray {

		private final JsonGenerator json;

		private boolean started;

		MemberArray(JsonGenerator json) {
			this.json = json;
		}

		void add(ObjectNode item) {
			start();
			this.json.writeTree(item);
		}

		/**
		 * Ends the array.
		 * @param evenEmpty whether to write an array with no values
		 */
		void end(boolean evenEmpty) {
			if (!this.started && !evenEmpty) {
				return;
			}
			start();
			this.json.writeEndArray();
		}

		private void start() {
			if (!this.started) {
				this.json.writeName(MEMBERS);
				this.json.writeStartArray();
				this.started = true;
			}
		}

	}

}
