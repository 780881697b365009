package com.sudamall.chat.preview.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ranges a preview fetch may never connect to, and the public addresses it may. */
class AddressPolicyTests {

    private final AddressPolicy policy = new AddressPolicy(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.0.9",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.100.100.200",
                "0.0.0.0",
                "0.1.2.3",
                "224.0.0.1",
                "255.255.255.255",
                "192.0.2.1",
                "198.18.0.1",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "fd00:ec2::254",
                "ff02::1",
                "::ffff:10.0.0.1",
                "::127.0.0.1",
                "2002:7f00:1::",
                "64:ff9b::a9fe:a9fe",
                "2001:0:4136:e378:8000:63bf:80ff:fffe"
            })
    void refuses(String address) throws Exception {
        assertThat(policy.permits(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:93.184.216.34"})
    void permitsPublicAddresses(String address) throws Exception {
        assertThat(policy.permits(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0.5", "10.20.255.255"})
    void anOperatorCanAllowARange(String address) throws Exception {
        AddressPolicy internalShop = new AddressPolicy(List.of("10.20.0.0/16"));
        assertThat(internalShop.permits(InetAddress.getByName(address))).isTrue();
        assertThat(internalShop.permits(InetAddress.getByName("10.21.0.1"))).isFalse();
    }
}
