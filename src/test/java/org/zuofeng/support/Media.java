package org.zuofeng.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;

/** Small synthetic files whose first bytes are those of real JPEG, PNG, HEIC, MP4, QuickTime and PDF files. */
public final class Media {

    private Media() {
    }

    public static byte[] jpeg(int size) {
        return withHead(size, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I',
                'F', 0});
    }

    public static byte[] png(int size) {
        return withHead(size, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I',
                'H', 'D', 'R'});
    }

    public static byte[] heic(int size) {
        return withHead(size, ftyp("heic", "mif1heic"));
    }

    public static byte[] mp4(int size) {
        return withHead(size, ftyp("isom", "isomiso2mp41"));
    }

    public static byte[] quicktime(int size) {
        return withHead(size, ftyp("qt  ", "qt  "));
    }

    public static byte[] pdf(int size) {
        return withHead(size, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An ISO base media file type box, as MP4, QuickTime and HEIC files begin. */
    public static byte[] ftyp(String brand, String compatible) {
        byte[] box = new byte[16 + compatible.length()];
        box[3] = (byte) box.length;
        System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, box, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, box, 8, 4);
        System.arraycopy(compatible.getBytes(StandardCharsets.US_ASCII), 0, box, 16, compatible.length());
        return box;
    }

    /** The {@code Content-Digest} header of these bytes. */
    public static String digest(byte[] content) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(content)) + ":";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code size} pseudo-random bytes that begin with {@code head}. */
    public static byte[] withHead(int size, byte[] head) {
        byte[] content = new byte[Math.max(size, head.length)];
        new Random(size * 31L + head[0]).nextBytes(content);
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }
}
