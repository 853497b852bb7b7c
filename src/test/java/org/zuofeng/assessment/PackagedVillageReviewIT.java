package org.zuofeng.assessment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link VillageReviewTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedVillageReviewIT extends VillageReviewTest {
}
