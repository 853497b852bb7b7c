package org.zuofeng.clue;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A clarification as the public reads it: the notice, the official cleared by name with the post they held in the
 * unit on the day it was published, and nothing of the clue or of who reported it.
 */
public record ClarificationView(UUID id, String title, String body, LocalDate publishedOn, Official official) {

    /** The official cleared, with their post in the unit named (none if they held none there that day). */
    public record Official(String name, String unitName, String post) {
    }
}
