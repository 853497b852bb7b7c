package org.zuofeng.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Keeps the application under test on the loopback interface, also when the packaged jar runs in prod mode. */
public class LoopbackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.http.host", "127.0.0.1");
    }

    @Override
    public void stop() {
    }
}
