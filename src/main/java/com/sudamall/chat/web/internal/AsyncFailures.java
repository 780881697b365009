package com.sudamall.chat.web.internal;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Failures of asynchronous after-commit work (a webhook refused, an SMTP server away) are expected and retried by the
 * event publication registry: one warning line each, the stack trace at debug level.
 */
@Configuration(proxyBeanMethods = false)
class AsyncFailures implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncFailures.class);

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (Throwable failure, Method method, Object... params) -> {
            log.warn(
                    "{}.{} failed, left for a retry: {}",
                    method.getDeclaringClass().getSimpleName(),
                    method.getName(),
                    failure.toString());
            log.debug("Stack trace", failure);
        };
    }
}
