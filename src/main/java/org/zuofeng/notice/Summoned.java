package org.zuofeng.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.zuofeng.official.PostRole;

import java.util.UUID;

/** An official summoned to an admonition talk, with the post they held on the issue date. */
@Embeddable
public class Summoned {

    @Column(name = "official_id", nullable = false)
    public UUID officialId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    public PostRole role;

    public String title;
}
