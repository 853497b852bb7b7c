package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OfficialResourceTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedOfficialIT extends OfficialResourceTest {
}
