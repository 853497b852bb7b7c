package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The notices feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class NoticeLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(NoticeType.class, NoticeStatus.class, Visibility.class, ExposureMedium.class);
    }
}
