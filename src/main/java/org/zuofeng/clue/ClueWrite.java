package org.zuofeng.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.zuofeng.finding.FindingCategory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A clue the commission registers from a source other than a public report (those register themselves): the source
 * and the channel it came by, what it is about, and when it was received.
 */
public record ClueWrite(
        @NotNull ClueSource source,
        ClueChannel channel,
        FindingCategory category,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 10_000) String summary,
        @NotNull @PastOrPresent LocalDate receivedOn,
        @NotNull @Size(min = 1, max = 50) List<@NotNull UUID> unitIds,
        @Size(max = 50) List<@NotNull UUID> officialIds,
        UUID sourceFindingId) {
}
