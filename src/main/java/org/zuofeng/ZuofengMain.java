package org.zuofeng;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.zuofeng.common.crypto.KeysetFileKeyEncryptionKey;
import org.zuofeng.common.transparency.AuditLogVerifier;

import java.util.Arrays;
import java.util.Set;

/**
 * The jar's entry point: with no argument, the service. Its one-off commands serve no HTTP (a free port), run no
 * job, and need only the service's database settings and secret:
 * <ul>
 *   <li>{@code verify-audit-log}: the audit record checked against its transparency log (the same as
 *   {@code GET /api/v1/audit-log/verification}); prints its report as JSON and exits 0 when the record is intact, 3
 *   when it is not;</li>
 *   <li>{@code rotate-sealing-keyset}: prints the key encryption keyset in use (the one derived from the master
 *   secret, or {@code ZUOFENG_SEALING_KEYSET}) with a new primary key added, as a Tink JSON keyset: the file a
 *   rotation, or a move from the derived key to a keyset file, installs.</li>
 * </ul>
 */
@QuarkusMain
public class ZuofengMain implements QuarkusApplication {

    public static final String VERIFY = "verify-audit-log";
    public static final String ROTATE = "rotate-sealing-keyset";

    /** The exit code of a record found altered. */
    static final int ALTERED = 3;
    private static final int USAGE = 2;
    private static final Set<String> COMMANDS = Set.of(VERIFY, ROTATE);

    public static void main(String... args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
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
        if (!COMMANDS.contains(args[0]) || args.length > 1) {
            System.err.println("Unknown command " + Arrays.toString(args) + "; the commands are " + VERIFY + " and "
                    + ROTATE);
            return USAGE;
        }
        if (ROTATE.equals(args[0])) {
            System.out.println(Arc.container().instance(KeysetFileKeyEncryptionKey.class).get().rotated());
            return 0;
        }
        AuditLogVerifier.Report report = Arc.container().instance(AuditLogVerifier.class).get().verify();
        System.out.println(Arc.container().instance(ObjectMapper.class).get().writeValueAsString(report));
        return report.intact() ? 0 : ALTERED;
    }
}
