package org.zuofeng.unit;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The unit rules, against the packaged jar in the prod profile with an external database and issuer. */
@QuarkusIntegrationTest
class PackagedUnitsIT extends UnitResourceTest {
}
