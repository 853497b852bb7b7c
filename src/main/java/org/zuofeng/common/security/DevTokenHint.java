package org.zuofeng.common.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** In {@code quarkus:dev}, tells how to get a token from the dev issuer ({@link DevIssuerRoutes}). */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevTokenHint {

    private static final Logger LOG = Logger.getLogger(DevTokenHint.class);

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.oidc.token.issuer") String issuer) {
        LOG.infof("Dev token for user hr (others: %s), valid for 8 hours and across restarts:%n"
                + "  TOKEN=$(curl -s -d grant_type=password -d username=hr %s/token | jq -r .access_token)",
                String.join(", ", DevIssuer.USERS.keySet()), issuer);
    }
}
