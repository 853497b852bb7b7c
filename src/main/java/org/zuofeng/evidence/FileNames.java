package org.zuofeng.evidence;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The file name evidence is kept and served under: what the uploader called it, made harmless to every file system
 * and every screen. Control, format (bidirectional, zero-width) and separator characters are stripped, as are the
 * characters no Windows file name may hold; nothing is left that reads as a path, a device or an empty name; and the
 * extension is always the one of the content's real type, so that {@code photo.html} or {@code invoice\u202Egnp.exe}
 * is saved as a picture, not as a page or a program.
 */
final class FileNames {

    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png",
            "image/heic", "heic", "video/mp4", "mp4", "video/quicktime", "mov", "application/pdf", "pdf");
    private static final Map<String, Set<String>> ALIASES = Map.of("image/jpeg", Set.of("jpg", "jpeg", "jpe"),
            "image/heic", Set.of("heic", "heif"), "video/quicktime", Set.of("mov", "qt"));
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");
    private static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /** The safe name for {@code name} given by the uploader (null when none) of content of {@code mediaType}. */
    static String safe(String name, String mediaType) {
        String extension = EXTENSIONS.getOrDefault(mediaType, "bin");
        String cleaned = name == null ? ""
                : clean(Normalizer.normalize(name, Normalizer.Form.NFC)).replaceAll("^[. ]+", "");
        int dot = cleaned.lastIndexOf('.');
        String base = dot > 0 ? cleaned.substring(0, dot) : cleaned;
        String given = dot > 0 ? cleaned.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        base = base.replaceAll("[. ]+$", "");
        if (base.isEmpty()) {
            base = "evidence";
        } else if (WINDOWS_RESERVED.matcher(base.split("\\.", 2)[0]).matches()) {
            base = "_" + base;
        }
        if (base.length() > MAX_LENGTH) {
            base = base.substring(0, base.offsetByCodePoints(0, base.codePointCount(0, MAX_LENGTH) - 1));
        }
        boolean matches = ALIASES.getOrDefault(mediaType, Set.of(extension)).contains(given);
        return base + "." + (matches ? given : extension);
    }

    private static String clean(String name) {
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean invisible = type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
            if (invisible || "<>:\"/\\|?*".indexOf(c) >= 0) {
                return;
            }
            kept.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
        });
        return kept.toString().replaceAll(" {2,}", " ").trim();
    }
}
