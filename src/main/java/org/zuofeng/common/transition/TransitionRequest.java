package org.zuofeng.common.transition;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /{resource}/{id}/transitions}: the target state, a note, and the extra fields the step
 * takes ({@code {"to":"COMPLETED","summary":"…"}}); fields a step does not take are rejected. Extra fields are texts,
 * read like every other text of every body (the wire checks of {@code WireJson}), never kept as raw JSON.
 */
public class TransitionRequest {

    @NotBlank
    @Size(max = 32)
    public String to;

    @Size(max = 2000)
    public String note;

    private final Map<String, String> fields = new LinkedHashMap<>();

    @JsonAnySetter
    void field(String name, String value) {
        fields.put(name, value);
    }

    /** The extra fields sent, by name; a field sent as {@code null} is present with a null value. */
    public Map<String, String> fields() {
        return fields;
    }

    /** An extra text field of the step, as validated by {@link Transitions#check}. */
    public String text(String name) {
        return fields.get(name);
    }
}
