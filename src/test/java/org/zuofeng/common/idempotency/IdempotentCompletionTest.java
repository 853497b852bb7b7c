package org.zuofeng.common.idempotency;

import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A request that met a concurrent transaction runs once more; a second failure, or a body already read, does not. */
class IdempotentCompletionTest {

    /** Resource methods to stand in for: one that reads JSON, one that reads a stream. */
    static class Operations {
        public Object json(Map<String, Object> body) {
            return body;
        }

        public Object stream(InputStream body) {
            return body;
        }
    }

    private static IdempotentCompletion completion() {
        IdempotentCompletion completion = new IdempotentCompletion();
        completion.pending = new PendingClaim();
        return completion;
    }

    @Test
    void aDeadlockRunsTheRequestOnceMoreAndASecondOneIsNotHidden() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Object answer = completion().runAndAnswer(invocation("json", () -> {
            if (runs.incrementAndGet() == 1) {
                throw deadlock();
            }
            return "applied";
        }));
        assertEquals("applied", answer);
        assertEquals(2, runs.get());

        runs.set(0);
        assertThrows(RuntimeException.class, () -> completion().runAndAnswer(invocation("json", () -> {
            runs.incrementAndGet();
            throw deadlock();
        })));
        assertEquals(2, runs.get(), "once more, not again and again");
    }

    @Test
    void aRequestWhoseBodyWasAStreamIsNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(RuntimeException.class, () -> completion().runAndAnswer(invocation("stream", () -> {
            runs.incrementAndGet();
            throw deadlock();
        })));
        assertEquals(1, runs.get());
    }

    private static RuntimeException deadlock() {
        return new RuntimeException("flush", new SQLException("deadlock detected", "40P01"));
    }

    /** What the stand-in method does when it runs. */
    @FunctionalInterface
    interface Body {
        Object run() throws Exception;
    }

    private static InvocationContext invocation(String name, Body body) throws NoSuchMethodException {
        Method method = java.util.Arrays.stream(Operations.class.getMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return new Operations();
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[method.getParameterCount()];
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }

            @Override
            public Object proceed() throws Exception {
                return body.run();
            }
        };
    }
}
