package com.sudamall.chat.attachment.internal;

import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The storage {@code chat.files.storage} names. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    AttachmentStore attachmentStore(AttachmentProperties properties) throws IOException {
        return properties.storage().equals("s3")
                ? new S3AttachmentStore(properties.s3())
                : new FileSystemAttachmentStore(properties.dir());
    }
}
