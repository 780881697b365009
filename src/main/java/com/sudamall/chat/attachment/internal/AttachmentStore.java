package com.sudamall.chat.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where file bytes live: the local filesystem (one node, or a shared volume) or S3-compatible object storage (any
 * number of nodes). Keys are random and made by the caller; a key is written once and never overwritten.
 */
interface AttachmentStore {

    /** Stores the file under the key; returns once the bytes are durable. */
    void put(String key, Path file, String contentType) throws IOException;

    /** Reads {@code length} bytes from {@code offset}. */
    InputStream open(String key, long offset, long length) throws IOException;

    /** Removes the object; a key that is already gone is not an error. */
    void delete(String key) throws IOException;
}
