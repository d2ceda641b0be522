package io.roster.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title, description and security scheme of the OpenAPI document that springdoc
 * builds from the API's controllers, served at {@code /v3/api-docs}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI rosterOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Roster product API")
				.version("v1")
				.description("Colleagues and teams of a company with their labels and history, the SCIM activity"
						+ " log, directory settings and SCIM connections, for company admins. Errors are RFC 9457"
						+ " problem details; a rejected change names the field at fault in 'field'."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
