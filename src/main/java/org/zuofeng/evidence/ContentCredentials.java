package org.zuofeng.evidence;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Whether a capture carries a C2PA manifest store (Content Credentials), found where the C2PA specification embeds
 * one: a JPEG's APP11 segments (JUMBF, labelled {@code c2pa}), a PNG's {@code caBX} chunk, an ISO BMFF file's (MP4,
 * QuickTime, HEIC) top-level {@code uuid} box of the C2PA UUID. Only its presence is reported: the manifest is kept
 * with the file, byte for byte, but not verified, since no Java library verifies C2PA yet. The walk reads headers
 * only, skipping what lies between them, and stops after a bounded number of them.
 */
final class ContentCredentials {

    private static final int MAX_PARTS = 4096;
    private static final byte[] C2PA_UUID = HexFormat.of().parseHex("d8fec3d61b0e483c92975828877ec481");
    private static final byte[] C2PA_LABEL = "c2pa".getBytes(StandardCharsets.US_ASCII);

    private ContentCredentials() {
    }

    /** Whether the content, of the (sniffed) {@code mediaType}, embeds a C2PA manifest store. */
    static boolean present(InputStream content, String mediaType) throws IOException {
        DataInputStream in = new DataInputStream(content);
        try {
            return switch (mediaType) {
                case "image/jpeg" -> inJpeg(in);
                case "image/png" -> inPng(in);
                case "image/heic", "video/mp4", "video/quicktime" -> inBmff(in);
                default -> false;
            };
        } catch (EOFException truncated) {
            return false;
        }
    }

    private static boolean inJpeg(DataInputStream in) throws IOException {
        in.skipNBytes(2);
        for (int part = 0; part < MAX_PARTS; part++) {
            int marker = in.readUnsignedShort();
            if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                return false;
            }
            int length = in.readUnsignedShort() - 2;
            if (length < 0) {
                return false;
            }
            if (marker == 0xFFEB) {
                byte[] segment = in.readNBytes(length);
                if (indexOf(segment, C2PA_LABEL) >= 0) {
                    return true;
                }
            } else {
                in.skipNBytes(length);
            }
        }
        return false;
    }

    private static boolean inPng(DataInputStream in) throws IOException {
        in.skipNBytes(8);
        for (int part = 0; part < MAX_PARTS; part++) {
            long length = Integer.toUnsignedLong(in.readInt());
            String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            if (type.equals("caBX")) {
                return true;
            }
            if (type.equals("IEND")) {
                return false;
            }
            in.skipNBytes(length + 4);
        }
        return false;
    }

    private static boolean inBmff(DataInputStream in) throws IOException {
        for (int part = 0; part < MAX_PARTS; part++) {
            long size = Integer.toUnsignedLong(in.readInt());
            String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            long header = 8;
            if (size == 1) {
                size = in.readLong();
                header = 16;
            }
            if (type.equals("uuid")) {
                if (Arrays.equals(in.readNBytes(16), C2PA_UUID)) {
                    return true;
                }
                header += 16;
            }
            if (size == 0) {
                return false;
            }
            if (size < header) {
                return false;
            }
            in.skipNBytes(size - header);
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
