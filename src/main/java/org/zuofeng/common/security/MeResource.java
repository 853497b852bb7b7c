package org.zuofeng.common.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** {@code GET /api/v1/me}: who the API takes the caller for, and what it lets them see. */
@Path("/api/v1/me")
@Requires(Permission.SIGNED_IN)
public class MeResource {

    /** The caller. */
    public record MeView(String subject, Set<String> roles, ScopeSource.LinkedOfficial official, Scope scope) {
    }

    /** The caller's unit scope: all units, or the listed ones (empty without a linked official). */
    public record Scope(boolean allUnits, List<UUID> unitIds) {
    }

    private final Caller caller;
    private final CallerScope scope;

    public MeResource(Caller caller, CallerScope scope) {
        this.caller = caller;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MeView me() {
        Scope unitScope = scope.readable(CallerScope.UNITS).isPresent()
                ? new Scope(false, scope.unitIds().stream().sorted().toList())
                : new Scope(true, null);
        return new MeView(caller.subject(), new TreeSet<>(caller.roles()), scope.linkedOfficial().orElse(null),
                unitScope);
    }
}
