package com.sudamall.chat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request got back.
 *
 * @param method request method
 * @param path request path
 * @param status response status
 * @param headers response headers
 * @param body response body as text
 */
public record Reply(String method, String path, int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** Asserts the status and returns the JSON body. */
    public JsonNode expect(int expected) {
        assertThat(status).as("%s", this).isEqualTo(expected);
        return body.isEmpty() ? JSON.nullNode() : json();
    }

    /** Asserts an API.md problem: the status, problem+json, every field, and the code. */
    public JsonNode expectProblem(int expected, String code) {
        JsonNode problem = expect(expected);
        assertThat(headers.firstValue("content-type").orElse("")).as("%s", this).startsWith("application/problem+json");
        for (String field : new String[] {"type", "title", "detail", "error", "code"}) {
            assertThat(problem.path(field).isString())
                    .as("field %s in %s", field, this)
                    .isTrue();
        }
        assertThat(problem.path("status").asInt()).isEqualTo(expected);
        assertThat(problem.path("error").asString())
                .isEqualTo(problem.path("detail").asString());
        assertThat(problem.path("code").asString()).as("%s", this).isEqualTo(code);
        return problem;
    }

    @Override
    public String toString() {
        return method + " " + path + " → " + status + " " + (body.length() > 500 ? body.substring(0, 500) : body);
    }
}
