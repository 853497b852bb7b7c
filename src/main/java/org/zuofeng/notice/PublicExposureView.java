package org.zuofeng.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A published notice as the public sees it: what, about whom and which units, when. Never ID numbers, phones,
 * evidence or internal fields.
 */
public record PublicExposureView(UUID id, NoticeView.SerialNumber serialNumber, NoticeType type,
        ExposureMedium medium, String title, String body, List<UnitName> units, LocalDate issuedOn, List<Person> officials) {

    /** A unit by name. */
    public record UnitName(UUID id, String name) {
    }

    /** An official concerned, with the posts they held on the issue date. */
    public record Person(String name, List<PostName> posts) {
    }

    /** A post by unit and title. */
    public record PostName(String unitName, String title) {
    }
}
