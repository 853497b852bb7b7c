package org.zuofeng.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.util.UUID;

/**
 * A seat on an inspection's team as the read rules see it: the rows of {@link Inspection#team}, mapped read-only on
 * their own so that "the caller is on the team" reads the team's table alone ({@link InspectionAccess#onTeam}).
 * Reached through the inspection, the rule was a join that PostgreSQL merged against the records' whole index in
 * inspection order: a sync snapshot page of 501 findings read 7,121 to keep them. On its own it is the caller's short
 * list of inspections, each of whose records is read from the index in order.
 */
@Entity
@Immutable
@Table(name = "inspection_team")
@IdClass(TeamSeat.Key.class)
public class TeamSeat {

    /** A seat: its inspection and its place on the team. */
    public record Key(UUID inspectionId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Id
    public int position;

    @Column(nullable = false)
    public String subject;
}
