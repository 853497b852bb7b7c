package org.zuofeng.common.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A message of the problem bundle ({@code messages/problems*.properties}): its key and the arguments its {@code {n}}
 * placeholders take, rendered in the caller's language only when the problem is written. Arguments are quoted as
 * they are (ids, names, codes), but an argument that is itself a {@code Text} is rendered in the same language.
 */
public record Text(String key, List<Object> args) {

    public Text {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** The message {@code key} of the bundle with its arguments. */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /**
     * A message another component has already rendered in the request's language (Bean Validation interpolates its
     * own bundle, {@code ValidationMessages}, in the language Accept-Language asks for).
     */
    public static Text rendered(String message) {
        return new Text(null, Arrays.asList((Object) message));
    }

    /** The message in Chinese or English (the default). */
    public String in(boolean chinese) {
        return key == null ? String.valueOf(args.get(0)) : ProblemMessages.format(key, args, chinese);
    }

    @Override
    public String toString() {
        return in(false);
    }
}
