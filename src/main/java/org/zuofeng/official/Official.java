package org.zuofeng.official;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.LocalDate;

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
}
