package io.roster.scim;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * Answers paths under {@code /scim/v2} that name no endpoint with a SCIM 404, instead of
 * the framework's own error page.
 */
@RestController
class ScimFallbackController {

	@RequestMapping(ScimWebConfiguration.BASE_PATH + "/**")
	void unknown(HttpServletRequest request) throws ScimException {
		throw new ResourceNotFoundException("No SCIM endpoint at this path; Roster serves /Users, /Groups, /Bulk,"
				+ " /ServiceProviderConfig, /ResourceTypes and /Schemas");
	}

}
