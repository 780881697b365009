package com.sudamall.chat.attachment.internal;

import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Re-encodes an uploaded image from its pixels alone, so none of its metadata (EXIF GPS position, camera serial,
 * comments) reaches the other party, turned upright by its EXIF orientation first; and makes its thumbnail. The
 * image's size is read from its header before anything is decoded, and decoding is limited to a few at a time:
 * a small file can describe an enormous image.
 */
@Component
class ImageProcessor {

    /**
     * A processed image.
     *
     * @param image the re-encoded image
     * @param type its content type
     * @param width width after orientation
     * @param height height after orientation
     * @param thumbnail the thumbnail
     * @param thumbnailType the thumbnail's content type
     */
    record Processed(Path image, String type, int width, int height, Path thumbnail, String thumbnailType) {}

    private final long maxPixels;
    private final int thumbnailSize;
    private final Semaphore decoding =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    ImageProcessor(AttachmentProperties properties) {
        this.maxPixels = properties.maxImagePixels();
        this.thumbnailSize = properties.thumbnailSize();
    }

    Processed process(Path source, String type, Path workDir) throws IOException {
        requireDecodableSize(source);
        BufferedImage image;
        BufferedImage thumbnail;
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to decode an image", e);
        }
        try {
            image = Thumbnails.of(source.toFile()).scale(1.0).asBufferedImage();
            thumbnail = Math.max(image.getWidth(), image.getHeight()) > thumbnailSize
                    ? Thumbnails.of(image).size(thumbnailSize, thumbnailSize).asBufferedImage()
                    : image;
        } catch (IOException | RuntimeException e) {
            throw corrupt();
        } finally {
            decoding.release();
        }
        // JPEG stays JPEG and GIF stays GIF (as its first frame); anything else becomes PNG, which loses nothing
        String format = switch (type) {
            case "image/jpeg" -> "jpeg";
            case "image/gif" -> "gif";
            default -> "png";
        };
        String thumbnailFormat = format.equals("jpeg") ? "jpeg" : "png";
        Path imageFile = Files.createTempFile(workDir, "image-", "");
        Path thumbnailFile = Files.createTempFile(workDir, "thumb-", "");
        write(image, format, imageFile);
        write(thumbnail, thumbnailFormat, thumbnailFile);
        return new Processed(
                imageFile,
                "image/" + format,
                image.getWidth(),
                image.getHeight(),
                thumbnailFile,
                "image/" + thumbnailFormat);
    }

    private void requireDecodableSize(Path source) throws IOException {
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw corrupt();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw corrupt();
            } finally {
                reader.dispose();
            }
        }
        if ((long) width * height > maxPixels) {
            throw new ChatException(
                    ErrorCode.FILE_TOO_LARGE,
                    "The image is " + width + " × " + height + " pixels; at most " + maxPixels / 1_000_000
                            + " megapixels are accepted");
        }
    }

    private static void write(BufferedImage image, String format, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            BufferedImage pixels = image;
            if (format.equals("jpeg")) {
                pixels = opaque(image);
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
            }
            // no metadata argument: only what the format itself needs is written
            writer.write(null, new IIOImage(pixels, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** JPEG has no alpha channel: transparent pixels become white rather than garbled. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static ChatException corrupt() {
        return new ChatException(ErrorCode.INVALID_IMAGE, "The image could not be read: it is damaged or incomplete");
    }
}
