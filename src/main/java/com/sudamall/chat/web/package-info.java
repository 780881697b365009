/**
 * The web conventions every module shares: the error vocabulary of API.md ({@link ErrorCode}, {@link
 * ChatException}), its problem+json rendering, timestamps, pagination parameters and request logging. Depends on
 * no other module.
 */
@NullMarked
package com.sudamall.chat.web;

import org.jspecify.annotations.NullMarked;
