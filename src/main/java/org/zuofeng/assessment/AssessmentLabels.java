package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The assessments feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class AssessmentLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(Grade.class, SubjectType.class, AssessmentStatus.class, ObjectionOutcome.class);
    }
}
