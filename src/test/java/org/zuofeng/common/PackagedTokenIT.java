package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TokenTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedTokenIT extends TokenTest {
}
