package org.zuofeng.common.crypto;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/group/sealing}: the key encryption key's primary key, and how many data keys an older key still
 * wraps. After a rotation, an operator removes the old key from the keyset only once that count is zero.
 */
@HealthGroup("sealing")
@ApplicationScoped
public class SealingHealth implements HealthCheck {

    private final Sealing sealing;
    private final KeyRotation rotation;

    SealingHealth(Sealing sealing, KeyRotation rotation) {
        this.sealing = sealing;
        this.rotation = rotation;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sealing").up().withData("primaryKeyId", sealing.kekId())
                .withData("dataKeysToRewrap", rotation.toRewrap()).build();
    }
}
