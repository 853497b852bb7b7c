package org.zuofeng.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.zuofeng.common.crypto.Sealing;
import org.zuofeng.evidence.BlobRepository;
import org.zuofeng.evidence.EvidenceConfig;
import org.zuofeng.evidence.FileSystemEvidenceStorage;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The application's evidence store in tests: the real one, which a test may hold still right after it has kept given
 * content and before the upload's record commits, the moment a concurrent failure used to fall on.
 */
@Alternative
@Priority(1)
@Singleton
public class PausingEvidenceStorage extends FileSystemEvidenceStorage {

    private volatile String held;
    private volatile CountDownLatch reached = new CountDownLatch(0);
    private volatile CountDownLatch released = new CountDownLatch(0);

    @Inject
    public PausingEvidenceStorage(EvidenceConfig config, Sealing sealing, BlobRepository blobs) {
        super(config, sealing, blobs);
    }

    /** The next upload keeping {@code sha256} stops right after keeping it, until {@link #release()}. */
    public void holdAfterKeeping(String sha256) {
        reached = new CountDownLatch(1);
        released = new CountDownLatch(1);
        held = sha256;
    }

    /** Waits until the held upload has kept its content. */
    public boolean awaitKept() throws InterruptedException {
        return reached.await(30, TimeUnit.SECONDS);
    }

    public void release() {
        held = null;
        released.countDown();
    }

    @Override
    public boolean keep(Staged staged) throws IOException {
        boolean kept = super.keep(staged);
        if (staged.sha256().equals(held)) {
            reached.countDown();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return kept;
    }
}
