package com.sudamall.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Users, stores and rooms of a scenario, made through the service's own API (dev login, the integration API, room
 * creation), a few requests at a time. The ceiling server needs none of that: its rooms are just ids.
 */
final class Setup {

    private static final int PARALLEL = 4;

    private Setup() {}

    /** {@code count} customer-store rooms, each with its customer and the store's owner. */
    static List<Room> pairs(Api api, String run, int count) {
        return parallel(count, i -> {
            String customer = pairMembers(run, i).get(0);
            String owner = pairMembers(run, i).get(1);
            String store = run + "-store-" + i;
            String ownerToken = api.login(owner, "store_owner");
            String customerToken = api.login(customer, "customer");
            api.putStore(store, owner);
            return new Room(api.customerStoreRoom(customerToken, store, owner), List.of(customerToken, ownerToken));
        });
    }

    /** The user ids of pair {@code i}: its customer, then its store's owner. */
    static List<String> pairMembers(String run, int i) {
        return List.of(run + "-customer-" + i, run + "-owner-" + i);
    }

    /** One group room of {@code size} members. */
    static Room group(Api api, String run, int size) {
        List<String> ids =
                IntStream.range(0, size).mapToObj(i -> run + "-member-" + i).toList();
        List<String> tokens = parallel(size, i -> api.login(ids.get(i), "customer"));
        String room = api.groupRoom(tokens.getFirst(), ids.subList(1, size));
        return new Room(room, tokens);
    }

    /** Tokens of {@code users} fresh users. */
    static List<String> users(Api api, String run, int users) {
        return parallel(users, i -> api.login(run + "-idle-" + i, "customer"));
    }

    /** Rooms for the ceiling server: ids only, {@code members} sockets each. */
    static List<Room> synthetic(int count, int members) {
        List<Room> rooms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rooms.add(new Room(UUID.randomUUID().toString(), java.util.Collections.nCopies(members, "-")));
        }
        return rooms;
    }

    private static <T> List<T> parallel(int count, java.util.function.IntFunction<T> make) {
        List<T> made = new ArrayList<>(java.util.Collections.nCopies(count, null));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL)) {
            List<java.util.concurrent.Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                tasks.add(pool.submit(() -> made.set(index, make.apply(index))));
            }
            for (var task : tasks) {
                task.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("setup failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return made;
    }
}
