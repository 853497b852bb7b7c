package org.zuofeng.common.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.crypto.ServerKeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key that signs the audit log's tree heads, a key of its own: {@code ZUOFENG_AUDIT_LOG_SIGNING_KEY} (a
 * PKCS#8 private key, base64) when set, else one derived from {@code ZUOFENG_SECRET} for this purpose alone, the
 * same on every replica. Its public key is published, and its id is the SHA-256 of that public key.
 */
@ApplicationScoped
public class TreeHeadKey {

    private static final String ALGORITHM = "Ed25519";

    private final KeyPair pair;
    private final String keyId;

    @Inject
    public TreeHeadKey(ServerKeys keys, AuditLogConfig config) {
        this(config.signingKey().map(TreeHeadKey::seedOf).orElseGet(() -> keys.mac("audit-log.tree-head-key",
                ALGORITHM.getBytes(StandardCharsets.UTF_8))));
    }

    /** The key of this 32-byte seed (RFC 8032's private key). */
    TreeHeadKey(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            this.pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.keyId = HexFormat.of().formatHex(Digests.sha256(publicKey()));
    }

    /** The public key as X.509 SubjectPublicKeyInfo (DER), as OpenSSL and the JDK read it. */
    public byte[] publicKey() {
        return pair.getPublic().getEncoded();
    }

    public String keyId() {
        return keyId;
    }

    byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(pair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is a signature of {@code message} under the public key {@code spki}. */
    public static boolean verify(byte[] spki, byte[] message, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] seedOf(String pkcs8) {
        try {
            EdECPrivateKey key = (EdECPrivateKey) KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pkcs8.strip())));
            return key.getBytes().orElseThrow(() -> new IllegalStateException(
                    "ZUOFENG_AUDIT_LOG_SIGNING_KEY holds no Ed25519 private key bytes"));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("ZUOFENG_AUDIT_LOG_SIGNING_KEY is not a base64 PKCS#8 Ed25519 key", e);
        }
    }

    /** Hands the key generator the seed as its randomness: the one way the JDK derives a pair from a private key. */
    private static final class FixedRandom extends SecureRandom {

        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("an Ed25519 seed is " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
