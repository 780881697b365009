package com.sudamall.chat.web.internal;

import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The errors no controller answers: a URL the security firewall refuses (an encoded {@code %}, {@code /} or
 * {@code ..}), and whatever the container sends to {@code /error}. Both get API.md's problem+json with a code,
 * like every other error, instead of Spring Boot's default body.
 */
@Configuration(proxyBeanMethods = false)
class FallbackErrors {

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        // refused before the security filters run: their headers are set here
        return (request, response, rejected) -> {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
            problems.write(request, response, ErrorCode.VALIDATION_FAILED, "Malformed request URL");
        };
    }

    @RestController
    static class ErrorEndpoint implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            ErrorCode code = ErrorCode.forStatus(status instanceof Integer value ? value : 500);
            String detail = code == ErrorCode.INTERNAL_ERROR ? "Internal error" : code.title();
            return ResponseEntity.status(code.status())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemWriter.problem(code, detail, Map.of()));
        }
    }
}
