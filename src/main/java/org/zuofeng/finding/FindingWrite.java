package org.zuofeng.finding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What a client sets on a finding; {@code id} may be made by a field app working offline. */
public record FindingWrite(
        UUID id,
        @NotNull UUID unitId,
        @Size(max = 20) List<@NotNull UUID> officialIds,
        @NotNull FindingCategory category,
        Set<@NotNull Defect> defects,
        @NotNull Severity severity,
        @NotBlank @Size(max = 200) @SingleLine String title,
        @Size(max = 10_000) String description,
        @NotNull OffsetDateTime observedAt,
        @Valid Location location) {

    /** Where the finding was observed. */
    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
            @Size(max = 500) @SingleLine String address) {
    }

    public List<UUID> officials() {
        return officialIds == null ? List.of() : officialIds;
    }

    public Set<Defect> defectSet() {
        return defects == null ? Set.of() : defects;
    }
}
