package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ConcurrencyTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedConcurrencyIT extends ConcurrencyTest {
}
