package org.zuofeng.common.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The one bundle of the problems' texts, {@code messages/problems.properties} (English, the default) and
 * {@code messages/problems_zh_CN.properties}: every title ({@code title.<CODE>}), detail and field message. Both files
 * are read once, as UTF-8; a key missing in Chinese falls back to English, one missing in both reads as itself
 * (a test keeps both complete).
 */
public final class ProblemMessages {

    static final String ENGLISH = "messages/problems.properties";
    static final String CHINESE = "messages/problems_zh_CN.properties";

    private static final Properties EN = load(ENGLISH);
    private static final Properties ZH = load(CHINESE);

    private ProblemMessages() {
    }

    /** The message {@code key} in the language asked for, each {@code {n}} replaced by argument n. */
    static String format(String key, List<Object> args, boolean chinese) {
        String pattern = chinese ? ZH.getProperty(key, EN.getProperty(key)) : EN.getProperty(key);
        if (pattern == null) {
            return key;
        }
        StringBuilder text = new StringBuilder(pattern.length() + 16);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            int n = close > i + 1 ? index(pattern.substring(i + 1, close)) : -1;
            if (n >= 0 && n < args.size()) {
                Object arg = args.get(n);
                text.append(arg instanceof Text inner ? inner.in(chinese) : String.valueOf(arg));
                i = close;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** Whether the bundle has {@code key} in English (the default, which every key must have). */
    public static boolean has(String key) {
        return EN.containsKey(key);
    }

    private static int index(String digits) {
        if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing message bundle " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
