package org.zuofeng.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may go: {@code https} URLs of hosts that do not resolve to loopback, link-local, private,
 * unspecified or multicast addresses, so that a subscription cannot reach into the service's own network, unless
 * the operator's allow-list ({@code ZUOFENG_WEBHOOKS_ALLOWED_TARGETS}: {@code host:port} or {@code host:*}, comma
 * separated) names the target, which may then be {@code http} too. Checked when a subscription is written and again
 * before every attempt (a name may resolve elsewhere later).
 */
@ApplicationScoped
public class WebhookTargets {

    private final Set<String> allowed;

    public WebhookTargets(WebhooksConfig config) {
        this.allowed = config.allowedTargets().map(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    /** Why {@code url} may not receive webhooks; empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getUserInfo() != null
                || uri.getFragment() != null) {
            return Optional.of("must be an absolute https URL with a host, without user info or fragment");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (allowed.contains(host + ":" + port) || allowed.contains(host + ":*")) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must be https (http only for targets the operator allows)");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (internal(address)) {
                    return Optional.of("resolves to an internal address (" + address.getHostAddress()
                            + "); the operator may allow it in ZUOFENG_WEBHOOKS_ALLOWED_TARGETS");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    private static boolean internal(InetAddress address) {
        byte[] a = address.getAddress();
        boolean uniqueLocalV6 = a.length == 16 && (a[0] & 0xfe) == 0xfc;
        boolean carrierNat = a.length == 4 && (a[0] & 0xff) == 100 && (a[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat;
    }
}
