package io.roster.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.roster.directory.Colleague;
import io.roster.directory.ColleagueProfile;

/**
 * The fields of the colleague form, named as the directory names them, with their labels.
 * Every one of them is provisioned, so all are locked on a SCIM-managed colleague.
 */
final class ColleagueForm {

	/** A text field of the form. */
	record Input(String name, String label, String type) {
	}

	static final List<Input> INPUTS = List.of(new Input("email", "Email", "email"),
			new Input("givenName", "Given name", "text"), new Input("familyName", "Family name", "text"),
			new Input("displayName", "Display name", "text"), new Input("title", "Title", "text"),
			new Input("employeeNumber", "Employee number", "text"), new Input("department", "Department", "text"),
			new Input("costCenter", "Cost center", "text"), new Input("organization", "Organization", "text"),
			new Input("division", "Division", "text"));

	private ColleagueForm() {
	}

	/** Returns the form's values for a stored colleague. */
	static Map<String, @Nullable String> values(Colleague colleague) {
		ColleagueProfile p = colleague.profile();
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		values.put("email", p.userName());
		values.put("givenName", p.givenName());
		values.put("familyName", p.familyName());
		values.put("displayName", p.displayName());
		values.put("title", p.title());
		values.put("employeeNumber", p.employeeNumber());
		values.put("department", p.department());
		values.put("costCenter", p.costCenter());
		values.put("organization", p.organization());
		values.put("division", p.division());
		values.put("role", colleague.role());
		return values;
	}

	/**
	 * Returns the form fields a post sent, text fields and the role, leaving out the CSRF
	 * token, the version and anything else. An empty value clears its field.
	 */
	static Map<String, @Nullable String> posted(MultiValueMap<String, String> form) {
		Map<String, @Nullable String> fields = new LinkedHashMap<>();
		for (Input input : INPUTS) {
			if (form.containsKey(input.name())) {
				fields.put(input.name(), form.getFirst(input.name()));
			}
		}
		if (form.containsKey("role")) {
			fields.put("role", form.getFirst("role"));
		}
		return fields;
	}

}
