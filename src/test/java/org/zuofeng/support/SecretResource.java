package org.zuofeng.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** A master secret for the test run, given to the packaged jar as production would give it (ZUOFENG_SECRET). */
public class SecretResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String secret;

    @Override
    public Map<String, String> start() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        secret = HexFormat.of().formatHex(random);
        return Map.of("zuofeng.secret", secret);
    }

    /** The run's secret, for a test that starts another instance of the application itself. */
    public static String secret() {
        return secret;
    }

    @Override
    public void stop() {
    }
}
