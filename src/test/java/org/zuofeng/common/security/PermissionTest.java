package org.zuofeng.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a permission grants: 401 to nobody, 403 to a role it does not name; and the README says the same. */
class PermissionTest {

    @Test
    void anAnonymousCallerIsAskedForATokenAndARoleNotNamedIsRefused() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(ProblemException.class,
                () -> Permission.UNITS_READ.check(anonymous)).code());
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(ProblemException.class,
                () -> Permission.SIGNED_IN.check(anonymous)).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(ProblemException.class,
                () -> Permission.UNITS_WRITE.check(caller(Roles.UNIT_OFFICER))).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(ProblemException.class,
                () -> Permission.UNITS_READ.check(caller())).code());
        assertDoesNotThrow(() -> Permission.UNITS_WRITE.check(caller(Roles.UNIT_OFFICER, Roles.HR)));
        assertDoesNotThrow(() -> Permission.SIGNED_IN.check(caller()));
    }

    @Test
    void theReadmeListsEveryPermissionWithTheRolesThatHoldIt() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        String readme = Files.readString(Path.of("README.md"));
        int table = readme.indexOf("| permission | granted to |");
        Matcher row = Pattern.compile("\\G\\n?\\| `([A-Z_]+)` \\| ([^|\\n]+) \\|")
                .matcher(readme.substring(readme.indexOf("\n|---|---|", table) + "\n|---|---|".length()));
        while (row.find()) {
            String roles = row.group(2).trim();
            documented.put(row.group(1), roles.equals("every role") ? Roles.ALL
                    : roles.startsWith("any caller") ? Set.of()
                    : new TreeSet<>(Arrays.stream(roles.split(",")).map(r -> r.trim().replace("`", "")).toList()));
        }
        Map<String, Set<String>> declared = new TreeMap<>();
        for (Permission permission : Permission.values()) {
            declared.put(permission.name(), new TreeSet<>(permission.roles()));
        }
        documented.replaceAll((name, roles) -> new TreeSet<>(roles));
        assertEquals(declared, documented);
    }

    private static SecurityIdentity caller(String... roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("someone"))
                .addRoles(Set.of(roles)).build();
    }
}
