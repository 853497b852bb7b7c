package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.zuofeng.common.crypto.Sealing;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;

/**
 * Kept content opened to be sent, for evidence and anything else in the store (a report's attachment). Its first
 * segment is read and authenticated before an answer starts, so that content destroyed by retention (410) or damaged
 * on disk (500, and an error in the log) gets a problem instead of a broken download; a segment damaged further on
 * ends the download short of its {@code Content-Length}, never with wrong bytes.
 */
@ApplicationScoped
public class KeptContent {

    private static final Logger LOG = Logger.getLogger(KeptContent.class);

    private final EvidenceStorage storage;

    public KeptContent(EvidenceStorage storage) {
        this.storage = storage;
    }

    public InputStream open(String sha256, long offset, long length) {
        try {
            PushbackInputStream in = new PushbackInputStream(storage.open(sha256, offset, length), 1);
            int first = in.read();
            if (first >= 0) {
                in.unread(first);
            }
            return in;
        } catch (EvidenceStorage.Destroyed e) {
            throw new ProblemException(ErrorCode.CONTENT_DESTROYED, Text.of("evidence.contentDestroyed"));
        } catch (Sealing.Damaged e) {
            LOG.errorf(e, "Kept content %s is damaged", sha256);
            throw new ProblemException(ErrorCode.CONTENT_DAMAGED, Text.of("evidence.contentDamaged"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
