package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How uploaded bytes come in, for evidence and for anything else kept in the evidence store (a report's attachments):
 * staged and cut at a limit, then sniffed for the type they really have. Each caller says what its refusals are.
 */
@ApplicationScoped
public class ContentIntake {

    private final EvidenceStorage storage;
    private final MediaPolicy media;

    public ContentIntake(EvidenceStorage storage, MediaPolicy media) {
        this.storage = storage;
        this.media = media;
    }

    /** The body staged, at most {@code limit} bytes; {@code tooLarge} when it holds more. */
    public EvidenceStorage.Staged stage(InputStream body, long limit, Supplier<ProblemException> tooLarge) {
        try {
            return storage.stage(body, limit);
        } catch (EvidenceStorage.TooLarge e) {
            throw tooLarge.get();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be received", e);
        }
    }

    /**
     * The canonical type the staged bytes really have ({@link MediaPolicy}, audio too if {@code withAudio}); the
     * problem {@code none} when they have none of them.
     */
    public String sniff(EvidenceStorage.Staged staged, boolean withAudio, Supplier<ProblemException> none) {
        try (InputStream head = storage.openStaged(staged)) {
            Optional<String> type = withAudio ? media.sniffWithAudio(head) : media.sniff(head);
            return type.orElseThrow(none);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the staged bytes, of the sniffed {@code type}, embed a C2PA manifest ({@link ContentCredentials}). */
    public boolean c2paManifest(EvidenceStorage.Staged staged, String type) {
        try (InputStream content = storage.openStaged(staged)) {
            return ContentCredentials.present(content, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
