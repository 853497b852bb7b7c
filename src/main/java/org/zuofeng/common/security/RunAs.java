package org.zuofeng.common.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Work done outside a request on someone's behalf (a webhook delivering what its owner may read, a scheduled job
 * acting as the {@link Caller#SYSTEM}): it runs in a request context of its own, as that subject with those roles, so
 * that every rule of the API ({@link CallerScope}, masking, the audit trail's attribution) applies to it unchanged.
 */
@ApplicationScoped
public class RunAs {

    private final CurrentIdentityAssociation identities;

    public RunAs(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public <T> T call(String subject, Set<String> roles, Supplier<T> work) {
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState outer = requests.isActive() ? requests.getState() : null;
        if (outer != null) {
            requests.deactivate();
        }
        requests.activate();
        try {
            identities.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(subject))
                    .addRoles(roles).build());
            return work.get();
        } finally {
            requests.terminate();
            if (outer != null) {
                requests.activate(outer);
            }
        }
    }

    /** Work of the service itself, attributed to {@link Caller#SYSTEM}, with no rights to read anything. */
    public void system(Runnable work) {
        call(Caller.SYSTEM, Set.of(), () -> {
            work.run();
            return null;
        });
    }
}
