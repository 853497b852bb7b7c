package org.zuofeng.common.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Merkle tree against the published test vectors of the transparency-dev project (the reference implementation
 * of RFC 6962/9162 that Certificate Transparency logs use): the roots of the trees of its eight leaf inputs, and
 * every inclusion and consistency case of its testdata, valid and mutated (src/test/resources/transparency).
 */
class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** transparency-dev/merkle testonly.LeafInputs(). */
    private static final List<String> LEAF_INPUTS = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** transparency-dev/merkle testonly.RootHashes(), by tree size from 0. */
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Perfect subtrees computed the slow way, straight from the leaf hashes (the reference). */
    private static Merkle.Nodes nodesOf(List<byte[]> leaves) {
        return (level, index) -> slowHash(leaves, index << level, (index + 1) << level);
    }

    private static byte[] slowHash(List<byte[]> leaves, long from, long to) {
        if (to - from == 1) {
            return leaves.get((int) from);
        }
        long k = Long.highestOneBit(to - from - 1);
        return Merkle.nodeHash(slowHash(leaves, from, from + k), slowHash(leaves, from + k, to));
    }

    private static List<byte[]> leaves() {
        return LEAF_INPUTS.stream().map(hex -> Merkle.leafHash(HEX.parseHex(hex))).toList();
    }

    private static JsonNode vectors() throws IOException {
        try (InputStream in = MerkleTest.class.getResourceAsStream("/transparency/merkle-vectors.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static byte[] base64(JsonNode value) {
        return value == null || value.isNull() ? null : Base64.getDecoder().decode(value.asText());
    }

    private static List<byte[]> proof(JsonNode proof) {
        List<byte[]> path = new ArrayList<>();
        if (proof != null && !proof.isNull()) {
            proof.forEach(p -> path.add(base64(p)));
        }
        return path;
    }

    @Test
    void theRootOfEachTreeOfTheReferenceLeavesIsThePublishedOne() {
        List<byte[]> leaves = leaves();
        for (int size = 0; size <= leaves.size(); size++) {
            assertEquals(ROOTS.get(size), HEX.formatHex(Merkle.root(nodesOf(leaves), size)), "size " + size);
        }
    }

    @Test
    void everyPublishedInclusionCaseIsJudgedAsItsAuthorsJudgeIt() throws IOException {
        JsonNode cases = vectors().get("inclusion");
        assertTrue(cases.size() > 90, "the vectors are all there");
        List<byte[]> leaves = leaves();
        for (JsonNode c : cases) {
            long index = c.get("leafIdx").asLong();
            long size = c.get("treeSize").asLong();
            boolean valid = Merkle.verifyInclusion(index, size, base64(c.get("leafHash")), proof(c.get("proof")),
                    base64(c.get("root")));
            assertEquals(!c.get("wantErr").asBoolean(), valid, c.get("file").asText());
            if (valid && size > 1 && size <= leaves.size() && c.get("file").asText().endsWith("happy-path.json")) {
                assertProofEquals(proof(c.get("proof")), Merkle.inclusionProof(nodesOf(leaves), index, size),
                        c.get("file").asText());
            }
        }
    }

    @Test
    void everyPublishedConsistencyCaseIsJudgedAsItsAuthorsJudgeIt() throws IOException {
        JsonNode cases = vectors().get("consistency");
        assertTrue(cases.size() > 90, "the vectors are all there");
        List<byte[]> leaves = leaves();
        for (JsonNode c : cases) {
            long first = c.get("size1").asLong();
            long second = c.get("size2").asLong();
            boolean valid = Merkle.verifyConsistency(first, second, base64(c.get("root1")), base64(c.get("root2")),
                    proof(c.get("proof")));
            assertEquals(!c.get("wantErr").asBoolean(), valid, c.get("file").asText());
            if (valid && first < second && second <= leaves.size()) {
                assertProofEquals(proof(c.get("proof")), Merkle.consistencyProof(nodesOf(leaves), first, second),
                        c.get("file").asText());
            }
        }
    }

    @Test
    void everyProofOfEveryTreeUpToFortyLeavesVerifiesAndATamperedOneDoesNot() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(Merkle.leafHash(("event " + i).getBytes()));
        }
        Merkle.Nodes nodes = nodesOf(leaves);
        for (long size = 1; size <= leaves.size(); size++) {
            byte[] root = Merkle.root(nodes, size);
            for (long index = 0; index < size; index++) {
                List<byte[]> path = Merkle.inclusionProof(nodes, index, size);
                assertTrue(Merkle.verifyInclusion(index, size, leaves.get((int) index), path, root));
                if (size > 1) {
                    assertFalse(Merkle.verifyInclusion(index, size, leaves.get((int) ((index + 1) % size)), path,
                            root), "another leaf at " + index + " of " + size);
                }
            }
            for (long first = 1; first < size; first++) {
                List<byte[]> proof = Merkle.consistencyProof(nodes, first, size);
                byte[] firstRoot = Merkle.root(nodes, first);
                assertTrue(Merkle.verifyConsistency(first, size, firstRoot, root, proof), first + " → " + size);
                byte[] forged = firstRoot.clone();
                forged[0] ^= 1;
                assertFalse(Merkle.verifyConsistency(first, size, forged, root, proof), "a rewritten prefix");
            }
        }
    }

    private static void assertProofEquals(List<byte[]> expected, List<byte[]> actual, String name) {
        assertEquals(expected.size(), actual.size(), name);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), name + " [" + i + "]");
        }
    }
}
