package com.sudamall.chat.notification.internal;

/**
 * A missed-message alert to push to the user's browsers. Its own event, beside the alert itself, so that the event
 * publication registry keeps and retries the pushes apart from the e-mail: a node retries it only if it has VAPID
 * keys, as it retries e-mail only if it has an SMTP server.
 */
record BrowserAlert(MissedMessages alert) {}
