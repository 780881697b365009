package com.sudamall.chat.notification.internal;

import com.sudamall.chat.identity.UserProfile;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.notification.internal.MissedMessages.Preview;
import com.sudamall.chat.notification.internal.MissedMessages.RoomUnread;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a missed-message alert by e-mail, after the scan's transaction commits. A failure (the SMTP server down)
 * throws, which leaves the alert failed in the registry for {@link OutboxRetry}. The alert's id is the e-mail's
 * {@code Message-ID}: should a crash fall between the server's acceptance and the registry's record of it, the
 * retry is the same e-mail, which mail servers and clients recognise.
 */
@Component
class AlertMailer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'");
    private static final int QUOTE_LENGTH = 200;

    private final ObjectProvider<JavaMailSender> mail;
    private final AlertProperties properties;
    private final UserService users;

    AlertMailer(ObjectProvider<JavaMailSender> mail, AlertProperties properties, UserService users) {
        this.mail = mail;
        this.properties = properties;
        this.users = users;
    }

    @Async
    @TransactionalEventListener
    void on(MissedMessages alert) {
        JavaMailSender sender = mail.getIfAvailable();
        // asked again at sending time: a retry may come after an opt-out, a new address or an erasure
        UserProfile user = users.find(alert.user().id()).orElse(null);
        if (sender == null
                || user == null
                || user.erased()
                || !user.emailAlerts()
                || user.email() == null
                || user.email().isBlank()) {
            return;
        }
        try {
            MimeMessage message = messageWithId(sender, "<" + alert.alertId() + "@sudamall-chat>");
            MimeMessageHelper mime = new MimeMessageHelper(message, "UTF-8");
            mime.setFrom(properties.from());
            mime.setTo(user.email());
            mime.setSubject(subject(alert));
            mime.setText(text(alert));
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
    }

    private static MimeMessage messageWithId(JavaMailSender sender, String messageId) {
        Session session = sender instanceof JavaMailSenderImpl impl
                ? impl.getSession()
                : sender.createMimeMessage().getSession();
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    static String subject(MissedMessages alert) {
        long n = alert.unreadTotal();
        return "You have " + n + " unread message" + (n == 1 ? "" : "s") + " on Sudamall";
    }

    String text(MissedMessages alert) {
        StringBuilder text = new StringBuilder();
        String name = alert.user().name();
        text.append("Hi")
                .append(name == null || name.isBlank() ? "" : " " + name)
                .append(",\n\n");
        text.append("Messages are waiting for you:\n");
        for (RoomUnread room : alert.rooms()) {
            text.append("\n")
                    .append(room.name())
                    .append(" (")
                    .append(room.unread())
                    .append(" unread)\n");
            if (!room.mentionedBy().isEmpty()) {
                text.append("  ").append(String.join(", ", room.mentionedBy())).append(" mentioned you\n");
            }
            for (Preview preview : room.latest()) {
                text.append("  ")
                        .append(TIME.format(preview.sentAt().atOffset(ZoneOffset.UTC)))
                        .append("  ")
                        .append(preview.from())
                        .append(": ")
                        .append(preview.quoted(QUOTE_LENGTH))
                        .append("\n");
            }
        }
        if (properties.link() != null && !properties.link().isBlank()) {
            text.append("\nOpen the chat: ").append(properties.link()).append("\n");
        }
        text.append("\nYou get this e-mail because you were away. To stop these e-mails, turn off"
                + " \"E-mail me about missed messages\" in the chat's settings.\n");
        return text.toString();
    }
}
