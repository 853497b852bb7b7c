package org.zuofeng.common.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * Keeps a bearer token that the OIDC provider has just verified ({@link VerifiedTokens}). It runs first among the
 * augmentors, so what is kept is the identity as the provider made it; the augmentors that follow run on every
 * request, the kept ones too.
 */
@ApplicationScoped
public class VerifiedTokenKeeper implements SecurityIdentityAugmentor {

    /** Marks an identity that came from {@link VerifiedTokens}, so that it is not kept again. */
    static final String KEPT = VerifiedTokenKeeper.class.getName() + ".kept";

    @Inject
    VerifiedTokens tokens;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getAttribute(KEPT) == null
                && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null) {
                tokens.keep(credential.getToken(), slim(identity),
                        Instant.ofEpochSecond(jwt.getExpirationTime()));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /**
     * What the service reads of a caller, their name and roles, is all that is kept: about 0.7 KB a token instead of
     * the 23 KB of the parsed token and the request it came with.
     */
    private static SecurityIdentity slim(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(identity.getPrincipal().getName()))
                .addRoles(identity.getRoles()).build();
    }
}
