package org.zuofeng.common.transparency;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** What the transparency log's endpoints answer. */
public final class TransparencyViews {

    /** The log's public key and its latest signed tree head (absent while nothing is sealed). */
    public record LogView(String algorithm, String keyId, String publicKey, TreeHeadView treeHead) {
    }

    /** A proof that the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public record ConsistencyView(long first, long second, List<String> proof) {
    }

    /** A proof that an audit event is the leaf {@code leafIndex} of the tree of {@code treeSize} leaves. */
    public record InclusionView(UUID auditEventId, long leafIndex, long treeSize, String leafHash, List<String> proof,
            TreeHeadView treeHead) {
    }

    private TransparencyViews() {
    }

    static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
