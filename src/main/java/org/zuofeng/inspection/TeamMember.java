package org.zuofeng.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A member of an inspection team, identified by their account's subject; one member leads. */
@Embeddable
public class TeamMember {

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean lead;
}
