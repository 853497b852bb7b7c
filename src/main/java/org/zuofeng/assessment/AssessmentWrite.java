package org.zuofeng.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** What a client sets on an assessment: the subject (an official, or a team's unit), the scores, the village vote. */
public record AssessmentWrite(
        @NotNull UUID schemeId,
        UUID officialId,
        UUID unitId,
        @NotEmpty @Size(max = 50) List<SchemeParts.@NotNull @Valid Score> scores,
        @Valid SchemeParts.PublicReview publicReview) {
}
