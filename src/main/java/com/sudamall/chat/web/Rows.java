package com.sudamall.chat.web;

import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeConverter;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps rows onto records by column name ({@code last_seq} → {@code lastSeq}), one mapper per record type. Use it
 * instead of JdbcClient's {@code query(Record.class)} or a plain {@link DataClassRowMapper}: both look each
 * camelCase component up by its own name first, on every row, and PostgreSQL's driver answers each miss with an
 * exception and its stack trace (thousands a second during a burst of sockets). This one reads the result set's
 * column labels once per result set and finds every component by position.
 */
public final class Rows {

    private static final ClassValue<RowMapper<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected RowMapper<?> computeValue(Class<?> type) {
            return new RecordMapper<>(type);
        }
    };

    private Rows() {}

    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.get(type);
    }

    /** Spring's mapper with its conversions kept; only the lookup of each component's column is done once. */
    private static final class RecordMapper<T> extends DataClassRowMapper<T> {

        private final Constructor<T> constructor;
        private final String[] keys;
        private final TypeDescriptor[] types;
        /**
         * The column positions in the last result set seen: shared by threads, so replaced whole and never changed,
         * and holding the result set weakly, so a large one is not kept once read.
         */
        private volatile @Nullable Positions last;

        private record Positions(WeakReference<ResultSet> rs, int[] columns) {}

        RecordMapper(Class<T> type) {
            super(type);
            this.constructor = BeanUtils.getResolvableConstructor(type);
            String[] names = BeanUtils.getParameterNames(constructor);
            this.keys = new String[names.length];
            this.types = new TypeDescriptor[names.length];
            for (int i = 0; i < names.length; i++) {
                keys[i] = key(names[i]);
                types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
            }
        }

        @Override
        protected T constructMappedInstance(ResultSet rs, TypeConverter converter) throws SQLException {
            int[] columns = positions(rs);
            Object[] args = new Object[columns.length];
            for (int i = 0; i < args.length; i++) {
                Object value = getColumnValue(rs, columns[i], types[i].getType());
                args[i] = converter.convertIfNecessary(value, types[i].getType(), types[i]);
            }
            return BeanUtils.instantiateClass(constructor, args);
        }

        private int[] positions(ResultSet rs) throws SQLException {
            Positions known = last;
            if (known != null && known.rs().get() == rs) {
                return known.columns();
            }
            ResultSetMetaData meta = rs.getMetaData();
            String[] labels = new String[meta.getColumnCount()];
            for (int c = 0; c < labels.length; c++) {
                labels[c] = key(meta.getColumnLabel(c + 1));
            }
            int[] columns = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                columns[i] = indexOf(labels, keys[i]);
            }
            last = new Positions(new WeakReference<>(rs), columns);
            return columns;
        }

        private int indexOf(String[] labels, String key) {
            for (int c = 0; c < labels.length; c++) {
                if (labels[c].equals(key)) {
                    return c + 1;
                }
            }
            throw new InvalidDataAccessApiUsageException(
                    "no column for " + constructor.getDeclaringClass().getSimpleName() + "." + key);
        }

        /** {@code room_id}, {@code roomId} and {@code ROOMID} all name the same component. */
        private static String key(String name) {
            return name.replace("_", "").toLowerCase(Locale.ROOT);
        }
    }
}
