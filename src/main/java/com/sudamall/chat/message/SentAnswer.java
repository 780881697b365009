package com.sudamall.chat.message;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The HTTP answer to a send ({@link SendAnswers}): 201 new, 202 held for moderation, 200 a repeated client_msg_id. */
public final class SentAnswer {

    private SentAnswer() {}

    public static ResponseEntity<Message> of(MessageService.Sent sent) {
        HttpStatus status =
                !sent.isNew() ? HttpStatus.OK : sent.message().seq() == null ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(sent.message());
    }
}
