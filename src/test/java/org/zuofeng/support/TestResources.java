package org.zuofeng.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The test run's shared infrastructure, declared once for every test so that Quarkus boots once: a real embedded
 * PostgreSQL, a test OIDC issuer whose keys sign {@link Tokens}, an evidence store directory and a master secret.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcServerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = LoopbackResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EvidenceStoreResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SecretResource.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    private TestResources() {
    }
}
