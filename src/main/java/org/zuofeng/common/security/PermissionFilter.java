package org.zuofeng.common.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.zuofeng.common.problem.ProblemException;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every operation's declared {@link Permission} before anything else of the request is read, its body
 * included. An operation that declares neither a permission nor {@code @PermitAll} is refused (fail closed); the
 * architecture test keeps every operation declared.
 */
public class PermissionFilter {

    /** What each resource method requires (empty: public); as many entries as the API has operations. */
    private final Map<Method, Optional<Permission>> required = new ConcurrentHashMap<>();
    private final CurrentIdentityAssociation identities;

    public PermissionFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> authorize(ResourceInfo resource) {
        Optional<Permission> permission = required.computeIfAbsent(resource.getResourceMethod(),
                method -> declared(method, resource.getResourceClass()));
        if (permission.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().invoke(identity -> permission.get().check(identity)).replaceWithVoid();
    }

    /** The permission an operation declares; empty if it is public; 403 for an operation that declares nothing. */
    static Optional<Permission> declared(Method method, Class<?> resource) {
        Requires requires = method.getAnnotation(Requires.class);
        if (requires != null) {
            return Optional.of(requires.value());
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Optional.empty();
        }
        requires = resource.getAnnotation(Requires.class);
        if (requires != null) {
            return Optional.of(requires.value());
        }
        if (resource.isAnnotationPresent(PermitAll.class)) {
            return Optional.empty();
        }
        throw ProblemException.forbidden();
    }
}
