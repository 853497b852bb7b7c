package org.zuofeng.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a subscription is: where to send ({@code url}), which event types (empty: all), a description, and whether
 * it is active (a disabled one, e.g. after its receiver answered 410, is activated again with {@code true}).
 */
public record WebhookSubscriptionWrite(
        @NotBlank @Size(max = 2048) String url,
        @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = "org\\.zuofeng\\.[a-z_]+\\.[a-z_]+") String> eventTypes,
        @Size(max = 500) String description,
        Boolean active) {
}
