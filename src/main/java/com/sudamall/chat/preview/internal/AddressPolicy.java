package com.sudamall.chat.preview.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses a preview fetch may connect to: public unicast ones only. Refused are loopback, private
 * (RFC 1918, unique-local IPv6), link-local (where clouds serve instance metadata at 169.254.169.254), carrier-grade
 * NAT, "this network", multicast, broadcast, documentation and benchmark ranges, the cloud metadata addresses
 * outside those (AWS's fd00:ec2::254, Alibaba's 100.100.100.200), and IPv6 forms that embed an IPv4 address
 * (mapped, compatible, 6to4, NAT64, Teredo), which are judged by that address. Ranges an operator allows are let
 * through before any of this.
 */
final class AddressPolicy {

    private static final List<Cidr> REFUSED = List.of(
                    "0.0.0.0/8",
                    "10.0.0.0/8",
                    "100.64.0.0/10",
                    "127.0.0.0/8",
                    "169.254.0.0/16",
                    "172.16.0.0/12",
                    "192.0.0.0/24",
                    "192.0.2.0/24",
                    "192.88.99.0/24",
                    "192.168.0.0/16",
                    "198.18.0.0/15",
                    "198.51.100.0/24",
                    "203.0.113.0/24",
                    "224.0.0.0/4",
                    "240.0.0.0/4",
                    "255.255.255.255/32",
                    "::/128",
                    "::1/128",
                    "fc00::/7",
                    "fe80::/10",
                    "fec0::/10",
                    "ff00::/8",
                    "2001:db8::/32",
                    "fd00:ec2::254/128")
            .stream()
            .map(Cidr::parse)
            .toList();

    private final List<Cidr> allowed;

    AddressPolicy(List<String> allowedRanges) {
        this.allowed = allowedRanges.stream().map(Cidr::parse).toList();
    }

    boolean permits(InetAddress address) {
        if (allowed.stream().anyMatch(range -> range.contains(address))) {
            return true;
        }
        InetAddress judged = embeddedIpv4(address);
        if (judged != address) {
            return permits(judged);
        }
        return !address.isAnyLocalAddress()
                && !address.isLoopbackAddress()
                && !address.isLinkLocalAddress()
                && !address.isSiteLocalAddress()
                && !address.isMulticastAddress()
                && REFUSED.stream().noneMatch(range -> range.contains(address));
    }

    /** The IPv4 address an IPv6 one stands for, when it embeds one; else the address itself. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        int from = -1;
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            from = 12; // ::ffff:a.b.c.d, IPv4-mapped
        } else if (isZero(b, 0, 12) && !isZero(b, 12, 16) && !(isZero(b, 12, 15) && b[15] == 1)) {
            from = 12; // ::a.b.c.d, IPv4-compatible (deprecated, still routed by some stacks)
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            from = 2; // 2002:aabb:ccdd::, 6to4
        } else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            from = 12; // 64:ff9b::a.b.c.d, NAT64
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            // 2001:0::/32, Teredo: the client's address is stored inverted in the last four bytes
            byte[] v4 = new byte[4];
            for (int i = 0; i < 4; i++) {
                v4[i] = (byte) ~b[12 + i];
            }
            return ipv4(v4);
        }
        if (from < 0) {
            return address;
        }
        byte[] v4 = new byte[4];
        System.arraycopy(b, from, v4, 0, 4);
        return ipv4(v4);
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** An address range; the address family must match for it to contain an address. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/");
            byte[] network;
            try {
                network = InetAddress.getByName(parts[0]).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address range: " + text, e);
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("not an address range: " + text);
            }
            return new Cidr(network, bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length || (address instanceof Inet4Address) != (network.length == 4)) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
