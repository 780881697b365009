package com.sudamall.chat.message;

import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What every way of posting a message answers, for the API docs: 201 sent, 200 for a repeated {@code client_msg_id},
 * 202 when a pre-moderated room holds it, and the refusals any message can meet. An operation adds its own codes
 * with {@link Problems}; {@link SentAnswer} gives the status that goes with a send's outcome.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Problems({
    ErrorCode.NOT_PARTICIPANT,
    ErrorCode.EMPTY_CONTENT,
    ErrorCode.MESSAGE_TOO_LONG,
    ErrorCode.BLOCKED_CONTENT,
    ErrorCode.BLOCKED,
    ErrorCode.MUTED,
    ErrorCode.ROOM_INACTIVE,
    ErrorCode.RATE_LIMITED
})
@ApiResponse(responseCode = "201", description = "Sent", useReturnTypeSchema = true)
@ApiResponse(
        responseCode = "200",
        description = "The first message with this client_msg_id (a repeat)",
        useReturnTypeSchema = true)
@ApiResponse(
        responseCode = "202",
        description = "Held for moderation: seq is null until approved",
        useReturnTypeSchema = true)
public @interface SendAnswers {}
