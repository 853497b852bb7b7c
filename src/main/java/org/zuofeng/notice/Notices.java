package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * What other features ask of notices (a case citing the one it arose from), and the only way they reach them: no
 * class outside this package reads a {@link SupervisionNotice} or its tables.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Notices {

    private final NoticeRepository notices;

    public Notices(NoticeRepository notices) {
        this.notices = notices;
    }

    /** Whether the notice exists (a deleted draft does not). */
    public boolean exists(UUID id) {
        return notices.findLive(id).isPresent();
    }
}
