package com.sudamall.chat.web.internal;

import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Outages;
import com.sudamall.chat.web.ProblemWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every failure into API.md's problem+json: {@link ChatException}s with their own code, Spring MVC's
 * framework errors with the code of their status, and anything unexpected into a logged 500 without details.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ChatException.class)
    ResponseEntity<Object> chat(ChatException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.retryAfterSeconds() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return respond(e.code(), e.getMessage(), e.fields(), headers);
    }

    private ResponseEntity<Object> databaseUnavailable(Exception e) {
        Outages.logRefusal(log, "request refused", e);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return respond(ErrorCode.UNAVAILABLE, "The service is temporarily unavailable", Map.of(), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (Outages.isOutage(e)) {
            return databaseUnavailable(e);
        }
        log.error("unexpected error", e);
        return respond(ErrorCode.INTERNAL_ERROR, "Internal error", Map.of(), new HttpHeaders());
    }

    /** A body that is not well-formed multipart (a size overrun has its own answer below). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException e) {
        return respond(
                ErrorCode.VALIDATION_FAILED,
                "The request body is not valid multipart/form-data",
                Map.of(),
                new HttpHeaders());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // refused while it streamed in: the rest of the body is never read (Tomcat closes the connection)
        return respond(ErrorCode.FILE_TOO_LARGE, "The upload is larger than the file size limit", Map.of(), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException m
                && m.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // A path id that is not a UUID names nothing that exists: 404, as API.md says.
            return respond(ErrorCode.NOT_FOUND, "Not found", Map.of(), headers);
        }
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        // digits too many for the number type are a number out of range, not a word where a number belongs
        String problem = e.getValue() instanceof String given
                        && given.strip().matches("[+-]?\\d+")
                        && e.getRequiredType() != null
                        && Number.class.isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(e.getRequiredType()))
                ? "is out of range"
                : "has the wrong type";
        return respond(ErrorCode.VALIDATION_FAILED, name + " " + problem, Map.of(name, problem), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return required(e.getParameterName(), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return required(e.getRequestPartName(), headers);
    }

    private static ResponseEntity<Object> required(String name, HttpHeaders headers) {
        return respond(ErrorCode.VALIDATION_FAILED, name + " is required", Map.of(name, "is required"), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causeOf(e, BodyTooLargeException.class) != null) {
            return respond(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large", Map.of(), headers);
        }
        JacksonException jackson = causeOf(e, JacksonException.class);
        if (jackson == null || jackson instanceof StreamReadException) {
            return respond(ErrorCode.VALIDATION_FAILED, "The request body is not valid JSON", Map.of(), headers);
        }
        String field = fieldOf(jackson);
        if (field == null) {
            return respond(ErrorCode.VALIDATION_FAILED, "The request body has the wrong shape", Map.of(), headers);
        }
        return respond(
                ErrorCode.VALIDATION_FAILED,
                field + " has the wrong type",
                Map.of(field, "has the wrong type"),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail()
                : HttpStatus.valueOf(status.value()).getReasonPhrase();
        return respond(ErrorCode.forStatus(status.value()), detail, Map.of(), headers);
    }

    private static ResponseEntity<Object> respond(
            ErrorCode code, String detail, Map<String, String> fields, HttpHeaders headers) {
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.remove(HttpHeaders.CONTENT_TYPE);
        return ResponseEntity.status(code.status()).headers(out).body(ProblemWriter.problem(code, detail, fields));
    }

    private static @Nullable String fieldOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
