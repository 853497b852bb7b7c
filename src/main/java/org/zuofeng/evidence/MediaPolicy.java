package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.tika.Tika;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which media evidence may be, how large, and what bytes really are: JPEG, PNG, HEIC (images), MP4, QuickTime
 * (video) and PDF, each up to its configured size; the type is sniffed from the content's magic bytes. Audio (MP3,
 * M4A, WAV, AMR) is told the same way for callers that accept it too ({@link #acceptedWithAudio},
 * {@link #sniffWithAudio}); evidence does not.
 */
@ApplicationScoped
public class MediaPolicy {

    /** The accepted types, by canonical name; HEIF is how HEIC images are often declared and detected. */
    private static final Map<String, String> CANONICAL = Map.of(
            "image/jpeg", "image/jpeg",
            "image/png", "image/png",
            "image/heic", "image/heic",
            "image/heif", "image/heic",
            "video/mp4", "video/mp4",
            "video/quicktime", "video/quicktime",
            "application/pdf", "application/pdf");

    /** Audio types, by canonical name, with the other names they are declared or detected by. */
    private static final Map<String, String> AUDIO = Map.of(
            "audio/mpeg", "audio/mpeg", "audio/mp3", "audio/mpeg",
            "audio/mp4", "audio/mp4", "audio/x-m4a", "audio/mp4",
            "audio/wav", "audio/wav", "audio/x-wav", "audio/wav", "audio/wave", "audio/wav", "audio/vnd.wave",
            "audio/wav",
            "audio/amr", "audio/amr");

    private static final Map<String, String> WITH_AUDIO = Stream.of(CANONICAL, AUDIO)
            .flatMap(m -> m.entrySet().stream()).collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    Map.Entry::getValue));

    /** Major brands of the ISO base media file format (ISO/IEC 14496-12) and what they are. */
    private static final Map<String, String> BRANDS = Map.ofEntries(
            Map.entry("qt  ", "video/quicktime"),
            Map.entry("isom", "video/mp4"), Map.entry("iso2", "video/mp4"), Map.entry("iso4", "video/mp4"),
            Map.entry("iso5", "video/mp4"), Map.entry("iso6", "video/mp4"), Map.entry("mp41", "video/mp4"),
            Map.entry("mp42", "video/mp4"), Map.entry("avc1", "video/mp4"), Map.entry("M4V ", "video/mp4"),
            Map.entry("dash", "video/mp4"),
            Map.entry("heic", "image/heic"), Map.entry("heix", "image/heic"), Map.entry("heim", "image/heic"),
            Map.entry("heis", "image/heic"), Map.entry("mif1", "image/heic"), Map.entry("msf1", "image/heic"));

    private final Tika tika = new Tika();
    private final long maxImage;
    private final long maxVideo;
    private final long maxPdf;

    @Inject
    public MediaPolicy(EvidenceConfig config) {
        this(config.evidence().maxImageSize().asLongValue(), config.evidence().maxVideoSize().asLongValue(),
                config.evidence().maxPdfSize().asLongValue());
    }

    /** A policy with these limits, in bytes, for images, videos and PDFs. */
    public MediaPolicy(long maxImage, long maxVideo, long maxPdf) {
        this.maxImage = maxImage;
        this.maxVideo = maxVideo;
        this.maxPdf = maxPdf;
    }

    /** The canonical accepted type of a declared Content-Type, if it is one. */
    public Optional<String> accepted(String contentType) {
        return canonical(contentType, CANONICAL);
    }

    /** The canonical type of a declared Content-Type, if it is one evidence accepts or audio. */
    public Optional<String> acceptedWithAudio(String contentType) {
        return canonical(contentType, WITH_AUDIO);
    }

    /** The largest evidence of any type. */
    public long largestLimit() {
        return Math.max(maxImage, Math.max(maxVideo, maxPdf));
    }

    /** The largest content of an accepted type, in bytes (not audio, whose limit is its caller's). */
    public long limitFor(String type) {
        if (type.startsWith("image/")) {
            return maxImage;
        }
        if (type.startsWith("video/")) {
            return maxVideo;
        }
        return maxPdf;
    }

    /**
     * The canonical accepted type the bytes really have, or empty when they are none of them. ISO base media files
     * (MP4, QuickTime, HEIC) are told apart by their major brand, which Tika's magic leaves to the generic
     * QuickTime type for most MP4 brands; everything else by Tika's magic.
     */
    public Optional<String> sniff(InputStream content) throws IOException {
        return sniff(content, CANONICAL);
    }

    /** As {@link #sniff}, audio also: MP3, M4A, WAV and AMR. */
    public Optional<String> sniffWithAudio(InputStream content) throws IOException {
        return sniff(content, WITH_AUDIO);
    }

    private Optional<String> sniff(InputStream content, Map<String, String> types) throws IOException {
        InputStream in = content.markSupported() ? content : new BufferedInputStream(content);
        in.mark(16);
        byte[] head = in.readNBytes(12);
        in.reset();
        if (head.length == 12 && new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
            String brand = BRANDS.get(new String(head, 8, 4, StandardCharsets.US_ASCII));
            if (brand != null) {
                return Optional.of(brand);
            }
        }
        return canonical(tika.detect(in), types);
    }

    private static Optional<String> canonical(String contentType, Map<String, String> types) {
        if (contentType == null) {
            return Optional.empty();
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(types.get(base));
    }
}
