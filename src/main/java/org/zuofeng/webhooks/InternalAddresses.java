package org.zuofeng.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses lie inside networks a webhook must never reach: loopback, link-local, private (RFC 1918, unique
 * local), shared (RFC 6598), this-network, IETF protocol assignments, benchmarking, reserved, multicast; and IPv6
 * addresses that carry such an IPv4 address inside them (IPv4-mapped, IPv4-compatible, 6to4, NAT64 well-known and
 * local-use prefixes), which a resolver may hand out to reach the same hosts.
 */
final class InternalAddresses {

    private InternalAddresses() {
    }

    static boolean internal(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length == 16) {
            byte[] embedded = embeddedIpv4(a);
            if (embedded != null && internal(ipv4(embedded))) {
                return true;
            }
            boolean uniqueLocal = (a[0] & 0xfe) == 0xfc;
            return uniqueLocal || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress();
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        boolean thisNetwork = first == 0;
        boolean sharedNat = first == 100 && (second & 0xc0) == 64;
        boolean protocolAssignments = first == 192 && second == 0 && (a[2] & 0xff) == 0;
        boolean benchmarking = first == 198 && (second & 0xfe) == 18;
        boolean reserved = first >= 240;
        return thisNetwork || sharedNat || protocolAssignments || benchmarking || reserved
                || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress();
    }

    /** The IPv4 address an IPv6 address carries, in the forms that reach IPv4 hosts; null for others. */
    private static byte[] embeddedIpv4(byte[] a) {
        boolean zeros80 = Arrays.equals(Arrays.copyOfRange(a, 0, 10), new byte[10]);
        if (zeros80 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(a, 12, 16); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (zeros80 && a[10] == 0 && a[11] == 0 && !(a[12] == 0 && a[13] == 0 && a[14] == 0)) {
            return Arrays.copyOfRange(a, 12, 16); // IPv4-compatible ::a.b.c.d
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(a, 2, 6); // 6to4 2002:aabb:ccdd::/48
        }
        boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b;
        if (nat64) {
            return Arrays.copyOfRange(a, 12, 16); // 64:ff9b::/96 and 64:ff9b:1::/48
        }
        return null;
    }

    private static InetAddress ipv4(byte[] address) {
        try {
            return Inet4Address.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
