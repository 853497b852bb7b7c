package org.zuofeng.webhooks;

import org.zuofeng.common.problem.Text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may go: {@code https} URLs of hosts that resolve only to public addresses (not loopback, link-local,
 * private, shared, reserved, unspecified or multicast, nor any of these in IPv4-mapped, IPv4-compatible, 6to4 or
 * NAT64 form), so that a subscription cannot reach into the service's own network; unless the operator's allow-list
 * ({@code ZUOFENG_WEBHOOKS_ALLOWED_TARGETS}: {@code host:port} or {@code host:*}, comma separated) names the target,
 * which may then be {@code http} too. Checked when a subscription is written and again before every attempt, and the
 * attempt connects to the very address that passed the check ({@link Target}), so a name that resolves elsewhere the
 * second time (DNS rebinding) gains nothing.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Resolves a host name to its addresses (the system's resolver; another in tests). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A target that passed the check: where to connect, and the name to send (Host, TLS server name). */
    record Target(URI uri, String host, int port, boolean tls, InetAddress address) {
    }

    private final Set<String> allowed;
    private final Resolver resolver;

    @Inject
    public WebhookTargets(WebhooksConfig config) {
        this(config.allowedTargets().orElse(""), InetAddress::getAllByName);
    }

    WebhookTargets(String allowedTargets, Resolver resolver) {
        this.allowed = Arrays.stream(allowedTargets.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Why {@code url} may not receive webhooks; empty when it may. */
    public Optional<Text> refusal(String url) {
        try {
            check(url);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.why);
        }
    }

    /** The target to connect to, resolved once and checked; {@link Refused} saying why when it may not be. */
    Target check(String url) throws Refused {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refused(Text.of("field.notUrl"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getUserInfo() != null
                || uri.getFragment() != null) {
            throw new Refused(Text.of("field.urlForm"));
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        boolean allowedByOperator = allowed.contains(host + ":" + port) || allowed.contains(host + ":*");
        if (!allowedByOperator && !tls) {
            throw new Refused(Text.of("field.urlHttps"));
        }
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new Refused(Text.of("field.urlUnresolved"));
        }
        if (!allowedByOperator) {
            for (InetAddress address : addresses) {
                if (InternalAddresses.internal(address)) {
                    throw new Refused(Text.of("field.urlInternal", address.getHostAddress()));
                }
            }
        }
        return new Target(uri, name, port, tls, addresses[0]);
    }

    /** Why a URL may not receive webhooks. */
    static final class Refused extends Exception {
        final Text why;

        Refused(Text why) {
            super(why.in(false), null, false, false);
            this.why = why;
        }
    }
}
