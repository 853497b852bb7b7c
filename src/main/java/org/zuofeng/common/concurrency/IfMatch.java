package org.zuofeng.common.concurrency;

import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} precondition of every change to an existing resource (RFC 9110 §13.1.1, strong comparison):
 * missing → 428, not an entity tag (unquoted, say) → 400, not naming the current version → 412. A tag is {@code
 * "<version>-<hash>"} as {@link EntityTags} gives it, or {@code "<version>"} as it did before; only the version is
 * compared, since the hash also follows members that are not the record's own (its current posts, its visible
 * findings), which a change does not touch. The precondition must name a version: {@code *} (which RFC 9110 lets match
 * any current representation) would turn optimistic locking off, so it is refused like a missing header.
 */
public final class IfMatch {

    /** An entity tag as RFC 9110 §8.8.3 writes it: optionally weak, in double quotes, of visible characters. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"");

    /** The versions the header names; a tag of another form or a weak one names none, and so never matches. */
    private final List<Long> versions;

    private IfMatch(List<Long> versions) {
        this.versions = versions;
    }

    /** Parses the header; a change without it, or with {@code *} for a version, is refused with 428. */
    public static IfMatch required(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                    Text.of("common.sendIfMatchETagVersion"));
        }
        List<Long> versions = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.trim();
            if (tag.equals("*")) {
                throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                        Text.of("common.ifMatchWouldChangeWhatever"));
            }
            if (!ENTITY_TAG.matcher(tag).matches()) {
                throw ProblemException.invalidParameter("If-Match", Text.of("field.entityTagSendETagResource",
                        shortened(tag)));
            }
            versionOf(tag).ifPresent(versions::add);
        }
        return new IfMatch(versions);
    }

    private static String shortened(String tag) {
        return tag.length() <= 40 ? tag : tag.substring(0, 40) + "…";
    }

    /** Throws 412 unless the header names {@code currentVersion}. */
    public void check(long currentVersion) {
        if (!versions.contains(currentVersion)) {
            throw new ProblemException(ErrorCode.VERSION_MISMATCH,
                    Text.of("common.resourceAtAnotherVersionFetch"));
        }
    }

    /** The version a strong tag names: the digits before the first {@code -} of {@code "<version>[-<anything>]"}. */
    static OptionalLong versionOf(String tag) {
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return OptionalLong.empty();
        }
        String opaque = tag.substring(1, tag.length() - 1);
        if (opaque.indexOf('"') >= 0) {
            return OptionalLong.empty();
        }
        int dash = opaque.indexOf('-');
        String digits = dash < 0 ? opaque : opaque.substring(0, dash);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }
}
