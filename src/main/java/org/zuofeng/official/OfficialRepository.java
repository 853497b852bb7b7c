package org.zuofeng.official;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Officials. */
@ApplicationScoped
public class OfficialRepository implements PanacheRepositoryBase<Official, UUID> {

    public Optional<Official> findByIdNumber(String idNumber) {
        return find("idNumber", idNumber).firstResultOptional();
    }

    public Optional<Official> findByAccountSubject(String subject) {
        return find("accountSubject", subject).firstResultOptional();
    }
}
