package org.zuofeng.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** A master secret for the test run, given to the packaged jar as production would give it (ZUOFENG_SECRET). */
public class SecretResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Map.of("zuofeng.secret", HexFormat.of().formatHex(secret));
    }

    @Override
    public void stop() {
    }
}
