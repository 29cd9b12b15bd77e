package io.socialmall.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends JSON requests to the API through MockMvc, as a client with a bearer token would. */
@TestComponent
public class TestApi {

	private final MockMvc mvc;
	private final JsonMapper json;

	TestApi(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	public Request get(String path, Object... vars) {
		return new Request(HttpMethod.GET, path, vars);
	}

	public Request post(String path, Object... vars) {
		return new Request(HttpMethod.POST, path, vars);
	}

	public Request put(String path, Object... vars) {
		return new Request(HttpMethod.PUT, path, vars);
	}

	public Request patch(String path, Object... vars) {
		return new Request(HttpMethod.PATCH, path, vars);
	}

	public Request delete(String path, Object... vars) {
		return new Request(HttpMethod.DELETE, path, vars);
	}

	public JsonMapper json() {
		return json;
	}

	public final class Request {

		private final HttpMethod method;
		private final String path;
		private final Object[] vars;
		private final Map<String, String> headers = new LinkedHashMap<>();
		private String body;
		private String contentType = MediaType.APPLICATION_JSON_VALUE;

		Request(HttpMethod method, String path, Object[] vars) {
			this.method = method;
			this.path = path;
			this.vars = vars;
		}

		public Request token(String token) {
			if (token != null) {
				headers.put("Authorization", "Bearer " + token);
			}
			return this;
		}

		public Request header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		public Request idempotencyKey(String key) {
			return header("Idempotency-Key", key);
		}

		public Request json(Object value) {
			this.body = value instanceof String s ? s : json.writeValueAsString(value);
			return this;
		}

		public Request raw(String body, String contentType) {
			this.body = body;
			this.contentType = contentType;
			return this;
		}

		public Response send() {
			MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(method, path, vars)
				.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
			headers.forEach(builder::header);
			if (body != null) {
				builder.contentType(contentType).content(body);
			}
			try {
				return new Response(mvc.perform(builder).andReturn().getResponse(), json);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/** A response: its status, headers and JSON body. */
	public record Response(MockHttpServletResponse raw, JsonMapper mapper) {

		public int status() {
			return raw.getStatus();
		}

		public String header(String name) {
			return raw.getHeader(name);
		}

		public String text() {
			try {
				return raw.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (java.io.UnsupportedEncodingException e) {
				throw new IllegalStateException(e);
			}
		}

		public JsonNode json() {
			String text = text();
			return text.isEmpty() ? mapper.nullNode() : mapper.readTree(text);
		}

		/** The value at a JSON pointer such as {@code /items/0/id}. */
		public JsonNode at(String pointer) {
			return json().at(pointer);
		}

		public long id() {
			return json().get("id").asLong();
		}

		public Response expect(int status) {
			if (status() != status) {
				throw new AssertionError("expected HTTP " + status + " but got " + status() + ": " + text());
			}
			return this;
		}
	}
}
