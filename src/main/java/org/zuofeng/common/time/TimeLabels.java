package org.zuofeng.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The calendar's enum, for {@code /api/v1/labels}. */
@ApplicationScoped
public class TimeLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(DayKind.class);
    }
}
