package org.zuofeng.contacts;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contact declared: by the official themself ({@code officialId} theirs or left out) or by a unit officer on their
 * behalf. The business by name and 统一社会信用代码; what happened, when, where, its value and who paid, why, who else
 * was there; the items of the unit's power list it concerns, if any.
 */
public record ContactWrite(
        UUID officialId,
        @NotBlank @Size(max = 200) @SingleLine String businessName,
        @NotBlank @ValidCreditCode String creditCode,
        @NotNull ContactKind kind,
        @NotNull LocalDate occurredOn,
        @Size(max = 500) @SingleLine String place,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal value,
        PaidBy paidBy,
        Boolean declined,
        @NotBlank @Size(max = 2000) String purpose,
        @Size(max = 2000) String othersPresent,
        @Size(max = 20) List<@NotBlank @Size(max = 32) String> powerItemCodes) {
}
