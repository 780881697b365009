package com.sudamall.chat.preview.internal;

import com.sudamall.chat.preview.LinkPreview;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Previews per URL, and which message shows which. */
@Repository
class PreviewRepository {

    /**
     * A URL's stored outcome.
     *
     * @param id the preview's id
     * @param found whether the URL gave a preview
     * @param fetchedAt when it was fetched
     */
    record Known(UUID id, boolean found, Instant fetchedAt) {}

    private static final String CARD = """
            p.id, p.title, p.description, p.site_name, p.image_type, p.image_width, p.image_height
            """;

    private final JdbcClient jdbc;

    PreviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Known> find(String url) {
        return jdbc.sql("SELECT id, found, fetched_at FROM link_previews WHERE url = :url")
                .param("url", url)
                .query((rs, n) -> new Known(
                        rs.getObject("id", UUID.class), rs.getBoolean("found"), Timestamps.read(rs, "fetched_at")))
                .optional();
    }

    /** Stores what a fetch of the URL gave, in place of what an earlier fetch gave (the id stays). */
    void save(UUID id, String url, @Nullable PageCard card, @Nullable PreviewPicture picture, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE link_previews
                           SET found = :found, title = :title, description = :description, site_name = :site,
                               image = :image, image_type = :imageType, image_width = :width,
                               image_height = :height, fetched_at = :at
                         WHERE id = :id
                        """).params(values(id, url, card, picture, at)).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO link_previews (id, url, found, title, description, site_name, image, image_type,
                                                       image_width, image_height, fetched_at)
                            VALUES (:id, :url, :found, :title, :description, :site, :image, :imageType, :width,
                                    :height, :at)
                            """).params(values(id, url, card, picture, at)).update();
        }
    }

    private static Map<String, @Nullable Object> values(
            UUID id, String url, @Nullable PageCard card, @Nullable PreviewPicture picture, Instant at) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("id", id);
        values.put("url", url);
        values.put("found", card != null);
        values.put("title", card == null ? null : card.title());
        values.put("description", card == null ? null : card.description());
        values.put("site", card == null ? null : card.siteName());
        values.put("image", picture == null ? null : picture.bytes());
        values.put("imageType", picture == null ? null : picture.type());
        values.put("width", picture == null ? null : picture.width());
        values.put("height", picture == null ? null : picture.height());
        values.put("at", Timestamps.param(at));
        return values;
    }

    /** Shows the preview with the message (once: a message has one preview, its first link's). */
    void attach(UUID messageId, UUID previewId) {
        jdbc.sql("DELETE FROM message_previews WHERE message_id = :messageId")
                .param("messageId", messageId)
                .update();
        jdbc.sql("INSERT INTO message_previews (message_id, preview_id) VALUES (:messageId, :previewId)")
                .param("messageId", messageId)
                .param("previewId", previewId)
                .update();
    }

    void detach(UUID messageId) {
        jdbc.sql("DELETE FROM message_previews WHERE message_id = :messageId")
                .param("messageId", messageId)
                .update();
    }

    /** The cards of the messages that have one, with the URL each message linked. */
    Map<UUID, LinkPreview> ofMessages(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, LinkPreview> cards = new HashMap<>();
        jdbc.sql("SELECT mp.message_id, p.url, " + CARD + """
                          FROM message_previews mp
                          JOIN link_previews p ON p.id = mp.preview_id
                         WHERE mp.message_id IN (:ids) AND p.found = TRUE
                        """)
                .param("ids", List.copyOf(messageIds))
                .query((RowCallbackHandler) rs -> cards.put(rs.getObject("message_id", UUID.class), card(rs)));
        return cards;
    }

    Optional<LinkPreview> card(UUID previewId) {
        return jdbc.sql("SELECT p.url, " + CARD + " FROM link_previews p WHERE p.id = :id AND p.found = TRUE")
                .param("id", previewId)
                .query((rs, n) -> card(rs))
                .optional();
    }

    Optional<StoredImage> picture(UUID previewId) {
        return jdbc.sql("SELECT image, image_type FROM link_previews WHERE id = :id AND image IS NOT NULL")
                .param("id", previewId)
                .query((rs, n) -> new StoredImage(rs.getBytes("image"), rs.getString("image_type")))
                .optional();
    }

    private static LinkPreview card(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String type = rs.getString("image_type");
        LinkPreview.Image image = type == null
                ? null
                : new LinkPreview.Image(
                        LinkPreview.Image.path(id), rs.getInt("image_width"), rs.getInt("image_height"));
        return new LinkPreview(
                rs.getString("url"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("site_name"),
                image);
    }
}
