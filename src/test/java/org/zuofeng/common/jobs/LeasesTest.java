package org.zuofeng.common.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/**
 * Background work shared by replicas: a row is held by one claim at a time, taken over only once its lease has
 * lapsed, and then neither renewed nor settled by the claim that lost it.
 */
@QuarkusTest
class LeasesTest {

    private static final String READY = "status = 'QUEUED' and id = :job";

    @Inject
    Leases leases;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRowIsHeldByOneClaimAndTheClaimThatLostItCanNeitherRenewNorSettleIt() {
        UUID job = UUID.fromString(as("admin-1", "admin")
                .body(Map.of("entity", "UNIT", "format", "NDJSON")).post("/api/v1/exports")
                .then().statusCode(202).extract().jsonPath().getString("id"));
        Duration lease = Duration.ofMinutes(1);

        Leases.Claimed first = claim(job, lease);
        assertEquals(java.util.List.of(job), first.ids());
        assertTrue(claim(job, lease).ids().isEmpty(), "held by a live lease");
        assertTrue(tx(() -> leases.renew("export_jobs", job, first.holder(), lease)), "its holder renews it");

        clock.advance(Duration.ofMinutes(2));
        Leases.Claimed second = claim(job, lease);
        assertEquals(java.util.List.of(job), second.ids(), "a lapsed lease is taken over");
        assertFalse(tx(() -> leases.renew("export_jobs", job, first.holder(), lease)));
        assertFalse(tx(() -> leases.settle("export_jobs", job, first.holder(), "error = :why",
                Map.of("why", "the lost claim"))));
        assertTrue(tx(() -> leases.settle("export_jobs", job, second.holder(), "error = null", Map.of())));
        assertTrue(claim(job, lease).ids().size() == 1, "settled, it is free again (it is still queued)");
    }

    private Leases.Claimed claim(UUID job, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> leases.claim("export_jobs", READY, Map.of("job", job),
                "created_at", 10, lease));
    }

    private static boolean tx(java.util.concurrent.Callable<Boolean> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
