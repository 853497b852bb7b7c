package org.zuofeng.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A device's capture key: the sync client id it pushes with, its P-256 public key as a JWK, and the attestation chain
 * its platform gave for the key (leaf first, base64 DER certificates), if any.
 */
public record DeviceWrite(
        @NotNull UUID clientId,
        @NotNull @Valid Jwk publicKey,
        @Size(max = 10) List<@NotBlank @Size(max = 16_384) String> attestation) {

    /** A P-256 public key (RFC 7517, RFC 7518 §6.2.1). */
    public record Jwk(
            @NotNull @Pattern(regexp = "EC") String kty,
            @NotNull @Pattern(regexp = "P-256") String crv,
            @NotNull @Pattern(regexp = "^[A-Za-z0-9_-]{43}$") String x,
            @NotNull @Pattern(regexp = "^[A-Za-z0-9_-]{43}$") String y) {
    }
}
