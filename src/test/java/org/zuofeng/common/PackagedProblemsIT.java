package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ProblemsTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedProblemsIT extends ProblemsTest {
}
