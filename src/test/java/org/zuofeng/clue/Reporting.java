package org.zuofeng.clue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.zuofeng.support.Api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/** A member of the public reporting, as a browser would: a challenge fetched and solved, then the report sent. */
final class Reporting {

    static final String REPORTS = "/api/v1/public/reports";

    private Reporting() {
    }

    /** An anonymous request from {@code address}, as a trusted proxy forwards it (under a profile that trusts one). */
    static RequestSpecification from(String address) {
        return Api.anonymous().header("X-Forwarded-For", address).contentType("application/json");
    }

    /** A challenge and its solution, as the body's {@code work}. */
    static Map<String, String> work(String address) {
        JsonPath challenge = from(address).get(REPORTS + "/challenge").then().statusCode(200).extract().jsonPath();
        String text = challenge.getString("challenge");
        return Map.of("challenge", text, "solution", solve(text, challenge.getInt("bits")));
    }

    /** A report about the unit with {@code unitCode}, anonymous. */
    static Map<String, Object> about(String unitCode, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "INACTION");
        body.put("title", title);
        body.put("details", "窗口工作人员上班时间玩手机，群众办事无人理睬。");
        body.put("unitCode", unitCode);
        body.put("people", "窗口负责人 王某");
        body.put("happened", "上周三上午，政务服务大厅");
        return body;
    }

    /** Sends {@code report} with a solved challenge; answers the receipt. */
    static String send(String address, Map<String, Object> report) {
        Map<String, Object> body = new HashMap<>(report);
        body.put("work", work(address));
        return from(address).body(body).post(REPORTS).then().statusCode(201).extract().path("receipt");
    }

    /** The first solution found: SHA-256 of {@code challenge:solution} starts with {@code bits} zero bits. */
    static String solve(String challenge, int bits) {
        for (long n = 0; ; n++) {
            if (solves(challenge, Long.toString(n), bits)) {
                return Long.toString(n);
            }
        }
    }

    /** The first string that does not solve the challenge. */
    static String wrongAnswer(String challenge, int bits) {
        for (long n = 0; ; n++) {
            if (!solves(challenge, "x" + n, bits)) {
                return "x" + n;
            }
        }
    }

    static boolean solves(String challenge, String solution, int bits) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((challenge + ":" + solution).getBytes(StandardCharsets.UTF_8));
            return leadingZeroBits(hash) >= bits;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }
}
