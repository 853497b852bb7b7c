package org.zuofeng.evidence;

import org.zuofeng.common.crypto.Digests;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * P-256 keys as devices send them (a JWK's {@code x} and {@code y}, RFC 7518 §6.2.1) and ES256 signatures as JWS
 * carries them (R and S side by side, RFC 7518 §3.4), with the JDK alone.
 */
final class DeviceKeys {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder THUMBPRINT = Base64.getUrlEncoder().withoutPadding();
    private static final ECParameterSpec P256 = p256();
    private static final BigInteger P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    private DeviceKeys() {
    }

    /** The public key at the point ({@code x}, {@code y}), base64url of 32 bytes each, if it is on P-256. */
    static Optional<PublicKey> fromJwk(String x, String y) {
        BigInteger px = coordinate(x);
        BigInteger py = coordinate(y);
        if (px == null || py == null || !onCurve(px, py)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(px, py),
                    P256)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    static PublicKey fromSpki(byte[] spki) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7638: SHA-256 of the key's required members in lexicographic order, base64url. */
    static String thumbprint(String x, String y) {
        String members = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        return THUMBPRINT.encodeToString(Digests.sha256(members.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} (64 bytes, R then S) is an ES256 signature of {@code input} under {@code key}. */
    static boolean verifyEs256(PublicKey key, byte[] input, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static BigInteger coordinate(String value) {
        if (value == null) {
            return null;
        }
        try {
            byte[] bytes = BASE64URL.decode(value);
            return bytes.length == 32 ? new BigInteger(1, bytes) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** y² = x³ − 3x + b (mod p), with both coordinates below p. */
    private static boolean onCurve(BigInteger x, BigInteger y) {
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger left = y.modPow(BigInteger.TWO, P);
        BigInteger right = x.modPow(BigInteger.valueOf(3), P).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
        return left.equals(right);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
