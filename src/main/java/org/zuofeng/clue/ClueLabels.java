package org.zuofeng.clue;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The clue register's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class ClueLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(ClueSource.class, ClueChannel.class, ClueStatus.class, ClueWay.class, ClueOutcome.class,
                ReportStatus.class, MessageSender.class, IdentityRequestStatus.class, ReporterTold.class);
    }
}
