package com.sudamall.chat.web.internal;

import java.io.IOException;

/** Raised while reading a request body that grows past the JSON body limit. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
