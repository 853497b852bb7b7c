package org.zuofeng.sync;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.FleetSimulation;

/** The fleet of field apps ({@link FleetSimulation}) against one instance of the service. */
@QuarkusTest
class FleetSimulationTest {

    @Test
    void everyDeviceAndTheServerEndWithTheSameFindingsAndEveryLostEditIsReported() {
        new FleetSimulation(() -> RestAssured.port).run();
    }
}
