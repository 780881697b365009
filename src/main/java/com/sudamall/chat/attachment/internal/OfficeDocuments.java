package com.sudamall.chat.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which Office Open XML document a zip is, from the content type its {@code [Content_Types].xml} gives the main part
 * (what Tika does with Apache POI, without POI). A macro-enabled document is its own type, so a {@code .docm} renamed
 * {@code .docx} is not a Word document.
 */
final class OfficeDocuments {

    /** Bigger than any real one; read no further (the zip may be hostile). */
    private static final int MAX_CONTENT_TYPES = 256 * 1024;

    private static final Map<String, String> MAIN_PARTS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "application/vnd.ms-word.document.macroEnabled.12",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.12");

    private OfficeDocuments() {}

    static Optional<String> typeOf(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry("[Content_Types].xml");
            if (entry == null) {
                return Optional.empty();
            }
            String types;
            try (InputStream in = file.getInputStream(entry)) {
                types = new String(in.readNBytes(MAX_CONTENT_TYPES), StandardCharsets.UTF_8);
            }
            return MAIN_PARTS.entrySet().stream()
                    .filter(part -> types.contains("\"" + part.getKey() + "\""))
                    .map(Map.Entry::getValue)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
