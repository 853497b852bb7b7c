package org.zuofeng.common.web;

import io.vertx.core.net.SocketAddress;

/**
 * A request's client address, as counted by the limits of the anonymous API: the remote address, which Quarkus takes
 * from {@code X-Forwarded-For} when, and only when, the peer is one of the trusted proxies. Never stored or logged as
 * it is: the limits keep a keyed hash of it.
 */
public final class ClientAddress {

    /** The longest address taken: more than any IPv6 address needs (a proxy may forward anything). */
    private static final int LENGTH = 64;

    private ClientAddress() {
    }

    /** The address as an IP address where it is one; {@code unknown} without one. */
    public static String of(SocketAddress remote) {
        String address = remote == null ? null : remote.hostAddress() != null ? remote.hostAddress() : remote.host();
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        return address.length() > LENGTH ? address.substring(0, LENGTH) : address;
    }
}
