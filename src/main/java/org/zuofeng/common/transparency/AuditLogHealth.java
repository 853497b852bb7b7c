package org.zuofeng.common.transparency;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/group/audit-log}: the verification of the audit record against its transparency log, for an
 * operator's or a monitor's probe; not part of readiness, since a record found altered is a matter for people, not a
 * reason to stop serving. Its detail names the first event that no longer matches.
 */
@HealthGroup("audit-log")
@ApplicationScoped
public class AuditLogHealth implements HealthCheck {

    private final AuditLogVerifier verifier;

    AuditLogHealth(AuditLogVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public HealthCheckResponse call() {
        AuditLogVerifier.Report report = verifier.verify();
        var response = HealthCheckResponse.named("audit-log").status(report.intact())
                .withData("treeSize", report.treeSize()).withData("leavesChecked", report.leavesChecked())
                .withData("headsChecked", report.headsChecked())
                .withData("failedHeads", report.failedHeads().size());
        if (report.firstMismatch() != null) {
            response.withData("firstMismatch", report.firstMismatch().auditEventId() + " at leaf "
                    + report.firstMismatch().leafIndex() + ": " + report.firstMismatch().problem());
        }
        return response.build();
    }
}
