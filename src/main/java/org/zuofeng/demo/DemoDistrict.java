package org.zuofeng.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.zuofeng.common.devdb.DevDatabaseConfig;
import org.zuofeng.common.security.Roles;
import org.zuofeng.demo.DemoInspections.OpenInspection;
import org.zuofeng.demo.DemoPeople.People;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The demo district 榕城区, created once on the first start in dev mode ({@code zuofeng.demo.enabled}) through the
 * services the API calls, each step as the role that would take it (the dev OIDC server's users). Built only into dev
 * and test builds: a production build has no demo at all. Each part of the district is a class of its own:
 * {@link DemoPeople}, {@link DemoInspections}, {@link DemoNotices}, {@link DemoCases}, {@link DemoAssessments},
 * {@link DemoClues}, {@link DemoContacts}, {@link DemoWarning}.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class DemoDistrict {

    /** The district's unit code: present means the demo was created. */
    public static final String CODE = "RCQ";
    /** The dev OIDC server's unit officer, linked to the principal of 东兴街道. */
    public static final String OFFICER = "officer";
    /** The dev OIDC server's official, linked to the deputy head of the market regulator. */
    public static final String OFFICIAL = "official";
    /** The dev OIDC server's inspector, who leads the demo's inspections. */
    public static final String INSPECTOR = "inspector";

    private static final Logger LOG = Logger.getLogger(DemoDistrict.class);

    private final DemoConfig config;
    private final DevDatabaseConfig devDatabase;
    private final Clock clock;
    private final Units units;
    private final DemoSteps steps;
    private final DemoPeople people;
    private final DemoInspections inspections;
    private final DemoNotices notices;
    private final DemoCases cases;
    private final DemoAssessments assessments;
    private final DemoClues clues;
    private final DemoContacts contacts;
    private final DemoWarning warning;

    DemoDistrict(DemoConfig config, DevDatabaseConfig devDatabase, Clock clock, Units units, DemoSteps steps,
            DemoPeople people, DemoInspections inspections, DemoNotices notices, DemoCases cases,
            DemoAssessments assessments, DemoClues clues, DemoContacts contacts, DemoWarning warning) {
        this.config = config;
        this.devDatabase = devDatabase;
        this.clock = clock;
        this.units = units;
        this.steps = steps;
        this.people = people;
        this.inspections = inspections;
        this.notices = notices;
        this.cases = cases;
        this.assessments = assessments;
        this.clues = clues;
        this.contacts = contacts;
        this.warning = warning;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            if (createIfAbsent()) {
                LOG.info("Created the demo district 榕城区 (unit code " + CODE + "); set ZUOFENG_DEMO_ENABLED=false "
                        + "to start without it");
            }
        } catch (RuntimeException e) {
            // The service starts anyway, on what the database holds.
            LOG.error("The demo district could not be created in full; to have it made again, stop, delete the dev "
                    + "database (" + devDatabase.dataDirectory() + ") and start", e);
        }
    }

    /**
     * Creates the demo district unless it is there; answers whether it did. Two transactions, around the photo's
     * upload, which keeps transactions of its own.
     */
    public boolean createIfAbsent() {
        if (steps.as("demo", Roles.ADMIN, () -> units.findByCode(CODE).isPresent())) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        record Begun(People people, OpenInspection open) {
        }
        Begun begun = QuarkusTransaction.requiringNew().call(() -> {
            People district = people.create(today);
            return new Begun(district, inspections.open(district, today));
        });
        inspections.photograph(begun.open(), today);
        QuarkusTransaction.requiringNew().run(() -> {
            inspections.completeAndVisitCovertly(begun.people(), begun.open(), today);
            notices.issue(begun.people(), today);
            UUID violation = cases.decide(begun.people(), begun.open().photographed(), today);
            assessments.assess(begun.people(), today);
            clues.register(begun.people(), today);
            contacts.declare(begun.people(), today);
            warning.educate(begun.people(), violation, today);
        });
        return true;
    }
}
