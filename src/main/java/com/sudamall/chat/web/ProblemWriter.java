package com.sudamall.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the problem+json body of API.md ({@code type, title, status, detail, error, code} and, for validation
 * errors, {@code fields}), and writes it from places outside Spring MVC such as security filters.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** The problem body for a code, a detail and optional field errors. */
    public static ProblemDetail problem(ErrorCode code, String detail, Map<String, String> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create("urn:sudamall:chat:problem:" + code.code()));
        problem.setTitle(code.title());
        problem.setProperty("error", detail);
        problem.setProperty("code", code.code());
        if (!fields.isEmpty()) {
            problem.setProperty("fields", fields);
        }
        return problem;
    }

    /**
     * Writes the problem as the whole response, for filters that answer before a controller is reached; its {@code
     * instance} is the request's path, as Spring MVC's answers have it.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        ProblemDetail problem = problem(code, detail, Map.of());
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException malformed) {
            // a path that is not a URI (the answer to it says so) has no instance to name
        }
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
