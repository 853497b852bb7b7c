package org.zuofeng.common.web;

import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.util.Base64;
import java.util.HexFormat;

/** The {@code Content-Digest} header (RFC 9530) of a body sent as bytes: its {@code sha-256} member. */
public final class ContentDigest {

    private ContentDigest() {
    }

    /** The header for content whose SHA-256 is {@code sha256} (hex): {@code sha-256=:<base64>:}. */
    public static String of(String sha256) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":";
    }

    /** The header for {@code content}. */
    public static String of(byte[] content) {
        return of(Digests.sha256Hex(content));
    }

    /** The SHA-256 of a {@code Content-Digest} dictionary such as {@code sha-256=:X48E9q…=:}, in hex. */
    public static String sha256Of(String header) {
        Text expectation = Text.of("field.contentDigest");
        if (header == null) {
            throw ProblemException.invalidParameter("Content-Digest", expectation);
        }
        for (String member : header.split(",")) {
            String[] pair = member.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("sha-256")) {
                String value = pair[1].trim();
                if (value.length() > 2 && value.startsWith(":") && value.endsWith(":")) {
                    try {
                        byte[] digest = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
                        if (digest.length == 32) {
                            return HexFormat.of().formatHex(digest);
                        }
                    } catch (IllegalArgumentException malformed) {
                        break;
                    }
                }
            }
        }
        throw ProblemException.invalidParameter("Content-Digest", expectation);
    }
}
