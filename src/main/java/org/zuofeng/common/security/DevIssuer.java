package org.zuofeng.common.security;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The dev mode's token issuer: it signs RS256 access tokens for the dev users, as a real provider would (issuer,
 * {@code aud} naming the API, {@code sub}, roles, {@code exp}), with a key kept in a file so that tokens outlive a
 * restart. It trades an authorization code it made itself (a short-lived signed statement of the user, the redirect
 * URI and the PKCE challenge) for a token, so it keeps nothing in memory. {@link DevIssuerRoutes} serves it.
 */
public final class DevIssuer {

    /** The dev users, each named after the API role it has (the unit officer's role is {@code unit-officer}). */
    public static final Map<String, String> USERS = users();

    private static final String CODE_TYPE = "dev-authorization-code";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(2);

    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;
    private final RsaJsonWebKey key;

    public DevIssuer(String issuer, String audience, Duration lifetime, Path keyFile, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
        this.key = keyIn(keyFile);
    }

    public String issuer() {
        return issuer;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The public key set that verifies every token made here. */
    public String keys() {
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** An access token for a dev user, for the client that asked. */
    public Optional<String> token(String user, String client) {
        String role = USERS.get(user);
        if (role == null) {
            return Optional.empty();
        }
        JwtClaims claims = claims(lifetime);
        claims.setSubject(user);
        claims.setClaim("preferred_username", user);
        claims.setAudience(audience);
        claims.setStringListClaim("groups", List.of(role));
        claims.setClaim("azp", client);
        claims.setClaim("scope", "openid");
        return Optional.of(sign(claims, "JWT"));
    }

    /** An authorization code: the user, where it is sent back to and the PKCE challenge, signed, for two minutes. */
    public String code(String user, String redirectUri, String challenge) {
        JwtClaims claims = claims(CODE_LIFETIME);
        claims.setSubject(user);
        claims.setClaim("redirect_uri", redirectUri);
        claims.setClaim("code_challenge", challenge);
        return sign(claims, CODE_TYPE);
    }

    /** The user a code was made for, when it is one of ours, unexpired, for this redirect URI and this verifier. */
    public Optional<String> redeem(String code, String redirectUri, String verifier) {
        JwtConsumer consumer = new JwtConsumerBuilder().setVerificationKey(key.getPublicKey())
                .setExpectedIssuer(issuer).setRequireExpirationTime().setRequireSubject()
                .setSkipDefaultAudienceValidation()
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setExpectedType(true, CODE_TYPE).build();
        try {
            JwtClaims claims = consumer.processToClaims(code);
            boolean matches = redirectUri != null && redirectUri.equals(claims.getClaimValueAsString("redirect_uri"))
                    && verifier != null
                    && s256(verifier).equals(claims.getClaimValueAsString("code_challenge"));
            return matches ? Optional.of(claims.getSubject()) : Optional.empty();
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    /** The PKCE S256 challenge of a verifier (RFC 7636). */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JwtClaims claims(Duration validFor) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setJwtId(UUID.randomUUID().toString());
        long now = clock.millis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + validFor.toSeconds()));
        return claims;
    }

    private String sign(JwtClaims claims, String type) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", type);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("The dev issuer cannot sign", e);
        }
    }

    /** The key kept in {@code file}, or a new one written there (readable by its owner only). */
    private static RsaJsonWebKey keyIn(Path file) {
        try {
            if (Files.exists(file)) {
                return (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(Files.readString(file));
            }
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            key.setUse("sig");
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path written = Files.createTempFile(dir, "key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("The dev issuer's key file " + file + " cannot be read or written", e);
        } catch (JoseException | ClassCastException e) {
            throw new IllegalStateException("The dev issuer's key file " + file + " holds no RSA key: delete it", e);
        }
    }

    private static Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        for (String role : List.of(Roles.ADMIN, Roles.COMMISSION, Roles.INSPECTOR, Roles.HR, Roles.UNIT_OFFICER,
                Roles.AUDITOR, Roles.INTEGRATION, Roles.CUSTODIAN, Roles.OFFICIAL)) {
            users.put(role.equals(Roles.UNIT_OFFICER) ? "officer" : role, role);
        }
        return Collections.unmodifiableMap(users);
    }
}
