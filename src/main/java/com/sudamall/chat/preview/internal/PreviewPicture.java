package com.sudamall.chat.preview.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.jspecify.annotations.Nullable;

/**
 * A preview image as this service serves it: decoded from what the page's server sent and encoded anew from its
 * pixels (as uploads are), so nothing of the original file but its picture reaches a client; no larger than the
 * configured size; JPEG, or PNG when it has transparency. Its size is read from the header first: a small file can
 * describe an enormous image.
 *
 * @param bytes the encoded image
 * @param type its content type
 * @param width its width
 * @param height its height
 */
record PreviewPicture(byte[] bytes, String type, int width, int height) {

    static @Nullable PreviewPicture of(byte[] original, int maxSide, long maxPixels) {
        int[] size = size(original);
        if (size == null || (long) size[0] * size[1] > maxPixels) {
            return null;
        }
        try {
            Thumbnails.Builder<?> decoded = Thumbnails.of(new ByteArrayInputStream(original));
            // never enlarged: a small image stays its size
            BufferedImage image = (Math.max(size[0], size[1]) > maxSide
                            ? decoded.size(maxSide, maxSide).keepAspectRatio(true)
                            : decoded.scale(1.0))
                    .asBufferedImage();
            boolean alpha = image.getColorModel().hasAlpha();
            String format = alpha ? "png" : "jpeg";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(image)
                    .scale(1.0)
                    .outputFormat(format)
                    .outputQuality(0.85)
                    .toOutputStream(out);
            return new PreviewPicture(out.toByteArray(), "image/" + format, image.getWidth(), image.getHeight());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Width and height from the header, or null when no reader knows the format. */
    private static int @Nullable [] size(byte[] original) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
