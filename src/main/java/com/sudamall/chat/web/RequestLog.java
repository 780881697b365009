package com.sudamall.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What a request's log line says of its caller, told by whoever authenticated them. The line is written after the
 * security chain has cleared its context, so the caller's id travels on the request instead.
 */
public final class RequestLog {

    private static final String USER = RequestLog.class.getName() + ".user";

    private RequestLog() {}

    /** Names the authenticated caller (a user id, or {@code platform} for the service key). */
    public static void user(HttpServletRequest request, String userId) {
        request.setAttribute(USER, userId);
    }

    /** The caller named for this request, if any was. */
    public static @Nullable String userOf(HttpServletRequest request) {
        return request.getAttribute(USER) instanceof String id ? id : null;
    }
}
