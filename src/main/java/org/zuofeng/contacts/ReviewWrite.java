package org.zuofeng.contacts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commission's review of a declaration: accepted, questioned (with the question), or referred as a clue. */
public record ReviewWrite(@NotNull ContactStatus decision, @Size(max = 2000) String reason) {
}
