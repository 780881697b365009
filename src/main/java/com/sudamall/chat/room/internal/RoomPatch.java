package com.sudamall.chat.room.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sudamall.chat.room.ConversationChange;
import com.sudamall.chat.room.ConversationStatus;
import com.sudamall.chat.room.UpdateRoom;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH rooms/{id}/}: the room's settings and, in a conversation, its status, assignee and labels.
 * A field left out is left as it is; a class with setters rather than a record, because {@code "assignee": null}
 * (unassign) and no {@code assignee} at all mean different things.
 */
@Schema(name = "RoomPatch", description = "Any of the fields; those left out stay as they are")
class RoomPatch {

    private @Nullable String name;
    private @Nullable Boolean allowFileSharing;
    private @Nullable Boolean isModerated;
    private @Nullable String moderator;
    private @Nullable String status;
    private @Nullable Instant snoozedUntil;
    private boolean assigneeGiven;
    private @Nullable String assignee;
    private @Nullable List<String> labels;

    @JsonProperty("name")
    void setName(@Nullable String name) {
        this.name = name;
    }

    @JsonProperty("allow_file_sharing")
    void setAllowFileSharing(@Nullable Boolean allowFileSharing) {
        this.allowFileSharing = allowFileSharing;
    }

    @JsonProperty("is_moderated")
    void setIsModerated(@Nullable Boolean isModerated) {
        this.isModerated = isModerated;
    }

    @Schema(description = "The room's moderator (a user id); an empty string clears it")
    @JsonProperty("moderator")
    void setModerator(@Nullable String moderator) {
        this.moderator = moderator;
    }

    @Schema(
            description = "A conversation's status (customer_store and customer_support rooms; their team only)",
            allowableValues = {"open", "pending", "snoozed", "resolved"})
    @JsonProperty("status")
    void setStatus(@Nullable String status) {
        this.status = status;
    }

    @Schema(description = "Until when a snoozed conversation waits; alone, it snoozes the conversation")
    @JsonProperty("snoozed_until")
    void setSnoozedUntil(@Nullable Instant snoozedUntil) {
        this.snoozedUntil = snoozedUntil;
    }

    @Schema(description = "Who of the team handles the conversation (a user id); null unassigns it", nullable = true)
    @JsonProperty("assignee")
    void setAssignee(@Nullable String assignee) {
        this.assigneeGiven = true;
        this.assignee = assignee;
    }

    @Schema(description = "All the labels the conversation is to have (up to 20, each up to 50 characters)")
    @JsonProperty("labels")
    void setLabels(@Nullable List<String> labels) {
        this.labels = labels;
    }

    /** The settings part, or null when the body changes no setting. */
    @Nullable
    UpdateRoom settings() {
        if (name == null && allowFileSharing == null && isModerated == null && moderator == null) {
            return null;
        }
        return new UpdateRoom(name, allowFileSharing, isModerated, moderator);
    }

    /** The conversation part, or null when the body changes nothing of it. */
    @Nullable
    ConversationChange conversation() {
        ConversationChange change = new ConversationChange(
                status == null ? null : ConversationStatus.parse(status, "status"),
                snoozedUntil,
                assigneeGiven,
                assignee,
                labels);
        return change.isEmpty() ? null : change;
    }
}
