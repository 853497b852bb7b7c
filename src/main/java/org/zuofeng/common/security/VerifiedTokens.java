package org.zuofeng.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.zuofeng.common.crypto.Digests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens this replica has verified, so that a token's signature and claims are checked once in its life and not
 * on every request. A token is kept by the SHA-256 of its raw text (never the text itself), with the caller's name and
 * roles its verification gave (about 0.7 KB), until its {@code exp} and no longer than {@link TokensConfig#cacheFor()};
 * only a token that passed every check is kept (a refusal is never remembered). When a token signed by a key not seen
 * before arrives, the provider has rotated its keys, and every kept token is forgotten: each is verified again against
 * the keys the provider publishes now. Memory of one replica is only an optimisation here: a replica that has not seen
 * a token verifies it.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verified token's identity, its expiry, and the key that signed it. */
    record Kept(SecurityIdentity identity, Instant expires, String keyId) {
    }

    private final Cache<String, Kept> kept;
    private final Duration cacheFor;
    private final Set<String> keyIds = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;

    @Inject
    VerifiedTokens(TokensConfig config, ObjectMapper json, MeterRegistry registry) {
        this(config, json);
        CaffeineCacheMetrics.monitor(registry, kept, "verified_tokens");
    }

    VerifiedTokens(TokensConfig config, ObjectMapper json) {
        this.cacheFor = config.cacheFor();
        this.json = json;
        this.kept = Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfter(Expiry.<String, Kept>creating((token, entry) -> lifetime(entry)))
                .recordStats()
                .build();
    }

    /** The identity a token verified earlier gave, if it is kept and has not expired. */
    Optional<SecurityIdentity> identityOf(String token) {
        if (cacheFor.isZero()) {
            return Optional.empty();
        }
        Kept entry = kept.getIfPresent(digest(token));
        if (entry == null || !Instant.now().isBefore(entry.expires())) {
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /** Keeps a token that has just passed verification, with the identity it gave and its {@code exp}. */
    void keep(String token, SecurityIdentity identity, Instant expires) {
        if (cacheFor.isZero() || !Instant.now().isBefore(expires)) {
            return;
        }
        String keyId = keyIdOf(token);
        if (keyIds.add(keyId) && keyIds.size() > 1) {
            kept.invalidateAll();
        }
        kept.put(digest(token), new Kept(identity, expires, keyId));
    }

    CacheStats stats() {
        return kept.stats();
    }

    private Duration lifetime(Kept entry) {
        Duration left = Duration.between(Instant.now(), entry.expires());
        return left.compareTo(cacheFor) < 0 ? left : cacheFor;
    }

    /** The {@code kid} of a compact JWS's protected header; "" without one. */
    private String keyIdOf(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return "";
        }
        try {
            JsonNode header = json.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            return header.path("kid").asText("");
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
    }

    private static String digest(String token) {
        return Base64.getEncoder().encodeToString(Digests.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }
}
