package org.zuofeng.accountability;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a client sets when opening a case. */
public record CaseWrite(
        @NotNull UUID subjectOfficialId,
        @NotNull UUID unitId,
        @NotNull CaseKind kind,
        @NotNull @PastOrPresent LocalDate occurredOn,
        @Size(max = 500) List<@NotNull UUID> sourceFindingIds,
        UUID sourceNoticeId,
        @Size(max = 10_000) String summary,
        @Size(min = 1, max = 200) @SingleLine String area) {

    public List<UUID> findings() {
        return sourceFindingIds == null ? List.of() : sourceFindingIds;
    }
}
