package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link StrictJsonTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedStrictJsonIT extends StrictJsonTest {
}
