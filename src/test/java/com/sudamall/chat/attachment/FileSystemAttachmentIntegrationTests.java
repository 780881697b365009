package com.sudamall.chat.attachment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Files on the local filesystem, the default storage. */
class FileSystemAttachmentIntegrationTests extends AttachmentContract {

    private static final Path DIR =
            Path.of("target", "test-files", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("chat.files.storage", () -> "filesystem");
        registry.add("chat.files.dir", DIR::toString);
    }

    @Override
    protected Set<String> storedObjects() throws Exception {
        if (!Files.exists(DIR)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> DIR.relativize(file).toString())
                    .collect(Collectors.toSet());
        }
    }
}
