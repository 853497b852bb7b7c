package org.zuofeng.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A receipt, sent in a body so that it never appears in a URL or a log line. */
public record ReceiptWrite(@NotBlank @Size(max = 48) String receipt) {
}
