package org.zuofeng.assessment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AssessmentResourceTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedAssessmentIT extends AssessmentResourceTest {
}
