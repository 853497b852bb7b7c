package org.zuofeng.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a client sets on a notice (while it is a draft). */
public record NoticeWrite(
        @NotNull NoticeType type,
        @NotBlank @Size(max = 200) @SingleLine String title,
        @NotBlank @Size(max = 50_000) String body,
        @NotEmpty @Size(max = 200) List<@NotNull UUID> addresseeUnitIds,
        @Size(max = 500) List<@NotNull UUID> findingIds,
        @Size(max = 200) List<@NotNull UUID> officialIds,
        LocalDate deadline,
        OffsetDateTime talkScheduledAt,
        @Size(min = 1, max = 200) @SingleLine String area,
        Visibility visibility,
        ExposureMedium medium) {

    public List<UUID> findings() {
        return findingIds == null ? List.of() : findingIds;
    }

    public List<UUID> officials() {
        return officialIds == null ? List.of() : officialIds;
    }
}
