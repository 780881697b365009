package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.WsTicketService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/chat/ws-ticket/}: a one-time ticket for opening a WebSocket. */
@RestController
@Tag(name = "realtime")
class WsTicketController {

    private final WsTicketService tickets;

    WsTicketController(WsTicketService tickets) {
        this.tickets = tickets;
    }

    record Ticket(String ticket, long expiresIn) {}

    @Operation(summary = "A one-time ticket for ?ticket= on a WebSocket URL, valid for 30 seconds")
    @PostMapping("/api/chat/ws-ticket")
    Ticket issue(CurrentUser user) {
        return new Ticket(tickets.issue(user), WsTicketService.TTL.toSeconds());
    }
}
