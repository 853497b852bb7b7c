package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PagingTest} against the packaged jar in the prod profile. */
@QuarkusIntegrationTest
class PackagedPagingIT extends PagingTest {
}
