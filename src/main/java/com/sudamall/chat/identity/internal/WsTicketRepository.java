package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.Role;
import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WsTicketRepository {

    private final JdbcClient jdbc;

    WsTicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String ticketHash, CurrentUser user, Instant expiresAt) {
        jdbc.sql("INSERT INTO ws_tickets (ticket_hash, user_id, roles, expires_at) VALUES (:hash, :user, :roles, :at)")
                .param("hash", ticketHash)
                .param("user", user.id())
                .param("roles", String.join(",", Role.wireNames(user.roles())))
                .param("at", Timestamps.param(expiresAt))
                .update();
    }

    /** The ticket's user if it is unexpired; the ticket is deleted either way, and only one caller wins the delete. */
    public Optional<CurrentUser> take(String ticketHash, Instant now) {
        Optional<Ticket> found = jdbc.sql("SELECT user_id, roles, expires_at FROM ws_tickets WHERE ticket_hash = :hash")
                .param("hash", ticketHash)
                .query((rs, row) -> new Ticket(
                        new CurrentUser(
                                rs.getString("user_id"),
                                Role.parse(Arrays.stream(rs.getString("roles").split(","))
                                        .filter(name -> !name.isEmpty())
                                        .toList())),
                        Timestamps.read(rs, "expires_at")))
                .optional();
        boolean won = jdbc.sql("DELETE FROM ws_tickets WHERE ticket_hash = :hash")
                        .param("hash", ticketHash)
                        .update()
                == 1;
        return found.filter(ticket -> won && ticket.expiresAt().isAfter(now)).map(Ticket::user);
    }

    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM ws_tickets WHERE expires_at < :now")
                .param("now", Timestamps.param(now))
                .update();
    }

    private record Ticket(CurrentUser user, Instant expiresAt) {}
}
