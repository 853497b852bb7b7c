package org.zuofeng.inspection;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CovertSecrecyTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedCovertSecrecyIT extends CovertSecrecyTest {
}
