package org.zuofeng.common.transparency;

import org.zuofeng.common.time.Times;

import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * A signed tree head as the API shows it: the signature (base64) covers RFC 9162's TreeHeadDataV2 of
 * {@code timestamp} (in milliseconds), {@code treeSize} and {@code rootHash} (base64).
 */
public record TreeHeadView(long treeSize, String rootHash, OffsetDateTime timestamp, long timestampMillis,
        String keyId, String signature) {

    static TreeHeadView of(TreeHeads.TreeHead head) {
        return new TreeHeadView(head.treeSize(), Base64.getEncoder().encodeToString(head.rootHash()),
                Times.toWire(head.timestamp()), head.timestamp().toEpochMilli(), head.keyId(),
                Base64.getEncoder().encodeToString(head.signature()));
    }
}
