package org.zuofeng.common.transparency;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.zuofeng.ZuofengMain;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Replica;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;

/**
 * The packaged jar's own check of the record, as an operator runs it beside the service: {@code java -jar
 * quarkus-run.jar verify-audit-log} prints the report and exits 0 on an intact record; an unknown command exits 2.
 */
@QuarkusIntegrationTest
class PackagedAuditLogIT {

    @Test
    void theJarVerifiesTheRecordItServesBeside() {
        Fixtures.aDistrict();
        as("auditor-1", "auditor").post("/api/v1/audit-log/tree-heads").then().statusCode(200);

        Replica.Ran verified = Replica.run(ZuofengMain.VERIFY);
        assertEquals(0, verified.exitCode(), verified.output());
        assertThat(verified.output(), containsString("\"intact\":true"));

        Replica.Ran unknown = Replica.run("drop-everything");
        assertEquals(2, unknown.exitCode(), unknown.output());
    }
}
