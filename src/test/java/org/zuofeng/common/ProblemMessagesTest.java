package org.zuofeng.common;

import org.junit.jupiter.api.Test;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemMessages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem text exists in English and in Chinese: the two bundles have the same keys, the same placeholders
 * under each, and every key the code renders (a {@code Text.of} or {@code notFound} literal, each code's title, each
 * Bean Validation message of the API's own) is in them.
 */
class ProblemMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern TEXT_KEY = Pattern.compile("Text\\.of\\(\\s*\"([^\"]+)\"");
    private static final Pattern NOT_FOUND_KEY = Pattern.compile("notFound\\(\\s*\"([^\"]+)\"");
    private static final Pattern VALIDATION_KEY = Pattern.compile("\"\\{(zuofeng\\.[A-Za-z0-9_.]+)}\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        Properties english = bundle("messages/problems.properties");
        Properties chinese = bundle("messages/problems_zh_CN.properties");
        assertEquals(english.stringPropertyNames(), chinese.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertEquals(placeholders(english.getProperty(key)), placeholders(chinese.getProperty(key)), key);
        }
    }

    @Test
    void everyKeyTheCodeRendersIsInTheBundle() throws IOException {
        Set<String> used = new TreeSet<>(keys(TEXT_KEY, ""));
        used.addAll(keys(NOT_FOUND_KEY, "notFound."));
        Arrays.stream(ErrorCode.values()).map(code -> "title." + code.name()).forEach(used::add);
        Set<String> missing = used.stream().filter(key -> !key.endsWith(".") && !ProblemMessages.has(key))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), "not in messages/problems.properties: " + missing);
        assertTrue(used.size() > 200, "the scan found the code's keys");
    }

    @Test
    void everyValidationMessageOfTheApisOwnIsInBothLanguages() throws IOException {
        Properties english = bundle("ValidationMessages.properties");
        Properties chinese = bundle("ValidationMessages_zh_CN.properties");
        Set<String> used = keys(VALIDATION_KEY, "");
        used.addAll(Set.of("zuofeng.idNumber.ID_NUMBER_BIRTH_DATE_INVALID", "zuofeng.idNumber.ID_NUMBER_CHECK_DIGIT",
                "zuofeng.idNumber.ID_NUMBER_BIRTH_DATE_MISMATCH"));
        for (String key : used) {
            assertTrue(english.containsKey(key) && chinese.containsKey(key), key);
        }
        assertTrue(chinese.stringPropertyNames().containsAll(english.stringPropertyNames()));
    }

    private static Set<String> keys(Pattern pattern, String prefix) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(prefix + matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(java.util.regex.MatchResult::group)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties bundle(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
        return properties;
    }
}
