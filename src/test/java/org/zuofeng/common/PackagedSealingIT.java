package org.zuofeng.common;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.ZuofengMain;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.Replica;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployment that began with the key encryption key derived from its master secret moves to a keyset file it can
 * rotate: {@code java -jar quarkus-run.jar rotate-sealing-keyset} prints the derived key with a new primary, and a
 * replica started on that file opens what the derived key sealed.
 */
@QuarkusIntegrationTest
class PackagedSealingIT {

    /** The id the derived key has in a keyset ({@code KeysetFileKeyEncryptionKey.DERIVED_KEY_ID}). */
    private static final int DERIVED_KEY_ID = 0x5A46_0001;

    @Test
    void theDerivedKeyMovesIntoAKeysetFileWithANewPrimaryThatStillOpensWhatItSealed() throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        String finding = Fixtures.aFinding(inspection, unit).createAs(lead).getString("id");
        byte[] photo = Media.jpeg(21_212);
        String evidence = Api.uploadAs(lead, "image/jpeg", photo, "inspector")
                .post("/api/v1/findings/{id}/evidence", finding).then().statusCode(201).extract().path("id");

        Replica.Ran rotated = Replica.run(ZuofengMain.ROTATE);
        assertEquals(0, rotated.exitCode(), rotated.output());
        String json = rotated.output().lines().filter(line -> line.startsWith("{\"primaryKeyId\""))
                .findFirst().orElseThrow(() -> new AssertionError(rotated.output()));
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        assertEquals(2, keyset.size());
        assertTrue(IntStream.range(0, keyset.size()).anyMatch(i -> keyset.getAt(i).getId() == DERIVED_KEY_ID),
                "the derived key is kept, to unwrap what it wrapped");
        assertNotEquals(DERIVED_KEY_ID, keyset.getPrimary().getId(), "a new key wraps from now on");

        Path file = Files.createTempFile("zuofeng-keyset", ".json");
        Files.writeString(file, json);
        try (Replica replica = Replica.start("256m", Map.of("ZUOFENG_SEALING_KEYSET", file.toString()))) {
            assertArrayEquals(photo, Api.downloadAs(lead, "inspector").port(replica.port())
                    .get("/api/v1/evidence/{id}/content", evidence).then().statusCode(200).extract()
                    .asByteArray());
        } finally {
            Files.delete(file);
        }
    }
}
