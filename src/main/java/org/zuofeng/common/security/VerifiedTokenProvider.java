package org.zuofeng.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers a bearer token this replica has verified before with the identity it gave then ({@link VerifiedTokens}),
 * ahead of the OIDC provider; any other token goes on to the OIDC provider, which verifies it in full, and
 * {@link VerifiedTokenKeeper} keeps it if it passes.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of the OIDC provider (which has the default, {@code SYSTEM_FIRST + 1}). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return tokens.identityOf(request.getToken().getToken())
                .map(identity -> Uni.createFrom().item(forThisRequest(identity, request)))
                .orElseGet(Uni.createFrom()::nullItem);
    }

    /** The kept identity, with this request's routing context where the OIDC provider would have put it. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, TokenAuthenticationRequest request) {
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), HttpSecurityUtils.getRoutingContextAttribute(request))
                .addAttribute(VerifiedTokenKeeper.KEPT, Boolean.TRUE)
                .build();
    }
}
