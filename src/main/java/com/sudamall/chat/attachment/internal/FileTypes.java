package com.sudamall.chat.attachment.internal;

import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a file is, from its bytes: Apache Tika's magic numbers, and for a zip the Office document it may be
 * ({@link OfficeDocuments}). The name is consulted only where the bytes cannot say more
 * (an OLE2 container: {@code .doc}, {@code .xls}...; plain text: {@code .csv}), and only to narrow what the bytes
 * said, so an executable named {@code .png} is an executable and a zip named {@code .docx} is a zip. Bytes with no
 * signature at all are refused: every allowed type has one.
 */
@Component
class FileTypes {

    /** Types whose bytes say too little, so the name may narrow them. */
    private static final Set<String> OPAQUE = Set.of("application/x-tika-msoffice", "text/plain");

    /** What Tika's magic calls a zip: any zip, and one that starts with an Office content-types part. */
    private static final Set<String> ZIPS = Set.of("application/zip", "application/x-tika-ooxml");

    private final Tika tika = new Tika();
    private final MimeTypes registry = MimeTypes.getDefaultMimeTypes();
    private final Set<String> allowed;
    private final List<String> allowedExtensions;

    FileTypes(AttachmentProperties properties) {
        this.allowedExtensions = properties.allowedTypes();
        this.allowed = allowedExtensions.stream()
                .map(extension -> tika.detect("file." + extension))
                .filter(type -> !type.equals(MediaType.OCTET_STREAM.toString()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The detected content type, if it is on the allowed list; otherwise 415 {@code file_type_not_allowed}. */
    String requireAllowed(Path file, String name) throws IOException {
        String fromBytes = detect(file, null);
        if (ZIPS.contains(fromBytes)) {
            fromBytes = OfficeDocuments.typeOf(file).orElse(fromBytes);
        }
        String type = OPAQUE.contains(fromBytes) ? detect(file, name) : fromBytes;
        if (!allowed.contains(type)) {
            throw new ChatException(
                    ErrorCode.FILE_TYPE_NOT_ALLOWED,
                    "This file is " + describe(type) + "; allowed: " + String.join(", ", allowedExtensions));
        }
        return type;
    }

    /** The name, with the extension of its detected type unless it already has one of that type's extensions. */
    String nameFor(String name, String type) {
        try {
            MimeType mime = registry.forName(type);
            List<String> extensions = mime.getExtensions();
            if (extensions.isEmpty() || extensions.contains("." + FileNames.extension(name))) {
                return name;
            }
            return FileNames.withExtension(name, mime.getExtension());
        } catch (MimeTypeException e) {
            return name;
        }
    }

    private String detect(Path file, @Nullable String name) throws IOException {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return tika.getDetector().detect(in, metadata).getBaseType().toString();
        }
    }

    private static String describe(String type) {
        return type.equals(MediaType.OCTET_STREAM.toString()) ? "of an unknown type" : type;
    }
}
