package org.zuofeng.clue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zuofeng.finding.FindingCategory;

/**
 * A report from the public: the solved challenge, what and whom it is about (a unit by code or by name as the
 * reporter knows it, people by name and post), the kind, a title, the details, when and where; and, only if the
 * reporter chooses to give them, their name and contact (实名举报).
 */
public record PublicReportWrite(
        @NotNull @Valid Work work,
        FindingCategory category,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 10_000) String details,
        @Size(max = 64) String unitCode,
        @Size(max = 200) String unitName,
        @Size(max = 2000) String people,
        @Size(max = 500) String happened,
        @Valid Identity identity) {

    /** A challenge from {@code GET /api/v1/public/reports/challenge} and its solution. */
    public record Work(@NotBlank @Size(max = 200) String challenge, @NotBlank @Size(max = 64) String solution) {
    }

    /** A real-name reporter's name and how to reach them. */
    public record Identity(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String contact) {
    }
}
