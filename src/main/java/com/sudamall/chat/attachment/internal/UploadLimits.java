package com.sudamall.chat.attachment.internal;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Multipart limits that follow {@code chat.files.max-size}: Tomcat counts a part's bytes as they stream in and stops
 * at the limit (a declared length over it is refused before reading), so an oversized upload is never buffered.
 * Parts over 64 KB wait on disk, not in the heap.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    /** Room for the form's other fields (room_id, content...) around the file. */
    private static final long FORM_OVERHEAD = DataSize.ofKilobytes(64).toBytes();

    @Bean
    MultipartConfigElement multipartConfigElement(AttachmentProperties properties) {
        long maxFile = properties.maxSize().toBytes();
        return new MultipartConfigElement("", maxFile, maxFile + FORM_OVERHEAD, (int)
                DataSize.ofKilobytes(64).toBytes());
    }
}
