package org.zuofeng.common.security;

import io.quarkus.oidc.runtime.TenantConfigBean;
import io.quarkus.oidc.runtime.TenantConfigContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness of the token check: ready once the OIDC provider's metadata and signing keys have been fetched, since
 * until then no token can be verified and every authenticated request would fail. While not ready, each probe tries
 * to fetch them again, so that a replica kept out of traffic still recovers by itself once the provider is back.
 * Once the keys are in hand the provider may come and go: tokens are verified locally, and readiness stays up.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderReadiness implements HealthCheck {

    private static final Duration RETRY_WITHIN = Duration.ofSeconds(2);

    private final TenantConfigBean tenants;

    public IdentityProviderReadiness(TenantConfigBean tenants) {
        this.tenants = tenants;
    }

    @Override
    public HealthCheckResponse call() {
        TenantConfigContext tenant = tenants.getDefaultTenant();
        if (!tenant.ready()) {
            try {
                tenant.initialize().await().atMost(RETRY_WITHIN);
            } catch (RuntimeException stillDown) {
                // reported below
            }
        }
        boolean ready = tenant.ready();
        return HealthCheckResponse.named("OIDC provider keys").status(ready)
                .withData("keys", ready ? "fetched" : "not yet fetched from the provider")
                .build();
    }
}
