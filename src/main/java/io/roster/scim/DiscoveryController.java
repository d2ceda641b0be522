package io.roster.scim;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.SchemaResource;

import io.roster.system.RosterProperties;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discovery endpoints (RFC 7644 section 4): ServiceProviderConfig, ResourceTypes and
 * Schemas. They advertise only what Roster does: PATCH, Bulk with the limits Roster
 * enforces, filters, sorting, ETags, and index and cursor paging (RFC 9865). Password
 * changes are not supported.
 */
@RestController
@RequestMapping(ScimWebConfiguration.BASE_PATH)
class DiscoveryController {

	private static final String SPC = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

	private static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

	private static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

	private static final List<SchemaResource> SCHEMAS = List.of(ScimSchemas.USER_SCHEMA,
			ScimSchemas.ENTERPRISE_USER_SCHEMA, ScimSchemas.ROSTER_USER_SCHEMA, ScimSchemas.GROUP_SCHEMA);

	private final ScimRequests requests;

	private final RosterProperties properties;

	DiscoveryController(ScimRequests requests, RosterProperties properties) {
		this.requests = requests;
		this.properties = properties;
	}

	@GetMapping("/ServiceProviderConfig")
	ResponseEntity<byte[]> serviceProviderConfig(HttpServletRequest request) {
		RosterProperties.Scim scim = this.properties.scim();
		ObjectNode config = ScimJson.object();
		config.putArray("schemas").add(SPC);
		config.putObject("patch").put("supported", true);
		config.putObject("bulk")
			.put("supported", true)
			.put("maxOperations", scim.bulkMaxOperations())
			.put("maxPayloadSize", scim.bulkMaxPayloadBytes());
		config.putObject("filter").put("supported", true).put("maxResults", scim.maxPageSize());
		config.putObject("changePassword").put("supported", false);
		config.putObject("sort").put("supported", true);
		config.putObject("etag").put("supported", true);
		ObjectNode pagination = config.putObject("pagination");
		pagination.put("cursor", true);
		pagination.put("index", true);
		pagination.put("defaultPaginationMethod", "index");
		pagination.put("defaultPageSize", scim.defaultPageSize());
		pagination.put("maxPageSize", scim.maxPageSize());
		ObjectNode bearer = config.putArray("authenticationSchemes").addObject();
		bearer.put("type", "oauthbearertoken");
		bearer.put("name", "OAuth Bearer Token");
		bearer.put("description", "A SCIM token of the company, sent as 'Authorization: Bearer <token>'");
		bearer.put("primary", true);
		ObjectNode meta = config.putObject("meta");
		meta.put("resourceType", "ServiceProviderConfig");
		meta.put("location", this.requests.baseUrl(request) + "/ServiceProviderConfig");
		return ScimResponses.ok(config);
	}

	@GetMapping("/ResourceTypes")
	ResponseEntity<byte[]> resourceTypes(HttpServletRequest request) {
		List<ObjectNode> types = List.of(userType(request), groupType(request));
		return ScimResponses.ok(ListResponses.of(types.size(), 1, types));
	}

	@GetMapping("/ResourceTypes/{name}")
	ResponseEntity<byte[]> resourceType(HttpServletRequest request, @PathVariable String name) throws ScimException {
		if (name.equals("User")) {
			return ScimResponses.ok(userType(request));
		}
		if (name.equals("Group")) {
			return ScimResponses.ok(groupType(request));
		}
		throw new ResourceNotFoundException("Resource type " + name + " not found; Roster serves User and Group");
	}

	@GetMapping("/Schemas")
	ResponseEntity<byte[]> schemas(HttpServletRequest request) {
		List<ObjectNode> schemas = SCHEMAS.stream().map((schema) -> schema(request, schema)).toList();
		return ScimResponses.ok(ListResponses.of(schemas.size(), 1, schemas));
	}

	@GetMapping("/Schemas/{id}")
	ResponseEntity<byte[]> schema(HttpServletRequest request, @PathVariable String id) throws ScimException {
		for (SchemaResource schema : SCHEMAS) {
			if (schema.getId().equals(id)) {
				return ScimResponses.ok(schema(request, schema));
			}
		}
		throw new ResourceNotFoundException("Schema " + id + " not found");
	}

	private ObjectNode schema(HttpServletRequest request, SchemaResource schema) {
		ObjectNode node = (ObjectNode) ScimJson.toNode(schema);
		ArrayNode schemas = node.putArray("schemas");
		schemas.add(SCHEMA);
		ObjectNode meta = node.putObject("meta");
		meta.put("resourceType", "Schema");
		meta.put("location", this.requests.baseUrl(request) + "/Schemas/" + schema.getId());
		return node;
	}

	private ObjectNode userType(HttpServletRequest request) {
		ObjectNode type = resourceType(request, "User", "/Users", ScimSchemas.USER, "A colleague");
		ArrayNode extensions = type.putArray("schemaExtensions");
		extensions.addObject().put("schema", ScimSchemas.ENTERPRISE_USER).put("required", false);
		extensions.addObject().put("schema", ScimSchemas.ROSTER_USER).put("required", false);
		return type;
	}

	private ObjectNode groupType(HttpServletRequest request) {
		return resourceType(request, "Group", "/Groups", ScimSchemas.GROUP, "A team");
	}

	private ObjectNode resourceType(HttpServletRequest request, String name, String endpoint, String schema,
			String description) {
		ObjectNode type = ScimJson.object();
		type.putArray("schemas").add(RESOURCE_TYPE);
		type.put("id", name);
		type.put("name", name);
		type.put("endpoint", endpoint);
		type.put("description", description);
		type.put("schema", schema);
		ObjectNode meta = type.putObject("meta");
		meta.put("resourceType", "ResourceType");
		meta.put("location", this.requests.baseUrl(request) + "/ResourceTypes/" + name);
		return type;
	}

}
