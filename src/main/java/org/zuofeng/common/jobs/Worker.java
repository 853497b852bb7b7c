package org.zuofeng.common.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This process as a worker of the replica set: the owner its leases name. New at every start, so a replica that
 * restarts never mistakes the leases of its previous life for its own.
 */
@ApplicationScoped
public class Worker {

    private final String id;

    public Worker() {
        this.id = host() + "/" + UUID.randomUUID();
    }

    public String id() {
        return id;
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 64 ? name.substring(0, 64) : name;
        } catch (UnknownHostException e) {
            return "replica";
        }
    }
}
