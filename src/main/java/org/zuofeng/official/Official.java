package org.zuofeng.official;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** A person holding (or having held) posts in the district's units. Never deleted: officials leave posts. */
@Entity
@Table(name = "officials")
public class Official extends AuditedEntity {

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    /** The 18-character PRC resident ID: personal data. */
    @Column(name = "id_number", nullable = false, length = 18)
    public String idNumber;

    /** Mainland mobile number: personal data. */
    @Column(nullable = false, length = 11)
    public String phone;

    @Column(name = "party_member", nullable = false)
    public boolean partyMember;

    /** The OIDC subject of the official's own account, if they have one. */
    @Column(name = "account_subject")
    public String accountSubject;

    /** The official's ids in other systems, by system (e.g. {@code personnel}); read for a page at a time. */
    @ElementCollection
    @CollectionTable(name = "official_external_ids", joinColumns = @JoinColumn(name = "official_id"))
    @MapKeyColumn(name = "system")
    @Column(name = "external_id", nullable = false)
    @BatchSize(size = 100)
    public Map<String, String> externalIds = new HashMap<>();
}
