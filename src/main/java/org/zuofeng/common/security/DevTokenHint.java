package org.zuofeng.common.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** In {@code quarkus:dev}, tells how to get a token from the OIDC dev server (its port changes with every start). */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevTokenHint {

    private static final Logger LOG = Logger.getLogger(DevTokenHint.class);

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        LOG.infof("Dev token for user hr (others: admin, commission, inspector, officer, auditor, integration):%n"
                + "  curl -s -d grant_type=password -d username=hr -d password=hr -d client_id=quarkus-app "
                + "-d client_secret=secret %s/token", issuer.replaceAll("/+$", ""));
    }
}
