package com.sudamall.chat.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Documents the problem+json answers of an operation: one response per status, whose {@code code} is one of the
 * listed codes. Clients generated from the document can switch on {@code code} without reading prose.
 */
public final class ApiProblems {

    /** The name of the problem+json schema in the document's components. */
    public static final String SCHEMA = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";

    private ApiProblems() {}

    /** Adds the codes to the operation's answers, next to any codes already there for the same status. */
    public static void document(Operation operation, Collection<ErrorCode> codes) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        for (ErrorCode code : codes) {
            String status = String.valueOf(code.status().value());
            ApiResponse response = operation.getResponses().computeIfAbsent(status, s -> problemResponse());
            if (response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null) {
                response.setContent(problemResponse().getContent());
            }
            List<String> known = codesOf(response);
            if (!known.contains(code.code())) {
                known.add(code.code());
                response.setDescription(describe(known));
            }
        }
    }

    /** The codes an operation documents for a status; empty when it documents none. */
    public static List<String> codes(Operation operation, int status) {
        ApiResponse response = operation.getResponses() == null
                ? null
                : operation.getResponses().get(String.valueOf(status));
        return response == null ? List.of() : List.copyOf(codesOf(response));
    }

    /** The shape every error answer has (RFC 9457 plus the seed's {@code error} and the stable {@code code}). */
    public static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An error (RFC 9457). `error` repeats `detail` for the seed's clients.")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new Schema<Integer>().type("integer"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("the request path"))
                .addProperty("error", new StringSchema())
                .addProperty("code", new StringSchema().description("stable, machine-readable"))
                .addProperty(
                        "fields",
                        new ObjectSchema()
                                .additionalProperties(new StringSchema())
                                .description("validation_failed only: what is wrong with each named field"));
    }

    private static ApiResponse problemResponse() {
        Schema<?> code = new StringSchema()._enum(new ArrayList<>());
        Schema<?> schema = new Schema<>()
                .allOf(List.of(
                        new Schema<>().$ref("#/components/schemas/" + SCHEMA),
                        new ObjectSchema().addProperty("code", code)));
        return new ApiResponse().content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> codesOf(ApiResponse response) {
        if (response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null) {
            return new ArrayList<>();
        }
        Schema<?> schema = response.getContent().get(PROBLEM_JSON).getSchema();
        Schema<String> code =
                (Schema<String>) schema.getAllOf().get(1).getProperties().get("code");
        return code.getEnum();
    }

    private static String describe(List<String> codes) {
        return "code: " + String.join(", ", codes);
    }
}
