package org.zuofeng.accountability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CaseResourceTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedCaseIT extends CaseResourceTest {
}
