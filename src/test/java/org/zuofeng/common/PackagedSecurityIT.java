package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SecurityTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedSecurityIT extends SecurityTest {
}
