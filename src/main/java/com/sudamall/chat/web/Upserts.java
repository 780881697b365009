package com.sudamall.chat.web;

import java.util.function.IntSupplier;
import org.springframework.dao.DuplicateKeyException;

/**
 * Insert-or-update that works the same on H2 and PostgreSQL: update first; insert when nothing was there; and when a
 * concurrent insert won the race, update what it inserted.
 */
public final class Upserts {

    private Upserts() {}

    /** Runs the upsert; true when the row was inserted. */
    public static boolean updateOrInsert(IntSupplier update, IntSupplier insert) {
        if (update.getAsInt() > 0) {
            return false;
        }
        try {
            insert.getAsInt();
            return true;
        } catch (DuplicateKeyException raced) {
            update.getAsInt();
            return false;
        }
    }
}
