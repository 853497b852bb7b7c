package org.zuofeng.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The webhook feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class WebhookLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(WebhookStatus.class);
    }
}
