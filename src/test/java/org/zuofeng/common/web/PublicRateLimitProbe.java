package org.zuofeng.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;

import java.time.Clock;

/** Reaches the rate limit's counts from tests outside their package: another replica, sharing the database. */
public final class PublicRateLimitProbe {

    private PublicRateLimitProbe() {
    }

    /** The counts of another replica of the service, with a window and a memory of its own. */
    public static RateLimitCounts anotherReplica(EntityManager em, Clock clock, ObjectMapper json, long windowSeconds,
            int clientsInMemory) {
        return new RateLimitCounts(em, clock, json, windowSeconds, clientsInMemory);
    }
}
