package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The accountability feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class AccountabilityLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(CaseKind.class, CaseStatus.class, Measure.class, AppealOutcome.class, EscalationStage.class);
    }
}
