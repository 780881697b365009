package com.sudamall.chat.room;

import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.util.UUID;

/** The room does not exist or the caller may not see it: the same answer, so a room's existence never leaks. */
public class RoomNotFoundException extends ChatException {

    public RoomNotFoundException(UUID roomId) {
        super(ErrorCode.NOT_FOUND, "Room not found");
    }
}
