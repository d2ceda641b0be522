package io.roster.support;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;

import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.utils.JsonUtils;

import tools.jackson.jakarta.rs.json.JacksonJsonProvider;

/**
 * The UnboundID SCIM 2 client (a real JAX-RS client over HTTP) pointed at a Roster
 * server.
 */
public final class ScimClients {

	private ScimClients() {
	}

	public static ScimService connect(String scimUrl, String token) {
		// Apache HttpClient 5, since the default HttpURLConnection cannot send
		// PATCH.
		ClientConfig config = new ClientConfig().connectorProvider(new Apache5ConnectorProvider());
		Client client = ClientBuilder.newClient(config)
			.register(new JacksonJsonProvider(JsonUtils.createObjectMapper()))
			.register((jakarta.ws.rs.client.ClientRequestFilter) (request) -> request.getHeaders()
				.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
		return new ScimService(client.target(scimUrl));
	}

}
