/**
 * Link previews: the card (title, description, image, site name) of the first outside link of a message, fetched
 * server-side by a guarded client that reaches only public addresses on ports 80 and 443, parsed with jsoup, its
 * image re-encoded from pixels; kept per URL so a link shared a thousand times is fetched once.
 */
@NullMarked
package com.sudamall.chat.preview;

import org.jspecify.annotations.NullMarked;
