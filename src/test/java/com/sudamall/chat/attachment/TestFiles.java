package com.sudamall.chat.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real files of each kind, made on the spot. */
final class TestFiles {

    /** The latitude in the JPEG's EXIF GPS block, as the bytes it is stored as. */
    static final byte[] GPS_LATITUDE = ByteBuffer.allocate(24)
            .putInt(48)
            .putInt(1)
            .putInt(51)
            .putInt(1)
            .putInt(2938)
            .putInt(100)
            .array();

    private TestFiles() {}

    static byte[] png(int width, int height) {
        return image(width, height, "png", BufferedImage.TYPE_INT_ARGB);
    }

    static byte[] jpeg(int width, int height) {
        return image(width, height, "jpeg", BufferedImage.TYPE_INT_RGB);
    }

    /** A camera photo: a JPEG with an EXIF block that says where it was taken. */
    static byte[] jpegWithGps(int width, int height) {
        byte[] jpeg = jpeg(width, height);
        byte[] tiff = exifWithGps();
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1); // APP1, right after SOI, where cameras put it
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A big-endian TIFF block: IFD0 pointing at a GPS IFD with GPSLatitudeRef N and GPSLatitude 48° 51' 29.38". */
    private static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(80);
        tiff.put("MM".getBytes(StandardCharsets.ISO_8859_1))
                .putShort((short) 42)
                .putInt(8);
        // IFD0 at 8: one entry, GPSInfo (0x8825) LONG → the GPS IFD at 26
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        // GPS IFD at 26: GPSLatitudeRef "N", GPSLatitude 3 RATIONALs at 56
        tiff.putShort((short) 2);
        tiff.putShort((short) 1)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.put(GPS_LATITUDE);
        return tiff.array();
    }

    static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A minimal Word document: a zip whose [Content_Types].xml names the WordprocessingML main part. */
    static byte[] docx() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                      <Default Extension="xml" ContentType="application/xml"/>
                      <Override PartName="/word/document.xml"
                        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                      <Relationship Id="rId1" Target="word/document.xml"
                        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                    </Relationships>""");
            entry(zip, "word/document.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                      <w:body><w:p><w:r><w:t>Invoice 1042</w:t></w:r></w:p></w:body>
                    </w:document>""");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The start of a Windows executable: "MZ", a DOS stub, and the PE header it points at. */
    static byte[] windowsExecutable() {
        ByteBuffer exe = ByteBuffer.allocate(1024);
        exe.put((byte) 'M').put((byte) 'Z');
        exe.position(0x3C);
        exe.put((byte) 0x80).put((byte) 0).put((byte) 0).put((byte) 0);
        exe.position(0x80);
        exe.put("PE\0\0".getBytes(StandardCharsets.ISO_8859_1));
        exe.putShort((short) 0x4C01);
        return exe.array();
    }

    /** A PNG signature and header, then garbage where the pixels should be. */
    static byte[] corruptPng() {
        byte[] png = png(64, 64);
        byte[] corrupt = new byte[200];
        System.arraycopy(png, 0, corrupt, 0, 40);
        for (int i = 40; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        return corrupt;
    }

    /**
     * A decompression bomb: a valid PNG header announcing {@code width} × {@code height} pixels, followed by a few
     * bytes of compressed zeros that would inflate to all of them.
     */
    static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
        header.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit grey
        chunk(out, "IHDR", header.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] compressed = new byte[1 << 16];
        int n = deflater.deflate(compressed);
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static byte[] image(int width, int height, String format, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage read(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
