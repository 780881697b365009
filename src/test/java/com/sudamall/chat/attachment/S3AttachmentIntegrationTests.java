package com.sudamall.chat.attachment;

import com.sudamall.chat.support.S3Server;
import java.util.Set;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Files in S3-compatible storage: a real S3 server (S3Proxy) on loopback, path-style, with signed requests. */
class S3AttachmentIntegrationTests extends AttachmentContract {

    private static final S3Server S3 = S3Server.start();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("chat.files.storage", () -> "s3");
        registry.add("chat.files.s3.endpoint", S3::endpoint);
        registry.add("chat.files.s3.path-style", () -> "true");
        registry.add("chat.files.s3.bucket", () -> "chat-test");
        registry.add("chat.files.s3.prefix", () -> "files/");
        registry.add("chat.files.s3.access-key", () -> S3Server.ACCESS_KEY);
        registry.add("chat.files.s3.secret-key", () -> S3Server.SECRET_KEY);
    }

    @Override
    protected Set<String> storedObjects() {
        return S3.keys("chat-test");
    }
}
