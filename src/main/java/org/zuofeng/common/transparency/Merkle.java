package org.zuofeng.common.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1) with SHA-256: leaf and node hashes, the tree
 * head, inclusion and consistency proofs, and their verification. Hashes of ranges are built from the hashes of
 * perfect subtrees ({@link Nodes}), which the log keeps as it grows, so a proof reads O(log² n) stored nodes and
 * never a whole tree.
 */
public final class Merkle {

    /** The length of every hash: SHA-256. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    /**
     * The hashes of the perfect subtrees of a tree: at {@code level} k, {@code index} i, the subtree over the leaves
     * i·2^k up to (i+1)·2^k; level 0 holds the leaf hashes.
     */
    @FunctionalInterface
    public interface Nodes {
        byte[] perfect(int level, long index);
    }

    private Merkle() {
    }

    /** The hash of an empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH({d}) = SHA-256(0x00 || d). */
    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = sha256();
        digest.update(LEAF);
        return digest.digest(data);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE);
        digest.update(left);
        return digest.digest(right);
    }

    /** The root of the tree of the first {@code size} leaves. */
    public static byte[] root(Nodes nodes, long size) {
        return size == 0 ? emptyRoot() : hash(nodes, 0, size);
    }

    /** MTH(D[from:to]), from the perfect subtrees it is made of. */
    public static byte[] hash(Nodes nodes, long from, long to) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return nodes.perfect(Long.numberOfTrailingZeros(n), from / n);
        }
        long k = splitOf(n);
        return nodeHash(hash(nodes, from, from + k), hash(nodes, from + k, to));
    }

    /** PATH(index, D[0:size]): the audit path of a leaf, the sibling nearest the leaf first (RFC 9162 §2.1.3.1). */
    public static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(nodes, index, 0, size, path);
        return path;
    }

    private static void path(Nodes nodes, long index, long from, long to, List<byte[]> path) {
        if (to - from == 1) {
            return;
        }
        long k = splitOf(to - from);
        if (index - from < k) {
            path(nodes, index, from, from + k, path);
            path.add(hash(nodes, from + k, to));
        } else {
            path(nodes, index, from + k, to, path);
            path.add(hash(nodes, from, from + k));
        }
    }

    /** PROOF(first, D[0:second]): that the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public static List<byte[]> consistencyProof(Nodes nodes, long first, long second) {
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(nodes, first, 0, second, true, proof);
        return proof;
    }

    private static void subproof(Nodes nodes, long first, long from, long to, boolean complete, List<byte[]> proof) {
        if (first == to) {
            if (!complete) {
                proof.add(hash(nodes, from, to));
            }
            return;
        }
        long k = splitOf(to - from);
        if (first - from <= k) {
            subproof(nodes, first, from, from + k, complete, proof);
            proof.add(hash(nodes, from + k, to));
        } else {
            subproof(nodes, first, from + k, to, false, proof);
            proof.add(hash(nodes, from, from + k));
        }
    }

    /** Whether {@code proof} shows the leaf hash at {@code index} in the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(leafHash) || !wellFormed(root)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || !wellFormed(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code first} leaves with {@code firstRoot} is a prefix of the tree
     * of {@code second} leaves with {@code secondRoot} (RFC 9162 §2.1.4.2). A proof from the empty tree proves
     * nothing and is refused.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first <= 0 || first > second || firstRoot == null || secondRoot == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (!wellFormed(firstRoot) || !wellFormed(secondRoot)) {
            return false;
        }
        if (proof.isEmpty() || proof.stream().anyMatch(p -> !wellFormed(p))) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.addFirst(firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** The largest power of two below {@code n} (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
    static long splitOf(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == HASH_BYTES;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
