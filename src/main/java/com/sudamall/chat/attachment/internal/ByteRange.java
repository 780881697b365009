package com.sudamall.chat.attachment.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The one byte range of a {@code Range} request header this service honours (RFC 9110 §14). A header it does not
 * understand, several ranges, or an {@code If-Range} that no longer matches means the whole file, which the RFC
 * allows a server to send instead.
 *
 * @param start first byte
 * @param end last byte (inclusive); below {@code start} when nothing of the file is in the range
 */
record ByteRange(long start, long end) {

    static @Nullable ByteRange of(@Nullable String header, @Nullable String ifRange, String etag, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        if (ifRange != null && !ifRange.equals(etag)) {
            return null;
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                // a suffix: the last N bytes
                long suffix = Long.parseLong(last);
                return suffix <= 0
                        ? new ByteRange(size, size - 1)
                        : new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start < 0 || (!last.isEmpty() && Long.parseLong(last) < start)) {
                return null;
            }
            return new ByteRange(start, start >= size ? start - 1 : end);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether an {@code If-None-Match} header names this entity tag (or is {@code *}). */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    boolean satisfiable() {
        return end >= start;
    }

    long length() {
        return end - start + 1;
    }

    String contentRange(long size) {
        return "bytes " + start + "-" + end + "/" + size;
    }
}
