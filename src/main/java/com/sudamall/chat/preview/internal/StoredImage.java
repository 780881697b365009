package com.sudamall.chat.preview.internal;

/**
 * A preview image as stored: re-encoded, small.
 *
 * @param bytes the encoded image
 * @param type its content type
 */
record StoredImage(byte[] bytes, String type) {}
