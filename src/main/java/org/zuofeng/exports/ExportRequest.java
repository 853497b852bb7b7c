package org.zuofeng.exports;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** What to export: an entity, a format, and the list endpoint's filters by their query-parameter names. */
public record ExportRequest(
        @NotNull ExportEntity entity,
        @NotNull ExportFormat format,
        @Size(max = 20) Map<String, @NotNull @Size(max = 2048) String> filters) {
}
