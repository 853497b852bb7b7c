package org.zuofeng.integration;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The integration feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class IntegrationLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(WebhookStatus.class, ExportEntity.class, ExportFormat.class, ExportStatus.class,
                ImportEntity.class, ImportRowStatus.class);
    }
}
