/**
 * Files and images: uploads streamed to a size limit, typed by their content (Apache Tika) against the allowed list,
 * images re-encoded without their metadata and thumbnailed, stored on the filesystem or in S3-compatible storage
 * under random keys, downloaded by participants of their room only, and swept when never sent or when their message
 * is gone.
 */
@NullMarked
package com.sudamall.chat.attachment;

import org.jspecify.annotations.NullMarked;
