package org.zuofeng.common.labels;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/labels}: the zh-CN and English label of every enum value of the API, keyed by enum name and
 * value: {@code {"UnitType":{"DISTRICT":{"zh-CN":"区","en":"District"}}}}.
 */
@Path("/api/v1/labels")
@PermitAll
public class LabelsResource {

    private final Map<String, Map<String, Map<String, String>>> labels = new TreeMap<>();

    public LabelsResource(Instance<LabelSource> sources) {
        for (LabelSource source : sources) {
            for (Class<? extends Labelled> type : source.enums()) {
                Map<String, Map<String, String>> values = new LinkedHashMap<>();
                for (Labelled value : type.getEnumConstants()) {
                    values.put(((Enum<?>) value).name(), Map.of("zh-CN", value.zh(), "en", value.en()));
                }
                labels.put(type.getSimpleName(), values);
            }
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Map<String, Map<String, String>>> labels() {
        return labels;
    }
}
