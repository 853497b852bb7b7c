package org.zuofeng.common.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What the current request's answer shows that is on record as a sensitive read ({@link AuditTrail#recordRead}):
 * personal data unmasked, covert records before completion. A stored idempotent answer keeps the list, so that
 * replaying the answer is recorded as the same reads.
 */
@RequestScoped
public class Disclosures {

    /** One sensitive read: the action, the kind of record and the records shown. */
    public record Disclosure(String action, String entityType, List<UUID> ids) {
    }

    private final List<Disclosure> shown = new ArrayList<>();

    void add(String action, String entityType, Collection<UUID> ids) {
        shown.add(new Disclosure(action, entityType, List.copyOf(ids)));
    }

    /** The sensitive reads of this request so far. */
    public List<Disclosure> all() {
        return List.copyOf(shown);
    }

    static boolean active() {
        return Arc.container().requestContext().isActive();
    }
}
