package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CursorTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedCursorIT extends CursorTest {
}
