package io.roster.api;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.roster.directory.CompanySettings;
import io.roster.tenant.Company;

/**
 * The directory settings of the admin's company: the default role of SCIM-provisioned
 * colleagues and the matching policy for userNames of app-managed colleagues.
 */
@RestController
@RequestMapping("/api/v1/settings")
class SettingsController {

	private final CompanySettings settings;

	private final ApiCallers callers;

	SettingsController(CompanySettings settings, ApiCallers callers) {
		this.settings = settings;
		this.callers = callers;
	}

	/** The settings and the company they belong to. */
	record SettingsView(String company, String plan, String defaultRole, String matchingPolicy) {

		static SettingsView of(Company company) {
			return new SettingsView(company.name(), company.plan().code(), company.defaultRole(),
					company.matchingPolicy());
		}

	}

	@GetMapping
	SettingsView get() {
		return SettingsView.of(this.callers.current().company());
	}

	/** Changes {@code defaultRole} and {@code matchingPolicy}; an absent one is kept. */
	@PatchMapping
	SettingsView change(@RequestBody Map<String, @Nullable Object> body) {
		Map<String, @Nullable String> fields = ApiRequests.fields(body);
		for (String name : fields.keySet()) {
			if (!name.equals("defaultRole") && !name.equals("matchingPolicy")) {
				throw ApiException.badRequest(name,
						"'" + name + "' is not a setting; the settings are defaultRole and matchingPolicy");
			}
		}
		ApiCaller caller = this.callers.current();
		return SettingsView.of(this.settings.change(caller.actor(), caller.company(), fields.get("defaultRole"),
				fields.get("matchingPolicy")));
	}

}
