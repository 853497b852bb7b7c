package org.zuofeng.common.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.Arrays;

/**
 * The jar's entry point: with no argument, the service; with {@code verify-audit-log}, a one-off check of the audit
 * record against its transparency log (the same as {@code GET /api/v1/audit-log/verification}) that prints its
 * report as JSON and exits 0 when the record is intact, 3 when it is not. The check serves no HTTP (a free port),
 * runs no job, and needs only the service's database settings and secret.
 */
@QuarkusMain
public class ZuofengMain implements QuarkusApplication {

    public static final String VERIFY = "verify-audit-log";

    /** The exit code of a record found altered. */
    static final int ALTERED = 3;
    private static final int USAGE = 2;

    public static void main(String... args) {
        if (args.length > 0 && VERIFY.equals(args[0])) {
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.setProperty("quarkus.scheduler.enabled", "false");
        }
        Quarkus.run(ZuofengMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (!VERIFY.equals(args[0]) || args.length > 1) {
            System.err.println("Unknown command " + Arrays.toString(args) + "; the one command is " + VERIFY);
            return USAGE;
        }
        AuditLogVerifier.Report report = Arc.container().instance(AuditLogVerifier.class).get().verify();
        System.out.println(Arc.container().instance(ObjectMapper.class).get().writeValueAsString(report));
        return report.intact() ? 0 : ALTERED;
    }
}
