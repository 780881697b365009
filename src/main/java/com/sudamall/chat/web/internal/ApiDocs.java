package com.sudamall.chat.web.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sudamall.chat.web.ApiProblems;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;

/**
 * The OpenAPI document at {@code /v3/api-docs}: named, with the JSON field names the service really reads and
 * writes (snake_case), and with every operation's error answers and their codes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    @Bean
    OpenAPI chatOpenApi() {
        String version = ApiDocs.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Sudamall Chat API")
                        .version(version == null ? "dev" : version)
                        .description("REST side of Sudamall Chat. The WebSocket protocol, limits and error codes"
                                + " are in docs/API.md; errors are application/problem+json with a stable `code`."))
                .components(new Components().addSchemas(ApiProblems.SCHEMA, ApiProblems.problemSchema()));
    }

    /**
     * Schemas named as Jackson writes them: the service is configured for snake_case, which the swagger model
     * converters do not read from Spring's mapper.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /**
     * The errors every operation can answer with, derived from what it takes, plus the codes its handler names with
     * {@link Problems}.
     */
    @Bean
    OperationCustomizer problemAnswers() {
        return (operation, handler) -> {
            List<ErrorCode> codes = new ArrayList<>();
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            boolean body = operation.getRequestBody() != null;
            if (body || parameters.stream().anyMatch(p -> "query".equals(p.getIn()))) {
                codes.add(ErrorCode.VALIDATION_FAILED);
            }
            if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
                // an id that names nothing is not found; one no id can be (a NUL, a user id too long) is bad input
                codes.add(ErrorCode.VALIDATION_FAILED);
                codes.add(ErrorCode.NOT_FOUND);
            }
            if (body) {
                codes.add(ErrorCode.PAYLOAD_TOO_LARGE);
                codes.add(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            }
            // on the handler and on the annotations it carries (a composed one names the codes many handlers share)
            MergedAnnotations.from(handler.getMethod()).stream(Problems.class)
                    .forEach(named -> codes.addAll(Arrays.asList(named.getEnumArray("value", ErrorCode.class))));
            codes.add(ErrorCode.UNAVAILABLE);
            ApiProblems.document(operation, codes);
            return operation;
        };
    }

    /**
     * A required form field of a multipart upload stays required: springdoc moves {@code @RequestParam}s into the
     * form schema but keeps only the file parts' {@code required}.
     */
    @Bean
    OperationCustomizer requiredFormFields() {
        return (operation, handler) -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return operation;
            }
            var form = operation.getRequestBody().getContent().get("multipart/form-data");
            if (form == null || form.getSchema() == null || form.getSchema().getProperties() == null) {
                return operation;
            }
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null || !param.required() || !ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
                    continue;
                }
                String name = param.value().isEmpty() ? parameter.getParameterName() : param.value();
                List<String> required = form.getSchema().getRequired();
                if (form.getSchema().getProperties().containsKey(name)
                        && (required == null || !required.contains(name))) {
                    form.getSchema().addRequiredItem(name);
                }
            }
            return operation;
        };
    }
}
