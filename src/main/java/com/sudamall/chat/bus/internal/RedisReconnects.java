package com.sudamall.chat.bus.internal;

import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How soon the Redis client tries again after losing Redis. Lettuce's default doubles the wait up to 30 s, so after
 * a 20 s outage the bus stayed down for up to 17 s more (the fault suite measured it), and every node's sockets
 * missed each other's events meanwhile. Doubling from 50 ms up to 2 s keeps a Redis restart short for the bus and
 * costs a down Redis one connect attempt per node every 2 s.
 */
@Configuration(proxyBeanMethods = false)
class RedisReconnects {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    @Bean
    ClientResourcesBuilderCustomizer quickRedisReconnects() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(50), LONGEST_WAIT, 2, TimeUnit.MILLISECONDS));
    }
}
