package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ScopeTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedScopeIT extends ScopeTest {
}
