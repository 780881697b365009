package com.sudamall.chat.attachment.internal;

import java.util.UUID;

/** Random object keys, fanned out over two directory levels so no directory (or S3 prefix) holds them all. */
final class StorageKeys {

    private StorageKeys() {}

    static String newKey() {
        String id = UUID.randomUUID().toString();
        return id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id;
    }

    static String thumbnailOf(String key) {
        return key + ".thumb";
    }
}
