package org.zuofeng.common.transition;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /{resource}/{id}/transitions}: the target state, a note, and the extra fields the step
 * takes ({@code {"to":"COMPLETED","summary":"…"}}); fields a step does not take are rejected.
 */
public class TransitionRequest {

    @NotBlank
    @Size(max = 32)
    public String to;

    @Size(max = 2000)
    public String note;

    private final Map<String, JsonNode> fields = new LinkedHashMap<>();

    @JsonAnySetter
    void field(String name, JsonNode value) {
        fields.put(name, value);
    }

    public Map<String, JsonNode> fields() {
        return fields;
    }

    /** An extra text field of the step, as validated by {@link Transitions#check}. */
    public String text(String name) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
