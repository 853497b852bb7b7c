package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PersonalDataTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedPersonalDataIT extends PersonalDataTest {
}
